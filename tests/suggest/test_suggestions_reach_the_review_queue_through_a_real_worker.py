"""End to end: pasted text -> ingestion task -> suggestion task -> review queue, on a real worker.

The worker is a Celery worker subprocess (tests/ingest/worker.py) on the test
database, the configured broker and a queue of this test's own. The test
waits until the worker logs that the suggestion task for the article
succeeded, and only then reads what it filed: however many suggestions there
are, they are all committed by then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from claims.demo import data as demo_data
from claims.management.commands.load_demo import main_text
from claims.models import Stance
from claims.web.selectors import review_queue
from sources.models import IngestJob
from sources.services import ingest_text_submit
from tests.ingest.worker import Worker, new_queue_name, purge, route_tasks_to, set_routes

# How long the worker may take to ingest and suggest (it usually needs a few seconds).
WAIT_SECONDS = 90
SUCCEEDED = re.compile(
    r"Task claims\.tasks\.suggest_stances_for_article\[(?P<id>[\w-]+)\] succeeded in [\d.]+s: (?P<n>\d+)"
)


@pytest.fixture
def worker(transactional_db, tmp_path) -> Iterator[Worker]:
    queue = new_queue_name()
    previous = route_tasks_to(queue)
    worker = Worker(queue, tmp_path)
    worker.start()
    yield worker
    worker.stop_all()
    purge(queue)
    set_routes(previous)


def succeeded(worker: Worker) -> list[int]:
    """What each finished suggestion task returned (the number of new suggestions)."""
    return [int(m.group("n")) for m in SUCCEEDED.finditer(worker.logs())]


@pytest.mark.worker
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_suggestions_reach_the_review_queue_through_a_real_worker(world, worker):
    spec = next(a for a in demo_data.ARTICLES if a.key == "002")
    job = ingest_text_submit(
        text=main_text(spec), title=spec.title, published_on=dt.date(2024, 9, 13)
    )

    def ingested() -> bool:
        job.refresh_from_db()
        assert job.status != IngestJob.Status.FAILED, job.error
        return job.status == IngestJob.Status.DONE

    worker.wait_until(ingested, "the ingestion job", WAIT_SECONDS)
    worker.wait_until(lambda: succeeded(worker), "the suggestion task to succeed", WAIT_SECONDS)
    (filed,) = succeeded(worker)

    queue = list(review_queue().filter(article_id=job.article_id))
    assert len(queue) == filed == Stance.objects.filter(article_id=job.article_id).count()
    found = {(s.claim.slug, s.source.name, s.position) for s in queue}
    assert found == {
        (demo_data.ARMS, "United States", "asserts"),
        (demo_data.ARMS, "Russia", "denies"),
        (demo_data.ARMS, "North Korea", "denies"),
    }
    assert all(s.status == "suggested" for s in queue)
    assert queue == sorted(queue, key=lambda s: (s.created_at, s.id))  # oldest first
    for stance in queue:
        assert stance.article.text[stance.quote_start : stance.quote_end] == stance.quote_exact
