"""In Chromium, the admin's claim page fits a laptop window: the stance rows do not overflow.

The stance rows were 2,390 px wide in a 1,366 px window (offsets, "reported
through" and wide widgets in every row). On a phone each row is a card, each
field under its name.
"""

from __future__ import annotations

import os

import pytest

from claims.models import Claim
from tests.web.browser import ARMS, log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = """() => {
    const rows = document.querySelector('#stances-group');
    return {
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        rows: rows.scrollWidth,
        room: rows.clientWidth,
    };
}"""


def open_the_claim(page, live_server, width: int) -> dict[str, int]:
    page.set_viewport_size({"width": width, "height": 900})
    claim = Claim.objects.get(slug=ARMS)
    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    page.locator("#stances-group .select2-container").first.wait_for()  # widgets in place
    return page.evaluate(WIDTHS)


def test_the_stance_rows_fit_a_1366_px_window_beside_the_menu(page, live_server):
    log_in(page, live_server, "editor", "editor-demo-2025")
    found = open_the_claim(page, live_server, 1366)
    assert page.locator("#nav-sidebar").is_visible()
    assert found["rows"] <= found["room"], found
    assert found["page"] <= found["window"], found


def test_on_a_phone_each_stance_is_a_card_with_its_quote_in_view(page, live_server):
    log_in(page, live_server, "editor", "editor-demo-2025")
    found = open_the_claim(page, live_server, 390)
    assert found["page"] <= found["window"], found
    assert found["rows"] <= found["room"], found
    quote = page.locator("#stances-0 td.field-quote_exact textarea")
    box = quote.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert quote.input_value().endswith("to help in its invasion of Ukraine")
    label = page.locator("#stances-0 td.field-quote_exact").evaluate(
        "n => getComputedStyle(n, '::before').content"
    )
    assert label == '"Quote"'
