"""`make run`: the whole workbench on one machine, with demo data.

Starts the embedded PostgreSQL and Redis (unless DATABASE_URL / CELERY_BROKER_URL
are set), migrates, loads the demo, then runs the web server, a Celery worker
and Celery beat as children. Ctrl-C (SIGINT) or SIGTERM stops the children,
then the embedded servers, so nothing is left running.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from factcheck import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
DEMO_LOGINS = [
    ("editor", "editor-demo-2025", "Editors: claims, sources, feeds in the admin"),
    ("reviewer", "reviewer-demo-2025", "Reviewers: the review queue, stances"),
    ("consumer", "consumer-demo-2025", "API consumers: read-only API (token below)"),
]
# How long children get to finish their current request or task on shutdown.
STOP_GRACE_SECONDS = 10


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the web server exited before it was ready")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the web server did not answer on port {port} in {timeout:.0f}s")


def _stop(children: list[subprocess.Popen]) -> None:
    for proc in children:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for proc in children:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> int:
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    env.setdefault("PYTHONUNBUFFERED", "1")
    port = int(env.get("PORT") or 8000)
    var = embedded.var_dir()

    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    children: list[subprocess.Popen] = []
    try:
        if not env.get("DATABASE_URL"):
            print("Starting embedded PostgreSQL (data in var/pgdata)…", flush=True)
            env["DATABASE_URL"] = embedded.postgres_url()
            # The children see a DATABASE_URL: hand them this checkout's development secret.
            env.setdefault("SECRET_KEY", embedded.development_secret())
        if not env.get("CELERY_BROKER_URL"):
            print("Starting embedded Redis…", flush=True)
            env["CELERY_BROKER_URL"] = embedded.redis_url()
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "load_demo")

        commands = {
            "web": [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            "worker": [sys.executable, "-m", "celery", "-A", "factcheck", "worker",
                       "--loglevel", "INFO", "--concurrency", "2"],
            "beat": [sys.executable, "-m", "celery", "-A", "factcheck", "beat", "--loglevel",
                     "INFO", "--schedule", str(var / "celerybeat-schedule")],
        }  # fmt: skip
        for argv in commands.values():
            # Own process group each, so a terminal's Ctrl-C reaches us first
            # and we stop them in order.
            children.append(subprocess.Popen(argv, cwd=BASE_DIR, env=env, start_new_session=True))
        _wait_for_port(port, children[0])

        # "Generated token <key> for user consumer"
        answer = subprocess.run(
            [sys.executable, "manage.py", "drf_create_token", "consumer"],
            cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False,
        ).stdout.split()  # fmt: skip
        token = (
            answer[2] if len(answer) > 2 else "(run: python manage.py drf_create_token consumer)"
        )
        lines = [
            "",
            f"  factcheck is running at http://127.0.0.1:{port}/",
            f"  admin: http://127.0.0.1:{port}/admin/   API docs: http://127.0.0.1:{port}/api/docs/",
            "  demo logins:",
            *(f"    {user:<9} {password:<20} {what}" for user, password, what in DEMO_LOGINS),
            f"  API token of 'consumer': {token}",
            "  Ctrl-C stops everything (web, worker, beat, embedded PostgreSQL and Redis).",
            "",
        ]
        print("\n".join(lines), flush=True)

        while not stopping:
            for name, proc in zip(commands, children, strict=True):
                if proc.poll() is not None:
                    print(f"{name} exited with {proc.returncode}; stopping.", flush=True)
                    stopping = True
            time.sleep(0.5)
    except (subprocess.CalledProcessError, RuntimeError) as exc:
        print(f"factcheck could not start: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        print("Stopping…", flush=True)
        _stop(children)
        embedded.shutdown()
        print("Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
