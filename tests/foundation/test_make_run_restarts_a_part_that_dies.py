"""`make run` keeps running when one part dies: a Celery worker killed with SIGKILL is started
again, with a line saying so, and works (a pasted article is stored), while the web server
answers all along. A part that keeps dying stops everything, and nothing is left running."""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from tests.leftovers import checkout_processes

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


class Output:
    """The runner's output, read by a thread, so that waiting for a line has a deadline."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(proc.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                tail = "".join(self.seen[-60:])
                raise AssertionError(f"'{needle}' never printed; the output ended with:\n{tail}")
            self.seen.append(line)
            if needle in line:
                return line


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def part(runner: subprocess.Popen, word: str, *, not_pid: int = 0) -> psutil.Process:
    """The runner's child whose command line has ``word`` (web: runserver, worker, beat)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for child in psutil.Process(runner.pid).children():
            try:
                if word in child.cmdline() and child.pid != not_pid:
                    return child
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.2)
    raise AssertionError(f"no {word} among the runner's children")


def api(port: int, token: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def token_of(var: Path, env: dict[str, str], username: str) -> str:
    # manage.py joins the embedded servers of the running `make run` in the same var/.
    made = subprocess.run(
        [sys.executable, "manage.py", "drf_create_token", username],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return made.stdout.split()[2]


def wait_for_job(port: int, token: str, url: str) -> dict:
    path = url.split(f":{port}", 1)[1]
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        job = api(port, token, path)
        if job["status"] in {"done", "failed"}:
            return job
        time.sleep(1)
    raise AssertionError(f"the job never finished: {job}")


def test_a_killed_worker_comes_back_and_one_that_keeps_dying_stops_everything(tmp_path):
    var = tmp_path / "var"
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "SECRET_KEY", "DEBUG"}
    }
    env.update(
        FACTCHECK_VAR_DIR=str(var),
        PORT=str(port),
        PYTHONUNBUFFERED="1",
        # Every restart in this test falls in one window, however slow the machine is.
        FACTCHECK_RUN_RESTART_WINDOW="3600",
    )
    runner = subprocess.Popen(
        [sys.executable, "-m", "factcheck.run"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    output = Output(runner)
    family: list[psutil.Process] = []
    try:
        output.wait_for("Ctrl-C stops everything", timeout=300)
        consumer = next(ln for ln in output.seen if "API token of 'consumer'" in ln).split()[-1]
        web, worker = part(runner, "runserver"), part(runner, "worker")
        pool = worker.children(recursive=True)
        family = [psutil.Process(runner.pid), web, worker, *pool, part(runner, "beat")]

        worker.send_signal(signal.SIGKILL)

        output.wait_for("worker was killed by SIGKILL; restarting it (restart 1 of 3", 60)
        comeback = part(runner, "worker", not_pid=worker.pid)
        family.append(comeback)
        _, orphans = psutil.wait_procs(pool, timeout=30)
        assert not orphans, "the killed worker's pool processes were left running"
        assert part(runner, "runserver").pid == web.pid  # the web server was never stopped
        claims = api(port, consumer, "/api/v1/claims/")
        assert "north-korea-arms-to-russia" in json.dumps(claims)
        editor = token_of(var, env, "editor")
        queued = api(
            port,
            editor,
            "/api/v1/articles/",
            {"title": "After the restart", "text": "Seoul said the shipments went on."},
        )
        assert wait_for_job(port, editor, queued["url"])["status"] == "done"

        # A part that keeps dying: restarts 2 and 3, then the fourth death stops everything.
        current = comeback
        for restart in (2, 3):
            current.send_signal(signal.SIGKILL)
            output.wait_for(f"worker was killed by SIGKILL; restarting it (restart {restart}", 60)
            current = part(runner, "worker", not_pid=current.pid)
            family.append(current)
        current.send_signal(signal.SIGKILL)
        output.wait_for("4 deaths within 3600 s, it keeps dying, so everything stops", 60)
        output.wait_for("Stopped.", 120)
        assert runner.wait(timeout=60) == 1
    finally:
        if runner.poll() is None:
            os.killpg(runner.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
            runner.wait(timeout=120)
    _, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, f"left running: {[p.cmdline() for p in alive]}"
    assert checkout_processes(var) == []
