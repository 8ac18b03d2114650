"""Four workers handed the same URL at once (four feeds list it) store one article."""

import threading

import pytest
from django.db import connection

from sources.ingest import job_run
from sources.models import Article, Feed, IngestJob
from tests.ingest.site import serve_seeds

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_url_from_four_feeds_at_once_is_one_article(web):
    url = serve_seeds(web)["002"]
    jobs = [
        IngestJob.objects.create(
            kind=IngestJob.Kind.FEED_ITEM,
            url=url,
            feed=Feed.objects.create(url=web.url(f"/feed{n}")),
        )
        for n in range(4)
    ]
    start = threading.Barrier(len(jobs))
    errors = []

    def work(job_id):
        try:
            start.wait()
            job_run(job_id=job_id)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(job.pk,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    assert Article.objects.count() == 1
    article = Article.objects.get()
    assert set(IngestJob.objects.values_list("status", "article_id")) == {("done", article.pk)}
