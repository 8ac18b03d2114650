"""Beat's task on a real Celery worker: due feed -> poll -> one job per item -> articles."""

import pytest

from sources.models import Article, Feed, IngestJob
from sources.tasks import feeds_poll_due
from tests.ingest.site import serve_seed_feeds

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_worker_polls_the_due_feed_and_stores_the_five_seeds(web, worker):
    rss, _ = serve_seed_feeds(web)
    feed = Feed.objects.create(url=rss)  # due now
    worker.start()

    feeds_poll_due.delay()

    worker.wait_until(
        lambda: IngestJob.objects.filter(feed=feed, status=IngestJob.Status.DONE).count() == 5,
        "five done jobs",
    )
    feed.refresh_from_db()
    assert feed.last_status == "200 OK: 5 new of 5"
    assert feed.last_polled_at is not None
    assert feed.next_poll_at > feed.last_polled_at
    assert Article.objects.filter(feed=feed).count() == 5
    assert all(
        agent.headers["user-agent"].startswith("factcheck-workbench/") for agent in web.requests
    )
