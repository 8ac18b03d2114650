"""The host's next free slot lies past the fetch's time limit: no sleeping towards it, no
request; the job retries when the slot comes, and a feed waits for it without a failure."""

import pytest
from django.utils import timezone

from sources.feeds import feed_poll
from sources.fetch import fetch
from sources.fetch.errors import HostBusyError
from sources.ingest import TransientIngestError, job_run
from sources.jobs import retry_countdown
from sources.models import Feed, IngestJob
from sources.throttle import host_throttle
from tests.ingest.site import url_job

pytestmark = pytest.mark.django_db

PAUSE = 60.0  # seconds between two requests to the host (as a long Crawl-delay would ask)


@pytest.fixture
def busy_host(web, settings):
    """The local host, just asked by another worker: its next slot is a minute away."""
    settings.FACTCHECK_FETCH_HOST_DELAY = PAUSE
    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 30
    assert host_throttle().reserve("127.0.0.1", PAUSE) == 0
    return web


def test_the_fetch_refuses_to_wait_past_its_time_limit_and_says_when_to_come_back(busy_host):
    url = busy_host.add("/second", body=b"<html>second</html>")

    with pytest.raises(HostBusyError) as busy:
        fetch(url)

    assert busy.value.transient
    assert PAUSE - 5 < busy.value.retry_after <= PAUSE
    assert busy_host.requests == []  # not even robots.txt


def test_the_job_is_retried_no_sooner_than_the_slot(busy_host):
    job = url_job(busy_host.add("/second", body=b"<html>second</html>"))

    with pytest.raises(TransientIngestError) as retry:
        job_run(job_id=job.pk, final_attempt=False)

    job.refresh_from_db()
    assert job.status == IngestJob.Status.QUEUED
    assert "next free slot" in job.error
    assert retry_countdown(retries=0, retry_after=retry.value.retry_after) > PAUSE - 5


def test_a_feed_on_the_busy_host_is_deferred_without_a_failure(busy_host):
    feed = Feed.objects.create(url=busy_host.add("/feed.xml", body=b"<rss/>"))
    before = timezone.now()

    result = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert result.status == "deferred: waiting for a slot on its host"
    assert feed.consecutive_failures == 0
    assert feed.enabled
    assert (feed.next_poll_at - before).total_seconds() > PAUSE - 5
    assert busy_host.requests == []
