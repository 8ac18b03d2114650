"""HTTP 404 fails an article job at once; 500 is retried with backoff, then reported."""

import pytest

from sources.feeds import feed_poll
from sources.jobs import INGEST_MAX_RETRIES
from sources.models import Article, Feed, IngestJob
from tests.ingest import pages
from tests.ingest.site import Route, run_task, url_job

pytestmark = pytest.mark.django_db


def test_a_404_fails_the_job_without_retrying(web, stored_article):
    job = run_task(url_job(web.url("/missing")))

    assert job.status == IngestJob.Status.FAILED
    assert job.error == "HTTP 404 Not Found"
    assert job.attempts == 1
    assert len(web.seen("/missing")) == 1
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_a_500_is_retried_then_the_job_fails_with_the_reason(web, stored_article):
    url = web.add("/flaky", status=500, body=b"oops", content_type="text/html")

    job = run_task(url_job(url))

    attempts = INGEST_MAX_RETRIES + 1
    assert job.status == IngestJob.Status.FAILED
    assert job.error == f"HTTP 500 Internal Server Error (gave up after {attempts} attempts)"
    assert job.attempts == attempts
    assert len(web.seen("/flaky")) == attempts
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_a_500_that_recovers_stores_the_article(web):
    seed = pages.seeds()["003"]
    url = web.url("/recovers")
    good = Route(body=pages.seed_page(seed, url).encode())

    def recover():
        web.routes[("127.0.0.1", "/recovers")] = good

    web.add("/recovers", status=503, body=b"busy", headers={"Retry-After": "1"}, before=recover)

    job = run_task(url_job(url))

    assert job.status == IngestJob.Status.DONE
    assert job.attempts == 2
    assert job.article.title == seed.title


def test_a_feed_answering_500_keeps_the_reason_and_backs_off(web):
    feed = Feed.objects.create(url=web.add("/feed500", status=500, content_type="text/html"))

    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert feed.last_error == "HTTP 500 Internal Server Error"
    assert feed.consecutive_failures == 1
    assert feed.enabled
    assert (feed.next_poll_at - feed.last_polled_at).total_seconds() >= 2 * feed.poll_interval
