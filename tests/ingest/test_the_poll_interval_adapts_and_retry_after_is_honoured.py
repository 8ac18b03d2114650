"""Polls come less often when nothing is new, more often when items arrive; Retry-After waits."""

import pytest

from sources.feeds import feed_poll
from sources.models import Feed
from tests.ingest import pages
from tests.ingest.site import Route, serve_seeds

pytestmark = pytest.mark.django_db


def seconds_to_next(feed: Feed) -> float:
    return (feed.next_poll_at - feed.last_polled_at).total_seconds()


@pytest.fixture
def feed(web):
    urls = serve_seeds(web)
    items = [pages.FeedItem(urls[k], s.title, s.spec.date) for k, s in pages.seeds().items()]
    url = web.add(
        "/feed.rss",
        body=pages.rss_feed("News", web.url("/"), items[:2]),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    web.items = items
    return Feed.objects.create(url=url, poll_interval=3600, min_interval=600, max_interval=86400)


def test_new_items_halve_the_interval_and_a_quiet_feed_stretches_it(web, feed):
    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert feed.poll_interval == 1800
    assert seconds_to_next(feed) == 1800

    feed_poll(feed_id=feed.pk, force=True)  # 304
    feed.refresh_from_db()
    assert feed.last_status == "304 Not Modified"
    assert feed.poll_interval == 2700

    web.routes[("127.0.0.1", "/feed.rss")] = Route(
        body=pages.rss_feed("News", web.url("/"), web.items),
        content_type="application/rss+xml",
        etag='"v2"',
    )
    result = feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert len(result.new_jobs) == 3
    assert feed.last_new_items == 3
    assert feed.poll_interval == 1350
    assert feed.etag == '"v2"'


def test_the_interval_stays_between_min_and_max(web, feed):
    feed.poll_interval = feed.max_interval
    feed.save()
    feed_poll(feed_id=feed.pk, force=True)
    for _ in range(3):
        feed_poll(feed_id=feed.pk, force=True)  # 304s
    feed.refresh_from_db()
    assert feed.poll_interval == feed.max_interval


def test_a_feed_that_is_not_due_is_left_alone(web, feed):
    feed_poll(feed_id=feed.pk, force=True)
    assert feed_poll(feed_id=feed.pk) is None  # next_poll_at is in the future
    assert len(web.seen("/feed.rss")) == 1


def test_retry_after_on_a_429_is_honoured(web, feed):
    web.routes[("127.0.0.1", "/feed.rss")] = Route(
        status=429, headers={"Retry-After": "7200"}, content_type="text/plain"
    )
    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert feed.last_error == "HTTP 429 Too Many Requests"
    assert seconds_to_next(feed) >= 7200


def test_retry_after_as_an_http_date_on_a_503_is_honoured(web, feed):
    web.routes[("127.0.0.1", "/feed.rss")] = Route(
        status=503, headers={"Retry-After": "Fri, 31 Dec 2100 23:59:59 GMT"}
    )
    feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    # a week at most: a server cannot park a feed for ever
    assert seconds_to_next(feed) == 7 * 24 * 3600
