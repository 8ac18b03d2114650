"""`make run`: the whole workbench on one machine, with demo data.

Starts the embedded PostgreSQL and Redis (unless DATABASE_URL / CELERY_BROKER_URL
are set), migrates, loads the demo, then runs the web server, a Celery worker
and Celery beat as children. A part that dies (a crash, the OOM killer, a stray
kill -9) is started again with a line saying so; one that dies more than
FACTCHECK_RUN_MAX_RESTARTS times in FACTCHECK_RUN_RESTART_WINDOW seconds (3 in
60) is not coming back by itself, and everything stops. Ctrl-C (SIGINT) or
SIGTERM stops the children, then the embedded servers, so nothing is left running.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
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
# A part may be restarted this many times within the window; one more death stops everything.
MAX_RESTARTS = int(os.environ.get("FACTCHECK_RUN_MAX_RESTARTS") or 3)
RESTART_WINDOW_SECONDS = float(os.environ.get("FACTCHECK_RUN_RESTART_WINDOW") or 60)


@dataclass
class Part:
    """One child of the runner (web, worker or beat), started when made, and when it was
    last restarted."""

    name: str
    argv: list[str]
    env: dict[str, str]
    proc: subprocess.Popen = field(init=False)
    restarts: deque[float] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.start()

    def start(self) -> None:
        # Its own process group (session), so a terminal's Ctrl-C reaches the runner first
        # and the runner stops the parts in order, and so the whole part (a worker's pool
        # processes too) can be signalled at once.
        self.proc = subprocess.Popen(self.argv, cwd=BASE_DIR, env=self.env, start_new_session=True)

    def may_restart(self, now: float) -> bool:
        while self.restarts and now - self.restarts[0] > RESTART_WINDOW_SECONDS:
            self.restarts.popleft()
        return len(self.restarts) < MAX_RESTARTS


def _how_it_ended(returncode: int) -> str:
    if returncode >= 0:
        return f"exited with {returncode}"
    try:
        return f"was killed by {signal.Signals(-returncode).name}"
    except ValueError:
        return f"was killed by signal {-returncode}"


def _kill_leftovers(proc: subprocess.Popen) -> None:
    """Kill what a dead part leaves in its group (a SIGKILLed worker's pool processes)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _watch(parts: list[Part]) -> bool:
    """Restart each part that died; False once one died too often (the runner then stops)."""
    for part in parts:
        if part.proc.poll() is None:
            continue
        how = _how_it_ended(part.proc.returncode)
        _kill_leftovers(part.proc)
        now = time.monotonic()
        if not part.may_restart(now):
            print(
                f"{part.name} {how}: {len(part.restarts) + 1} deaths within "
                f"{RESTART_WINDOW_SECONDS:.0f} s, it keeps dying, so everything stops.",
                flush=True,
            )
            return False
        part.restarts.append(now)
        print(
            f"{part.name} {how}; restarting it (restart {len(part.restarts)} of "
            f"{MAX_RESTARTS} allowed in {RESTART_WINDOW_SECONDS:.0f} s).",
            flush=True,
        )
        part.start()
    return True


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


def _stop(parts: list[Part]) -> None:
    children = [part.proc for part in parts]
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

    parts: list[Part] = []
    kept_running = True
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
        for name, argv in commands.items():
            parts.append(Part(name, argv, env))
        _wait_for_port(port, parts[0].proc)

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

        while not stopping and kept_running:
            kept_running = _watch(parts)
            time.sleep(0.5)
    except (subprocess.CalledProcessError, RuntimeError) as exc:
        print(f"factcheck could not start: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        print("Stopping…", flush=True)
        _stop(parts)
        embedded.shutdown()
        print("Stopped.", flush=True)
    return 0 if kept_running else 1


if __name__ == "__main__":
    sys.exit(main())
