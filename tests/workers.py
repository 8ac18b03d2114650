"""Helpers for tests that start real Celery workers as subprocesses."""

from __future__ import annotations

from urllib.parse import quote

from django.db import connection


def worker_database_url() -> str:
    """DATABASE_URL of the test database for a worker subprocess.

    Under the embedded PostgreSQL the host is a unix-socket directory, which
    dj-database-url keeps in OPTIONS, not HOST.
    """
    d = connection.settings_dict
    options = d.get("OPTIONS") or {}
    host = d.get("HOST") or options.get("host") or ""
    port = d.get("PORT") or options.get("port") or ""
    user = quote(d.get("USER") or "", safe="")
    password = d.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}@" if password else f"{user}@"
    netloc = quote(host, safe="") if host.startswith("/") else host
    if port:
        netloc += f":{port}"
    return f"postgresql://{auth}{netloc}/{quote(d['NAME'], safe='')}"
