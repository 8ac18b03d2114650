"""End to end: pasted text -> ingestion task -> suggestion task -> review queue, on a real worker.

The worker is a `celery -A factcheck worker` subprocess on the test database
and the configured broker; the test waits for the committed rows.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from claims.demo import data as demo_data
from claims.management.commands.load_demo import main_text
from claims.web.selectors import review_queue
from sources.models import IngestJob
from sources.services import ingest_text_submit
from tests.workers import worker_database_url

# How long the worker may take to ingest and suggest (it usually needs a few seconds).
WAIT_SECONDS = 90


@pytest.fixture
def worker(transactional_db) -> Iterator[subprocess.Popen]:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "SECRET_KEY": settings.SECRET_KEY,
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ],
        cwd=Path(settings.BASE_DIR),
        env=env,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.mark.worker
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_suggestions_reach_the_review_queue_through_a_real_worker(world, worker):
    spec = next(a for a in demo_data.ARTICLES if a.key == "002")
    job = ingest_text_submit(
        text=main_text(spec), title=spec.title, published_on=dt.date(2024, 9, 13)
    )

    deadline = time.monotonic() + WAIT_SECONDS
    queue: list = []
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the Celery worker exited"
        job.refresh_from_db()
        assert job.status != IngestJob.Status.FAILED, job.error
        if job.article_id is not None:
            queue = list(review_queue().filter(article_id=job.article_id))
            if len(queue) >= 3:
                break
        time.sleep(0.5)
    else:
        pytest.fail(f"no suggestions after {WAIT_SECONDS} s (job {job.status}: {job.error})")

    found = {(s.claim.slug, s.source.name, s.position) for s in queue}
    assert (demo_data.ARMS, "United States", "asserts") in found
    assert (demo_data.ARMS, "Russia", "denies") in found
    assert (demo_data.ARMS, "North Korea", "denies") in found
    assert all(s.status == "suggested" for s in queue)
    assert queue == sorted(queue, key=lambda s: (s.created_at, s.id))  # oldest first
    for stance in queue:
        assert stance.article.text[stance.quote_start : stance.quote_end] == stance.quote_exact
