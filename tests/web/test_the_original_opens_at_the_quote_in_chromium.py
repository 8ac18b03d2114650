"""In Chromium, the mark card's link opens the article scrolled to the quote (the text fragment works)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from claims.models import Stance
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "the shipments continued through the winter"
FILLER = "Nothing of interest happens in this paragraph, which only fills the page. " * 6


def stance_on_our_own_page(live_server, fragment: str = "") -> Stance:
    """A stance whose "original" page is our own article page, so the browser can really open it."""
    text = "\n\n".join([FILLER] * 14 + [f"Officials said {QUOTE}, a ministry spokesman added."])
    article = ArticleFactory(title="Fragment target", text=text)
    article.url = f"{live_server.url}/articles/{article.pk}/{fragment}"
    article.save(update_fields=["url"])
    start = text.index(QUOTE)
    return Stance.objects.create(
        claim=ClaimFactory(slug="fragment"),
        source=SourceFactory(name="Ministry"),
        article=article,
        position="asserts",
        stated_on=dt.date(2024, 2, 1),
        quote_exact=QUOTE,
        quote_start=start,
        quote_end=start + len(QUOTE),
        quote_prefix=text[start - 32 : start],
        quote_suffix=text[start + len(QUOTE) : start + len(QUOTE) + 32],
        status="confirmed",
        reviewed_at=dt.datetime.now(dt.UTC),
    )


def assert_the_quote_is_in_view(page, stance: Stance) -> None:
    """The browser scrolled to the quote (far down the page), not merely past the masthead."""
    page.wait_for_function(
        """(id) => {
            const box = document.getElementById(id).getBoundingClientRect();
            return window.scrollY > 300 && box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        arg=f"stance-{stance.pk}",
    )


def test_the_card_link_scrolls_the_original_page_to_the_quote(page, live_server):
    stance = stance_on_our_own_page(live_server)
    article = stance.article
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/fragment/")
    page.hover(f'a.mark[data-stance="{stance.pk}"]')
    link = page.locator("#mark-detail a.detail-link")
    assert link.inner_text() == "Original page at the quote ↗"
    assert link.get_attribute("href").startswith(article.url + "#:~:text=")
    # The pointer travels from the mark into the card: the card stays and its link works.
    link.hover()
    page.wait_for_timeout(400)  # longer than the card's hide delay
    assert page.locator("#mark-detail").is_visible()
    link.click()
    page.wait_for_url(f"{article.url}*")
    assert_the_quote_is_in_view(page, stance)


def test_an_address_with_a_fragment_still_opens_at_the_quote(page, live_server):
    # "#main" is an element of the page, at its top: were the directive not merged into
    # the fragment (a second "#"), the browser would ignore it and stay at the top.
    stance = stance_on_our_own_page(live_server, fragment="#main")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/fragment/")
    link = page.locator(f"#row-{stance.pk} a.at-quote")
    href = link.get_attribute("href")
    assert href.startswith(f"{stance.article.url}:~:text=")
    assert href.count("#") == 1
    link.click()
    page.wait_for_url(f"{stance.article.url}*")
    assert_the_quote_is_in_view(page, stance)
