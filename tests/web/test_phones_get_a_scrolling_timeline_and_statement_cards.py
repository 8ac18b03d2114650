"""At 390 px the claim page stays readable: the timeline scrolls sideways under pinned lane
labels, and the statements become cards that show the quote and who reported it.

The chart used to shrink to a third of its size (5 px text) and the table to
overflow with the quote and the source cut off at the right.
"""

from __future__ import annotations

import os

import pytest

from claims.web import chart
from tests.web.browser import ARMS, log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/{ARMS}/")
    yield page
    context.close()
    assert not errors


def boxes(page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all(
        "nodes => nodes.map(n => { const r = n.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; })"
    )


def test_the_page_is_no_wider_than_the_phone(phone):
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_timeline_keeps_a_readable_size_and_scrolls_sideways(phone):
    scroller = phone.locator(".chart-scroll")
    sizes = scroller.evaluate("n => [n.scrollWidth, n.clientWidth]")
    assert sizes[0] > sizes[1]  # it scrolls
    svg_width = phone.locator(".timeline-lanes").first.bounding_box()["width"]
    assert svg_width >= 0.85 * chart.WIDTH  # not squeezed into the screen
    month = phone.locator(".axis-month").first.evaluate("n => n.getBoundingClientRect().height")
    assert month >= 10  # axis labels of a readable size


def test_the_lane_labels_stay_pinned_and_in_line_with_their_lanes(phone):
    names = phone.locator(".lane-pins strong").all_inner_texts()
    assert names == ["United States", "North Korea", "Russia", "South Korea", "Ukraine"]
    assert phone.locator(".timeline-lanes .lane").count() == len(names)
    lanes = boxes(phone, ".timeline-lanes .lane-bg")
    before = boxes(phone, ".lane-pins li")
    for pin, lane in zip(before, lanes, strict=True):
        assert abs(pin["top"] - lane["top"]) <= 1.5 and abs(pin["bottom"] - lane["bottom"]) <= 1.5
    assert all(pin["left"] >= 0 for pin in before)
    phone.locator(".chart-scroll").evaluate("n => n.scrollLeft = n.scrollWidth")
    after = boxes(phone, ".lane-pins li")
    assert [round(p["left"]) for p in after] == [round(p["left"]) for p in before]
    # The right end came into view beside the labels: the line where the bands end (today).
    [today] = boxes(phone, ".timeline-lanes .until-line")
    assert before[0]["right"] <= today["left"] and today["right"] <= PHONE["width"]


def test_each_statement_is_a_card_with_its_quote_and_its_source(phone):
    rows = phone.locator("table.stances tbody tr")
    assert rows.count() == 9  # 14 stances, 9 statements
    assert rows.first.evaluate("n => getComputedStyle(n).display") == "grid"
    for index in range(rows.count()):
        row = rows.nth(index)
        for cell in ("td.quote-cell", "td.reported", "td.speaker", "td.position"):
            box = row.locator(cell).bounding_box()
            assert box and box["width"] > 0, cell
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (index, cell)
        quote = row.locator("td.quote-cell")
        assert quote.evaluate("n => n.scrollWidth <= n.clientWidth")  # the quote is not cut off
    first = rows.first
    assert "The Hill" in first.locator("td.reported").inner_text()
    assert first.locator("td.quote-cell").inner_text().startswith("“Washington has")
