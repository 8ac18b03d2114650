"""SIGKILL a worker in the middle of an article fetch, start another: every item arrives once."""

import threading

import pytest

from sources.models import Article, Feed, IngestJob
from sources.tasks import feed_poll
from tests.ingest import pages
from tests.ingest.site import seed_path, serve_seeds

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_task_killed_mid_fetch_runs_again_on_the_next_worker(web, worker):
    urls = serve_seeds(web)
    items = [pages.FeedItem(urls[k], s.title, s.spec.date) for k, s in pages.seeds().items()]
    feed = Feed.objects.create(
        url=web.add(
            "/kill.rss",
            body=pages.rss_feed("News", web.url("/"), items),
            content_type="application/rss+xml",
        )
    )
    held = threading.Event()
    web.routes[("127.0.0.1", seed_path("002"))].hold = held  # the page hangs until released
    first = worker.start()

    feed_poll.delay(feed.pk, True)
    web.wait_for_request(seed_path("002"))  # the worker is inside that job's fetch
    worker.kill(first)
    held.set()
    # The unacknowledged task is handed out again once it is older than the visibility
    # timeout (the test worker's is 1 s; production's outlasts the longest task).
    worker.visibility_timeout = 1
    worker.start()

    worker.wait_until(
        lambda: IngestJob.objects.filter(feed=feed, status=IngestJob.Status.DONE).count() == 5,
        "all five jobs done after the kill",
    )
    assert Article.objects.count() == 5
    assert len(set(Article.objects.values_list("canonical_url", flat=True))) == 5
    killed = IngestJob.objects.get(feed=feed, url=urls["002"])
    assert killed.attempts == 2  # started on the killed worker, finished on the next one
    assert killed.article.title == pages.seeds()["002"].title
    assert len(web.seen(seed_path("002"))) == 2
    assert not IngestJob.objects.exclude(status=IngestJob.Status.DONE).exists()
