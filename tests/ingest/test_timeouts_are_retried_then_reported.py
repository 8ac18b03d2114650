"""A server too slow to answer: the fetch times out, the job retries, then reports it."""

import pytest

from sources.feeds import feed_poll
from sources.jobs import INGEST_MAX_RETRIES
from sources.models import Article, Feed, IngestJob
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def slow(web, settings):
    settings.FACTCHECK_FETCH_READ_TIMEOUT = 0.2
    return web.add("/slow", body=b"<html></html>", delay=1.0)


def test_a_read_timeout_is_retried_then_reported_on_the_job(web, slow, stored_article):
    job = run_task(url_job(slow))

    assert job.status == IngestJob.Status.FAILED
    assert "timed out" in job.error
    assert f"gave up after {INGEST_MAX_RETRIES + 1} attempts" in job.error
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_a_feed_that_times_out_says_so(web, slow):
    feed = Feed.objects.create(url=slow)

    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert "timed out" in feed.last_error
    assert feed.consecutive_failures == 1
