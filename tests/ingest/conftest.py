"""Fixtures of the ingestion tests: the local web (tests/ingest/site.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from tests.ingest.site import Handler, QuietServer, Web


@pytest.fixture(scope="session")
def _web_server() -> Iterator[Web]:
    server = QuietServer(("127.0.0.1", 0), Handler)
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
    cache.clear()  # robots.txt answers, per-host slots
    _web_server.reset()
    yield _web_server
    _web_server.reset()


@pytest.fixture
def stored_article(db):
    """An article stored before the bad input arrives: nothing may lose it."""
    from tests.factories import ArticleFactory

    return ArticleFactory(title="Stored before the bad input")


@pytest.fixture
def worker(tmp_path, web):
    """Starts real Celery workers (subprocesses) on a queue of this test's own."""
    from tests.ingest.worker import Worker, new_queue_name, purge, route_tasks_to, set_routes

    queue = new_queue_name()
    previous = route_tasks_to(queue)
    worker = Worker(queue, tmp_path)
    yield worker
    worker.stop_all()
    purge(queue)
    set_routes(previous)


@pytest.fixture
def task_queue():
    """A queue of this test's own that sources.* and claims.* tasks are sent to (no worker):
    tests read what was queued with tests.ingest.worker.queued(name)."""
    from tests.ingest.worker import declare, new_queue_name, purge, route_tasks_to, set_routes

    name = new_queue_name()
    previous = route_tasks_to(name)
    declare(name)
    yield name
    purge(name)
    set_routes(previous)
