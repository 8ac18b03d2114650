"""In Chromium, the error pages are styled by the site's stylesheet under its CSP, and the tab has an icon."""

from __future__ import annotations

import os
import re

import pytest

from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKED = re.compile(r"Content Security Policy|Refused to", re.I)


def test_error_pages_are_styled_and_nothing_is_blocked(page, live_server, settings):
    settings.ROOT_URLCONF = "tests.web.failing_urls"
    blocked: list[str] = []
    page.on("console", lambda m: BLOCKED.search(m.text) and blocked.append(m.text))
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    for path, status in [("/no-such-page/", 404), ("/fail/400/", 400), ("/fail/500/", 500)]:
        response = page.goto(live_server.url + path)
        assert response.status == status
        card = page.locator(".error-card")
        style = card.evaluate(
            "node => [getComputedStyle(node).borderTopLeftRadius, getComputedStyle(node).backgroundColor]"
        )
        assert style == ["12px", "rgb(255, 255, 255)"], path  # app.css applied
        assert page.locator(".masthead .brand").is_visible()
    assert blocked == []


def test_every_page_names_an_icon_that_exists(page, live_server):
    log_in(page, live_server, "editor", "editor-demo-2025")
    for path in ("/", "/admin/", "/no-such-page/"):
        page.goto(live_server.url + path)
        icons = page.locator('link[rel="icon"]').evaluate_all("links => links.map(l => l.href)")
        assert icons, path
        for href in icons:
            response = page.request.get(href)
            assert response.status == 200, href
            assert response.headers["content-type"].startswith("image/"), href
