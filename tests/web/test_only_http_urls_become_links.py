"""An article URL becomes a link only when it is http(s); javascript:, data: and the like are text."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.web.links import http_url
from tests.factories import ArticleFactory, ClaimFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db

BAD = "javascript:alert(document.cookie)"


def hrefs(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


@pytest.mark.parametrize(
    "url",
    [
        BAD,
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/relative/path",
        "//evil.example/x",
        "https:no-host",
        "",
        None,
    ],
)
def test_anything_but_an_absolute_http_url_is_refused(url):
    assert http_url(url) == ""


@pytest.mark.parametrize("url", ["https://apnews.com/article/x", "HTTP://Example.org/a?b=c#d"])
def test_http_and_https_urls_are_kept(url):
    assert http_url(url) == url


@pytest.fixture
def javascript_article(db):
    text = "The ministry said the shipments continued. Nobody else commented."
    article = ArticleFactory(
        url=BAD,
        canonical_url=None,
        text=text,
        duplicate_kind="republished",
        original_outlet=OutletFactory(name="Wire"),
        original_url="javascript:alert(2)",
    )
    claim = ClaimFactory(slug="scheme-check")
    exact = "The ministry said the shipments continued."
    Stance.objects.create(
        claim=claim,
        source=SourceFactory(name="Ministry"),
        article=article,
        position="asserts",
        stated_on=dt.date(2024, 2, 1),
        quote_exact=exact,
        quote_start=0,
        quote_end=len(exact),
        quote_suffix=text[len(exact) : len(exact) + 32],
        status="confirmed",
        reviewed_at=dt.datetime.now(dt.UTC),
    )
    return article


def test_the_article_page_shows_a_javascript_url_as_text(client_for, reviewer, javascript_article):
    page = client_for(reviewer).get(reverse("article-detail", args=[javascript_article.pk]))
    text = page.content.decode()
    assert not [h for h in hrefs(text) if "script:" in h.lower()]
    assert f'<span class="url-text" title="Not a web address, so not a link">{BAD}</span>' in text
    assert "javascript:alert(2)</span>" in text  # the wire original's URL, as text


def test_a_public_claim_page_links_no_javascript_url(client, settings, javascript_article):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    page = client.get(reverse("claim-detail", args=["scheme-check"])).content.decode()
    assert not [h for h in hrefs(page) if "script:" in h.lower()]
    # The statement is still there, as text, without a link to follow.
    assert "“The ministry said the shipments continued.”" in page
    assert "original at the quote" not in page
    assert re.search(r'<a tabindex="0" class="mark mark-asserts"', page)
