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


def test_the_card_link_scrolls_the_original_page_to_the_quote(page, live_server):
    # The "original" page here is our own article page, so the browser can really open it.
    text = "\n\n".join([FILLER] * 14 + [f"Officials said {QUOTE}, a ministry spokesman added."])
    article = ArticleFactory(title="Fragment target", text=text)
    article.url = f"{live_server.url}/articles/{article.pk}/"
    article.save(update_fields=["url"])
    start = text.index(QUOTE)
    stance = Stance.objects.create(
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
    quote = page.locator(f"mark#stance-{stance.pk}")
    page.wait_for_function("() => window.scrollY > 0")
    box = quote.bounding_box()
    assert 0 <= box["y"] <= 900, box
