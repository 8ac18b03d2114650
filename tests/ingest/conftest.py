"""Fixtures of the ingestion tests: the local web (tests/ingest/site.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from django.core.cache import cache

from sources import fetch as fetch_module
from tests.ingest.site import Handler, Web


@pytest.fixture(scope="session")
def _web_server() -> Iterator[Web]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    web = Web(server)
    Handler.web = web
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield web
    server.shutdown()
    server.server_close()


@pytest.fixture
def web(_web_server: Web, settings) -> Iterator[Web]:
    """The local web, empty, with the fetcher allowed onto loopback and no politeness pause."""
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    settings.FACTCHECK_FETCH_HOST_DELAY = 0
    cache.clear()  # robots.txt answers
    fetch_module.throttle = fetch_module.HostThrottle()
    _web_server.reset()
    yield _web_server
    _web_server.reset()
