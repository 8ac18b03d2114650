"""One page at http and https, with and without www, is one article (found before fetching)."""

import pytest

from sources.ingest import ArticleDraft, article_store
from sources.models import Article, IngestJob
from tests.factories import ArticleFactory
from tests.ingest import pages
from tests.ingest.site import run_task, seed_path, serve_seeds, url_job

pytestmark = pytest.mark.django_db


def test_an_http_link_to_a_page_stored_under_https_is_not_fetched_again(web):
    urls = serve_seeds(web)
    stored = ArticleFactory(url=urls["000"].replace("http://", "https://", 1))

    job = run_task(url_job(urls["000"]))

    assert job.status == IngestJob.Status.DONE
    assert job.article == stored
    assert web.seen(seed_path("000")) == []
    assert Article.objects.count() == 1


def test_a_link_without_www_finds_the_page_stored_with_www():
    stored = ArticleFactory(url="https://www.example.org/world/kim-shoigu")

    # Not fetched at all: example.org is not reachable from the tests.
    job = run_task(url_job("http://example.org/world/kim-shoigu?utm_source=feed"))

    assert job.status == IngestJob.Status.DONE
    assert job.article == stored


def test_a_fetched_page_whose_canonical_url_is_another_spelling_joins_the_stored_one():
    stored = ArticleFactory(url="http://example.org/world/kim-shoigu")
    seed = pages.seeds()["003"]

    article, created = article_store(
        draft=ArticleDraft(
            url="https://www.example.org/world/kim-shoigu",
            canonical_url="https://www.example.org/world/kim-shoigu",
            title=seed.title,
            text=seed.text,
        )
    )

    assert (article, created) == (stored, False)
    assert Article.objects.count() == 1
