"""Errors nobody planned for (here Celery's soft time limit) fail the job or the feed poll
with a reason and a logged traceback; nothing stays "running" and nothing stored is lost."""

import contextlib
import logging
import signal

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from sources.feeds import feed_poll
from sources.ingest import job_run
from sources.jobs import ingest_job_run
from sources.models import Article, Feed, IngestJob
from tests.ingest.site import url_job

pytestmark = pytest.mark.django_db

STOPPED = "stopped by the task's time limit before it finished"


@contextlib.contextmanager
def soft_time_limit(seconds: float):
    """How Celery's prefork pool stops a task at its soft limit: a signal handler raises
    SoftTimeLimitExceeded wherever the task happens to be (here: waiting for a server)."""

    def expire(signum, frame):
        raise SoftTimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def slow_page(web):
    return web.add("/slow", body=b"<html></html>", delay=3.0)


def test_the_job_stopped_mid_fetch_fails_with_the_reason_and_a_traceback(
    web, slow_page, stored_article, caplog
):
    job = url_job(slow_page)

    with soft_time_limit(0.3), caplog.at_level(logging.ERROR, logger="sources.ingest"):
        assert job_run(job_id=job.pk) is None

    job.refresh_from_db()
    assert job.status == IngestJob.Status.FAILED
    assert job.error == STOPPED
    [crash] = [r for r in caplog.records if "crashed" in r.getMessage()]
    assert crash.exc_info is not None and crash.exc_info[0] is SoftTimeLimitExceeded
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_the_feed_poll_stopped_mid_fetch_counts_a_failure_with_the_reason(web, slow_page, caplog):
    feed = Feed.objects.create(url=slow_page)
    earlier = IngestJob.objects.create(
        kind=IngestJob.Kind.FEED_ITEM, feed=feed, url=web.url("/earlier-item")
    )

    with soft_time_limit(0.3), caplog.at_level(logging.ERROR, logger="sources.feeds"):
        result = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert result.error == STOPPED
    assert feed.consecutive_failures == 1
    assert feed.last_error == result.error
    assert feed.next_poll_at > feed.last_polled_at
    assert any(r.exc_info for r in caplog.records if "crashed" in r.getMessage())
    assert IngestJob.objects.filter(pk=earlier.pk).exists()  # the feed's earlier items stay


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_past_its_soft_time_limit_fails_the_job_with_the_reason(
    web, worker, stored_article
):
    slow = web.add("/very-slow", body=b"<html></html>", delay=10.0)
    worker.extra_env = {"FACTCHECK_FETCH_READ_TIMEOUT": "30"}
    worker.start(pool="prefork")  # the solo pool enforces no time limit
    job = url_job(slow)

    # The limits travel with the message (the sender's settings, here shortened).
    ingest_job_run.apply_async(args=[job.pk], soft_time_limit=3, time_limit=60)

    worker.wait_until(
        lambda: IngestJob.objects.filter(pk=job.pk, status=IngestJob.Status.FAILED).exists(),
        "the job failed by its soft time limit",
    )
    job.refresh_from_db()
    assert job.error == STOPPED
    assert "SoftTimeLimitExceeded" in worker.logs()  # the traceback is in the worker's log
    assert Article.objects.filter(pk=stored_article.pk).exists()
