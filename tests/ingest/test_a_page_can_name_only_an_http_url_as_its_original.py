"""A canonical link to another site becomes original_url only if it is http(s)."""

import pytest

from sources import dedupe
from tests.ingest import pages
from tests.ingest.site import run_task, url_job

FETCHED = "https://farm.example/2024/story"


@pytest.mark.parametrize(
    "declared",
    [
        "javascript:alert(1)//apnews.com/article/x",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://apnews.com/article/x",
        "http://[oops/x",
        "https:///no-host",
    ],
)
def test_a_declared_original_that_is_not_http_is_dropped(declared):
    assert dedupe.original_url(fetched_url=FETCHED, declared=declared) == ""


def test_an_http_original_on_another_site_is_kept_normalised():
    declared = "https://APNews.com/article/x?utm_source=farm#top"
    assert dedupe.original_url(fetched_url=FETCHED, declared=declared) == (
        "https://apnews.com/article/x"
    )


def test_a_canonical_link_on_the_same_site_is_not_an_original():
    declared = "https://www.farm.example/2024/story"
    assert dedupe.original_url(fetched_url=FETCHED, declared=declared) == ""


def test_a_non_http_canonical_link_is_not_the_stored_canonical_url_either():
    assert dedupe.choose_canonical(fetched_url=FETCHED, declared="javascript:alert(1)") == FETCHED


@pytest.mark.django_db
def test_a_fetched_page_stores_only_an_http_original(web):
    seed = pages.seeds()["003"]
    url = web.url("/carried")
    page = pages.seed_page(seed, url).replace(
        f'href="{url}"', 'href="https://www.reuters.com/world/asia/kim-shoigu/"', 1
    )
    web.add("/carried", body=page.encode())

    article = run_task(url_job(url)).article

    assert article.original_url == "https://www.reuters.com/world/asia/kim-shoigu/"
    assert article.canonical_url == url
