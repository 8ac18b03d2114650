"""The admin and the API docs work in Chromium under the Content-Security-Policy they are sent.

Chromium reports every blocked script, style or image on the console; these
pages must report none (Redoc's requests to other hosts, Google Fonts and its
logo, are blocked on purpose: the docs work offline).
"""

from __future__ import annotations

import os
import re

import pytest

from claims.models import Claim, Stance
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKED = re.compile(r"Content Security Policy|Refused to", re.I)


@pytest.fixture
def console() -> list[str]:
    """The errors Chromium reported: blocked resources and uncaught exceptions."""
    return []


@pytest.fixture
def page(live_server, demo, browser, console):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    page.on("pageerror", lambda exc: console.append(f"page error: {exc}"))
    yield page
    context.close()


def violations(console: list[str]) -> list[str]:
    return [m for m in console if BLOCKED.search(m) or m.startswith("page error")]


def test_the_admin_runs_under_the_default_policy(page, live_server, console):
    log_in(page, live_server, "editor", "editor-demo-2025")
    stance = Stance.objects.filter(status="suggested").first()
    claim = Claim.objects.first()
    for path in (
        "/admin/",
        "/admin/claims/stance/?status__exact=suggested",
        f"/admin/claims/stance/{stance.pk}/change/",
        f"/admin/claims/claim/{claim.pk}/change/",
        f"/admin/claims/stance/{stance.pk}/history/",
    ):
        response = page.goto(live_server.url + path)
        assert "unsafe-inline" not in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
    # The autocomplete widgets (select2, jQuery) open and search under the policy.
    page.goto(f"{live_server.url}/admin/claims/stance/add/")
    page.locator(".field-source .select2-selection").click()
    page.keyboard.type("Pyong")
    option = page.locator(".select2-results__option", has_text="North Korea")
    option.wait_for()
    option.click()
    assert "North Korea" in page.locator(".field-source .select2-selection").inner_text()
    assert violations(console) == []


def test_swagger_ui_shows_the_api_under_the_docs_policy(page, live_server, console):
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    response = page.goto(f"{live_server.url}/api/docs/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy  # no inline script, even here
    assert "style-src 'self' 'unsafe-inline'" in policy
    page.locator(".opblock-summary-path", has_text="/api/v1/claims/").first.wait_for()
    assert page.locator(".opblock").count() > 10
    assert violations(console) == []


def test_redoc_shows_the_api_and_only_other_hosts_are_blocked(page, live_server, console):
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/api/redoc/")
    page.get_by_text("factcheck API").first.wait_for()
    blocked = violations(console)
    assert all("https://" in m and live_server.url not in m for m in blocked), blocked
