"""An unparseable URL, given or in a redirect, fails the job or the feed poll with a reason."""

import pytest

from sources.feeds import feed_parse, feed_poll
from sources.models import Article, Feed, IngestJob
from tests.ingest.site import redirect, run_task, url_job

pytestmark = pytest.mark.django_db

BAD = "http://[oops/x"  # an unclosed IPv6 bracket: urljoin and urlsplit raise ValueError


def test_a_redirect_to_an_unparseable_url_fails_the_job_with_the_reason(web, stored_article):
    web.add("/moved", redirect(BAD))

    job = run_task(url_job(web.url("/moved")))

    assert job.status == IngestJob.Status.FAILED
    assert job.error == f"redirect to an invalid URL '{BAD}' (Invalid IPv6 URL)"
    assert job.attempts == 1  # permanent: not retried
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_an_unparseable_job_url_fails_the_job_with_the_reason(web):
    job = run_task(url_job(BAD))

    assert job.status == IngestJob.Status.FAILED
    assert job.error == f"not a valid URL (Invalid IPv6 URL): {BAD}"


def test_a_feed_redirecting_to_an_unparseable_url_counts_a_failure_and_is_disabled_in_time(
    web, settings, stored_article
):
    settings.FACTCHECK_FEED_MAX_FAILURES = 2
    feed = Feed.objects.create(url=web.add("/feed.xml", redirect(BAD)))

    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert feed.last_error == f"redirect to an invalid URL '{BAD}' (Invalid IPv6 URL)"

    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert not feed.enabled
    assert feed.disabled_reason.startswith("Disabled after 2 consecutive failures; last: redirect")
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_one_unparseable_item_link_skips_that_item_only():
    feed = feed_parse(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>Bad</title><link>http://[oops/x</link></item>"
        b"<item><title>Good</title><link>http://127.0.0.1/good</link></item>"
        b"</channel></rss>",
        url="http://127.0.0.1/feed.xml",
    )

    assert [(e.title, e.url) for e in feed.entries] == [("Good", "http://127.0.0.1/good")]
