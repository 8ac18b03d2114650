"""The Celery app as the test workers run it: everything they queue stays on their queue."""

import os

from factcheck.celery import app

_queue = os.environ["INGEST_TEST_QUEUE"]
app.conf.task_routes = {
    "sources.tasks.*": {"queue": _queue},
    "claims.tasks.*": {"queue": _queue},
    "alerts.tasks.*": {"queue": _queue},
}

__all__ = ["app"]
