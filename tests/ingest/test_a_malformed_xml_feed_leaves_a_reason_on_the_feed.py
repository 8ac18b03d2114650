"""Malformed XML: unreadable feeds fail with a reason; readable-but-broken ones are read leniently."""

import pytest

from sources.feeds import feed_poll
from sources.models import Article, Feed, IngestJob

pytestmark = pytest.mark.django_db


def test_a_feed_that_is_not_xml_at_all_fails_with_a_reason(web, stored_article):
    url = web.add("/broken.xml", body=b"<<<this is </not> xml &&& at all", content_type="text/xml")
    feed = Feed.objects.create(url=url)

    result = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert result.new_jobs == []
    assert feed.consecutive_failures == 1
    assert "not an RSS or Atom feed" in feed.last_error
    assert feed.last_status.startswith("failed:")
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_a_feed_with_an_unclosed_tag_is_read_leniently_and_says_so(web, stored_article):
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>'
        b"<item><title>One <b>bold</title><link>http://127.0.0.1/one</link></item>"
        b"<item><title>Two</title><link>http://127.0.0.1/two</link>"
    )
    url = web.add("/unclosed.xml", body=body, content_type="application/rss+xml")
    feed = Feed.objects.create(url=url)

    result = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert len(result.new_jobs) == 2
    assert feed.consecutive_failures == 0
    assert "not well-formed" in feed.last_error
    assert "(with warnings)" in feed.last_status
    assert set(IngestJob.objects.values_list("title", flat=True)) == {"One bold", "Two"}
    assert Article.objects.filter(pk=stored_article.pk).exists()
