"""The timeline legend's band swatches are drawn in Chromium, under the page's CSP.

They used to be filled from the stylesheet with ``url(#band-…)``, patterns that
live in the chart: wherever those were missing (a claim with no statements),
the swatches were empty boxes.
"""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from tests.web.browser import ARMS, log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The band colours of app.css (--asserts-soft, the denies hatching, the hedges dots) and
# how much of a swatch each covers at least: solid, stripes, sparse dots. A swatch not
# drawn covers none.
BANDS = {
    "asserts": ((0xD6, 0xE4, 0xF3), 0.6),
    "denies": ((0xE9, 0xA9, 0x87), 0.2),
    "hedges": ((0xCA, 0xA2, 0x4A), 0.05),
}


def share_of(colour: tuple[int, int, int], png: bytes) -> float:
    """How much of the image is close to ``colour`` (antialiasing blurs the edges)."""
    raw = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    near = [p for p in pixels if all(abs(a - b) <= 24 for a, b in zip(p, colour, strict=True))]
    return len(near) / len(pixels)


def test_each_band_swatch_shows_its_pattern(page, live_server):
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/{ARMS}/")
    swatches = page.locator(".legend .legend-band")
    assert swatches.count() == 4
    # Each swatch carries its own pattern: nothing refers to the chart's.
    refs = swatches.evaluate_all(
        """nodes => nodes.map(svg => {
            const fill = svg.querySelector(":scope > rect").getAttribute("fill");
            const id = fill.slice(5, -1);
            return svg.querySelector("pattern") && svg.querySelector("pattern").id === id;
        })"""
    )
    assert refs == [True] * 4
    for index, (position, (colour, least)) in enumerate(BANDS.items()):
        png = swatches.nth(index).screenshot()
        assert share_of(colour, png) > least, position
