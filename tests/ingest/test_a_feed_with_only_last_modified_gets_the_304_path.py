"""A feed that sends Last-Modified and no ETag is polled with If-Modified-Since and gets 304s."""

import pytest

from sources.feeds import feed_poll
from sources.models import Feed, IngestJob
from tests.ingest import pages
from tests.ingest.site import Route, serve_seeds

pytestmark = pytest.mark.django_db

LAST_MODIFIED = "Fri, 13 Sep 2024 08:00:00 GMT"


@pytest.fixture
def feed(web):
    urls = serve_seeds(web)
    items = [pages.FeedItem(urls[k], s.title, s.spec.date) for k, s in pages.seeds().items()]
    route = Route(
        body=pages.rss_feed("World news", web.url("/"), items),
        content_type="application/rss+xml",
        last_modified=LAST_MODIFIED,
    )
    return Feed.objects.create(url=web.add("/dated.rss", route)), route


def test_the_second_poll_asks_if_modified_since_and_adds_nothing(feed, web):
    feed, _ = feed
    first = feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert len(first.new_jobs) == 5
    assert (feed.etag, feed.last_modified) == ("", LAST_MODIFIED)

    second = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    [_, again] = web.seen("/dated.rss")
    assert again.headers["if-modified-since"] == LAST_MODIFIED
    assert "if-none-match" not in again.headers
    assert again.status == 304
    assert second.new_jobs == []
    assert feed.last_status == "304 Not Modified"
    assert feed.last_modified == LAST_MODIFIED  # kept for the next poll
    assert feed.consecutive_failures == 0
    assert IngestJob.objects.filter(feed=feed).count() == 5


def test_a_feed_changed_since_is_read_again(feed, web):
    feed, route = feed
    feed_poll(feed_id=feed.pk, force=True)
    route.last_modified = "Sat, 14 Sep 2024 08:00:00 GMT"

    result = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert web.seen("/dated.rss")[-1].status == 200
    assert result.status == "200 OK: 0 new of 5"
    assert feed.last_modified == "Sat, 14 Sep 2024 08:00:00 GMT"
