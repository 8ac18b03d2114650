"""The copy arrives first, the original later: the earliest date wins and the links turn round."""

import pytest

from sources.models import Article
from tests.ingest import pages
from tests.ingest.site import FARM, REPUBLISHED_DATE, run_task, seed_path, serve_seeds, url_job

pytestmark = pytest.mark.django_db


def test_the_older_article_becomes_the_original_of_the_stored_copy(web):
    seed = pages.seeds()["003"]
    copy_url = web.url("/copy-first", FARM)
    web.add(
        "/copy-first",
        host=FARM,
        body=pages.republished_page(seed, copy_url, REPUBLISHED_DATE).encode(),
    )
    copy = run_task(url_job(copy_url)).article
    assert copy.duplicate_of is None
    assert copy.published_on == REPUBLISHED_DATE.date()

    urls = serve_seeds(web)
    original = run_task(url_job(urls["003"])).article

    copy.refresh_from_db()
    assert original.duplicate_of is None
    assert original.canonical_url.endswith(seed_path("003"))
    assert copy.duplicate_of == original
    assert copy.duplicate_kind == Article.DuplicateKind.REPUBLISHED
    assert copy.published_on == seed.spec.date.date()
    assert copy.page_date == REPUBLISHED_DATE.date()
