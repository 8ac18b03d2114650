"""In Chromium: Washington's July 2023 accusation on the arms claim, reported by The Hill and by
AP's story on a content farm, is one mark whose card names both reports, and one table row."""

from __future__ import annotations

import os
import re

import pytest

from claims.models import Stance
from tests.web.browser import ARMS, log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORTED = "reported by The Hill; The Associated Press, republished by Wealth Navigators Hub"


def test_the_july_2023_accusation_is_one_mark_listing_both_reports(page, live_server, screenshot):
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/claims/{ARMS}/")

    us = page.locator(".timeline-lanes .lane").filter(
        has=page.locator(".lane-name", has_text=re.compile("^United States"))
    )
    # Five confirmed stances, three statements: July 2023, September 2024, March 2025.
    assert us.locator(".mark").count() == 3
    july = us.get_by_role("link", name=re.compile(r"^United States asserts, 2023-07:"))
    assert july.count() == 1
    july.focus()
    detail = page.locator("#mark-detail")
    assert detail.is_visible()
    assert "2 independent reports" in detail.inner_text()
    assert REPORTED in detail.inner_text()
    assert "North Korea of supplying secret ammunition" in detail.inner_text()
    screenshot(page, "claim-one-statement-two-reports")

    hill = Stance.objects.get(source__name="United States", article__outlet__name="The Hill")
    farm = Stance.objects.get(
        source__name="United States", article__outlet__name="Wealth Navigators Hub"
    )
    row = page.locator(f"#row-{hill.pk}")
    assert page.locator(f"#row-{farm.pk}").count() == 0
    assert "2 independent reports" in row.inner_text()
    assert (
        row.get_by_role("link", name="The Hill")
        .get_attribute("href")
        .endswith(f"#stance-{hill.pk}")
    )
    assert (
        row.get_by_role("link", name="republished by Wealth Navigators Hub")
        .get_attribute("href")
        .endswith(f"#stance-{farm.pk}")
    )
