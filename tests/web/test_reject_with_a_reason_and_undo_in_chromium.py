"""In Chromium: a reviewer picks a reason and rejects from the queue, then takes the decision back
with the flash message's Undo; the stance waits in the queue again."""

from __future__ import annotations

import os

import pytest

from claims.models import Stance
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_rejects_with_a_reason_and_undoes_it(page, live_server, screenshot):
    kirby = Stance.objects.get(source__name="John Kirby")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/review/")
    item = page.locator(f"#review-{kirby.pk}")
    form = item.locator("form[data-action=reject]")

    form.locator("select[name=reason]").select_option("wrong speaker")
    form.locator("[name=reason_text]").fill("Kirby spoke for the NSC")
    screenshot(page, "queue-reject-reason")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()

    message = page.locator(".message-success")
    assert "Rejected: John Kirby hedges" in message.inner_text()
    assert "(wrong speaker: Kirby spoke for the NSC)" in message.inner_text()
    kirby.refresh_from_db()
    assert (kirby.status, kirby.reject_reason) == (
        "rejected",
        "wrong speaker: Kirby spoke for the NSC",
    )
    screenshot(page, "queue-undo-offered")

    message.get_by_role("button", name="Undo").click()
    page.wait_for_load_state()

    assert "waits for review again" in page.locator(".message-success").inner_text()
    assert page.locator(f"#review-{kirby.pk}").count() == 1
    kirby.refresh_from_db()
    assert (kirby.status, kirby.reviewed_by, kirby.reject_reason) == ("suggested", None, "")


def test_on_a_phone_the_reason_picker_fits_the_queue_item(page, live_server, screenshot):
    kirby = Stance.objects.get(source__name="John Kirby")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/review/")
    screenshot(page, "queue-reject-reason-390")

    form = page.locator(f"#review-{kirby.pk} form[data-action=reject]")
    box = form.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
