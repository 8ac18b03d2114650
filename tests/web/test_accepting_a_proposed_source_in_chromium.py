"""In Chromium: a reviewer registers the speaker the suggester proposed, from the queue, in one
action; the stance stays in the queue naming the new source, and the queue says so."""

from __future__ import annotations

import os

import pytest

from claims.models import ProposedSource
from sources.models import Source
from tests.proposals import PESKOV_SAYS, suggested
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_accepts_a_proposed_source_from_the_queue(page, live_server, screenshot):
    (stance,) = suggested(PESKOV_SAYS)
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/review/")
    proposal = page.locator(f"#proposal-{stance.pk}")
    assert proposal.locator(".proposal-summary").inner_text() == (
        "Dmitry Peskov \u2014 official, speaks for Russia (from \u2018Kremlin spokesman\u2019)"
    )
    screenshot(page, "queue-proposed-source")

    proposal.get_by_role("button", name="Accept source").click()
    page.wait_for_load_state()

    message = page.locator(".message-success").inner_text()
    assert "Registered Dmitry Peskov (official, speaks for Russia)" in message
    peskov = Source.objects.get(name="Dmitry Peskov")
    assert peskov.parent.name == "Russia"
    assert ProposedSource.objects.get().state == "accepted"
    # The stance waits in the queue, now under the new source, with no proposal left.
    item = page.locator(f"#review-{stance.pk}")
    assert item.locator(".who").inner_text() == "Dmitry Peskov"
    assert "for Russia" in item.locator(".queue-title").inner_text()
    assert page.locator(f"#proposal-{stance.pk}").count() == 0
    screenshot(page, "queue-proposed-source-accepted")
