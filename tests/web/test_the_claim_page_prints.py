"""The claim page in print (Chromium's print media): the record without the tool, nothing clipped.

Print width and height are an A4 page less the stylesheet's @page margins, in CSS pixels.
"""

from __future__ import annotations

import os

import pytest

from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MM = 96 / 25.4
PRINT_WIDTH = round((210 - 2 * 14) * MM)
PRINT_HEIGHT = round((297 - 2 * 16) * MM)


@pytest.fixture
def printed(live_server, demo, browser, busy_claim, screenshot):
    # 45 sources, every third speaking for the one before: 30 lanes.
    claim = busy_claim(stances=400, sources=45, articles=8)
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/{claim.slug}/")
    assert page.locator(".timeline-axis-print").first.is_hidden()  # only in print
    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINT_WIDTH, "height": PRINT_HEIGHT})
    screenshot(page, "claim-print")
    yield page
    context.close()


def test_print_leaves_out_navigation_filters_and_controls(printed):
    for selector in (
        ".masthead",
        ".filters",
        ".pager",
        ".lane-switch",
        ".at-quote",
        ".site-footer",
    ):
        assert printed.locator(selector).first.is_hidden(), selector
    assert printed.locator(".timeline-lanes .lane").count() == 30


def test_every_lane_prints_and_each_block_of_lanes_fits_on_a_page(printed):
    lanes = printed.locator(".chart-lanes")
    assert lanes.evaluate("node => node.scrollHeight <= node.clientHeight + 1")  # not clipped
    blocks = printed.locator(".lanes-block")
    assert blocks.count() == 3  # 12 + 12 + 6 lanes; page breaks fall between them
    for n in range(blocks.count()):
        assert blocks.nth(n).bounding_box()["height"] <= PRINT_HEIGHT
        assert blocks.nth(n).evaluate("node => getComputedStyle(node).breakInside") == "avoid"
    # Each block but the last carries its own time axis; the last one has the chart's.
    assert printed.locator(".timeline-axis-print").count() == 2
    assert printed.locator(".timeline-axis-print").first.is_visible()


def test_a_printout_of_one_page_of_the_table_says_where_the_rest_is(printed, live_server):
    note = printed.locator(".print-note")
    assert note.is_visible()
    text = note.inner_text()
    assert "statements 1–50 of 400" in text
    assert f"{live_server.url}/api/v1/claims/busy-400/history/" in text


def test_arrow_down_crosses_from_one_block_of_lanes_to_the_next(
    live_server, demo, browser, busy_claim
):
    claim = busy_claim(stances=60, sources=45, articles=2)
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/{claim.slug}/")
    twelfth = page.locator(".timeline-lanes").first.locator(".lane").last
    twelfth.locator(".mark").first.focus()
    page.keyboard.press("ArrowDown")
    focused_lane = page.evaluate(
        "() => document.activeElement.closest('.lane').getAttribute('data-source')"
    )
    thirteenth = page.locator(".timeline-lanes").nth(1).locator(".lane").first
    assert focused_lane == thirteenth.get_attribute("data-source")
    context.close()
