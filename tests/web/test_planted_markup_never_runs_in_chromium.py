"""In Chromium with the Content-Security-Policy switched off, planted markup never runs and reads as text.

With the policy off (Playwright's bypass_csp), only escaping stands between
the planted markup and the browser: a script, an img onerror or an attribute
breakout that reached the page would set window.__xss. Each planted text must
also be on the page as literal text in a visible element (a text node holding
it whole), which markup parsed as HTML would not be. The policy itself is checked in
test_every_html_page_sends_a_content_security_policy.py.
"""

from __future__ import annotations

import os

import pytest

from tests.web.browser import log_in
from tests.web.conftest import xss_payload

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Elements the planted markup would create if it were parsed.
PLANTED_ELEMENTS = "script:not([src]), img, [onerror], [onload]"


@pytest.fixture
def page(live_server, demo, browser, planted):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def nothing_ran(page) -> None:
    assert page.evaluate("window.__xss") is None, page.url
    assert page.locator(PLANTED_ELEMENTS).count() == 0, page.url


# A text node holding the whole literal, in an element the reader can see.
VISIBLE_TEXT = """(s) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data.includes(s) && node.parentElement.checkVisibility()) return true;
    }
    return false;
}"""


def shows_as_text(page, *tags: str) -> None:
    for tag in tags:
        assert page.evaluate(VISIBLE_TEXT, xss_payload(tag)), (page.url, tag)


def test_the_csp_is_really_off_in_this_context(page, live_server):
    # Otherwise the tests below would prove nothing beyond the policy.
    page.goto(f"{live_server.url}/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__probe = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("window.__probe") == 1


def test_home_claim_and_article_pages(page, live_server, planted):
    article = planted["article"]
    page.goto(f"{live_server.url}/")
    nothing_ran(page)
    shows_as_text(page, "claim", "source")

    page.goto(f"{live_server.url}/claims/planted/")
    nothing_ran(page)
    shows_as_text(page, "claim", "source", "article", "via")
    # The mark card builds its text from data-* attributes with textContent.
    page.focus(f'a.mark[data-stance="{planted["stance"].pk}"]')
    card = page.locator("#mark-detail")
    assert xss_payload("article") in card.inner_text()
    assert xss_payload("via") in card.inner_text()
    assert f"Title {xss_payload('title')}" in card.inner_text()
    nothing_ran(page)

    page.goto(f"{live_server.url}/articles/")
    nothing_ran(page)
    shows_as_text(page, "title")

    page.goto(f"{live_server.url}/articles/{article.pk}/")
    nothing_ran(page)
    shows_as_text(page, "title", "article", "second", "source", "claim")
    assert page.locator(f"mark#stance-{planted['stance'].pk}").inner_text() == xss_payload(
        "article"
    )


def test_review_queue_edit_page_and_source_picker(page, live_server, planted):
    suggested = planted["suggested"]
    page.goto(f"{live_server.url}/review/")
    nothing_ran(page)
    shows_as_text(page, "claim", "source", "second", "suggested-via", "cue", "alias", "note")
    item = page.locator(f"#review-{suggested.pk}")
    item.locator('[data-action="edit"]').click()
    name = f"Source {xss_payload('source')}"
    assert item.locator("[data-edit] [name=source]").input_value() == name
    assert item.locator("[data-edit] [name=attributed_via]").input_value() == xss_payload(
        "suggested-via"
    )
    nothing_ran(page)

    page.goto(f"{live_server.url}/stances/{suggested.pk}/edit/")
    nothing_ran(page)
    shows_as_text(page, "claim", "second")
    field = page.locator(".edit-form [name=source]")
    assert field.input_value() == name
    # The picker's options come from the lookup's JSON, set as values, not as markup.
    field.fill("")
    field.press_sequentially("planted sour")
    option = page.locator("#source-options option").first
    option.wait_for(state="attached")
    assert option.get_attribute("value") == name
    assert option.get_attribute("label") == f"planted source → {name}"
    nothing_ran(page)
