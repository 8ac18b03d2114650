"""After N failures in a row the feed stops being polled, and says why."""

import pytest

from sources.feeds import feed_poll, feeds_due
from sources.models import Feed

pytestmark = pytest.mark.django_db


def test_the_fifth_failure_disables_the_feed_with_the_reason(web, settings):
    settings.FACTCHECK_FEED_MAX_FAILURES = 5
    feed = Feed.objects.create(url=web.add("/down", status=500, content_type="text/plain"))

    for n in range(1, 5):
        feed_poll(feed_id=feed.pk, force=True)
        feed.refresh_from_db()
        assert feed.consecutive_failures == n
        assert feed.enabled
    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert not feed.enabled
    assert feed.disabled_reason == (
        "Disabled after 5 consecutive failures; last: HTTP 500 Internal Server Error"
    )
    assert feed.pk not in feeds_due(now=feed.next_poll_at)


def test_a_success_resets_the_count(web):
    url = web.add("/sometimes", status=500, content_type="text/plain")
    feed = Feed.objects.create(url=url)
    feed_poll(feed_id=feed.pk, force=True)
    web.add(
        "/sometimes",
        body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
        content_type="application/rss+xml",
    )
    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert feed.last_error == ""
    assert feed.last_status == "200 OK: 0 new of 0"
