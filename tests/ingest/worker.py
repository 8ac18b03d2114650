"""A real Celery worker in a subprocess, on the test database and the test run's broker.

The worker consumes a queue of its own (the test routes sources.tasks and claims.tasks
there), so workers started by other test packages never take our tasks, nor we theirs.
Tests that use it are transactional: the worker only sees committed rows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from kombu import Queue

from factcheck.celery import app
from tests.workers import worker_database_url

BASE_DIR = Path(settings.BASE_DIR)


class Worker:
    def __init__(self, queue: str, log_dir: Path, *, visibility_timeout: int = 600) -> None:
        self.queue = queue
        self.log_dir = log_dir
        self.visibility_timeout = visibility_timeout
        self.extra_env: dict[str, str] = {}  # settings of the next workers started
        self.started: list[subprocess.Popen] = []

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=worker_database_url(),
            CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
            CELERY_VISIBILITY_TIMEOUT=str(self.visibility_timeout),
            CELERY_UNACKED_RESTORE_INTERVAL="1",
            SECRET_KEY=settings.SECRET_KEY,
            DJANGO_SETTINGS_MODULE="factcheck.settings",
            FACTCHECK_FETCH_ALLOW_LOOPBACK="1",
            FACTCHECK_FETCH_HOST_DELAY="0",
            PYTHONPATH=str(BASE_DIR),
            INGEST_TEST_QUEUE=self.queue,
        )
        env.update(self.extra_env)
        return env

    def start(self, pool: str = "solo") -> subprocess.Popen:
        """A worker process; pool="prefork" (one child) where time limits must hold."""
        n = len(self.started) + 1
        log = (self.log_dir / f"worker-{n}.log").open("wb")
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tests.ingest.workerapp",
                "worker",
                "-Q",
                self.queue,
                "--pool",
                pool,
                "--concurrency",
                "1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
                "--hostname",
                f"{self.queue}-{n}@%h",
            ],
            cwd=BASE_DIR,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so a kill takes all of it
        )
        self.started.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen) -> None:
        """SIGKILL: no shutdown, no acknowledgement, the connection just drops."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)

    def stop_all(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(15)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n" + p.read_text(errors="replace")[-4000:]
            for p in sorted(self.log_dir.glob("worker-*.log"))
        )

    def wait_until(self, check: Callable[[], bool], what: str, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if check():
                return
            time.sleep(0.25)
        raise AssertionError(f"timed out waiting for {what}\n{self.logs()}")


def set_routes(routes: dict | None) -> None:
    # Celery builds its router once; a changed setting needs a new one.
    app.conf.task_routes = routes
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


def route_tasks_to(queue: str) -> dict | None:
    """Send sources.* and claims.* tasks to `queue`; returns the routes to restore."""
    previous = app.conf.task_routes
    set_routes(
        {
            "sources.tasks.*": {"queue": queue},
            "claims.tasks.*": {"queue": queue},
            "alerts.tasks.*": {"queue": queue},
        }
    )
    return previous


def declare(queue: str) -> None:
    """Create the queue, so messages sent before any worker listens wait there."""
    with app.connection_for_write() as conn:
        Queue(queue, routing_key=queue).bind(conn.default_channel).declare()


def queued(queue: str) -> list[tuple[str, list]]:
    """The tasks waiting on the queue (taken off it), as (task name, args)."""
    out = []
    with app.connection_for_write() as conn, conn.SimpleQueue(queue) as q:
        while True:
            try:
                message = q.get(timeout=0.5)
            except q.Empty:
                return out
            out.append((message.headers["task"], message.payload[0]))
            message.ack()


def purge(queue: str) -> None:
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(queue)


def new_queue_name() -> str:
    return f"ingest-test-{uuid.uuid4().hex[:8]}"
