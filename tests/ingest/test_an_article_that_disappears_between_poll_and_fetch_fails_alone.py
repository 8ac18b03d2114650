"""A feed lists an article that is gone when we fetch it: that job fails, the rest go on."""

import pytest

from sources.feeds import feed_poll
from sources.models import Article, Feed, IngestJob
from tests.ingest import pages
from tests.ingest.site import run_jobs, serve_seeds

pytestmark = pytest.mark.django_db


def test_the_vanished_item_fails_with_the_reason_and_the_others_are_stored(web, stored_article):
    urls = serve_seeds(web)
    items = [pages.FeedItem(urls[k], s.title, s.spec.date) for k, s in pages.seeds().items()]
    gone = web.url("/news/retracted")
    items.append(pages.FeedItem(gone, "Retracted story", items[0].date))
    feed = Feed.objects.create(
        url=web.add(
            "/feed.rss",
            body=pages.rss_feed("News", web.url("/"), items),
            content_type="application/rss+xml",
        )
    )

    feed_poll(feed_id=feed.pk, force=True)
    run_jobs()

    job = IngestJob.objects.get(url=gone)
    assert job.status == IngestJob.Status.FAILED
    assert job.error == "HTTP 404 Not Found"
    assert IngestJob.objects.filter(feed=feed, status=IngestJob.Status.DONE).count() == 5
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert feed.last_status == "200 OK: 6 new of 6"
    assert Article.objects.filter(pk=stored_article.pk).exists()
