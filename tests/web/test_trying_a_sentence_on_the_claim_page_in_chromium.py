"""In Chromium: an editor pastes a sentence on the claim page and reads whether and how it would
match; nothing is stored."""

from __future__ import annotations

import os

import pytest

from claims.models import ProposedSource, Stance
from sources.models import Article
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_tries_a_sentence_on_the_claim_page(page, live_server, screenshot):
    stored = (Article.objects.count(), Stance.objects.count())
    log_in(page, live_server, "editor", "editor-demo-2025")
    page.goto(f"{live_server.url}/claims/north-korea-arms-to-russia/")
    section = page.locator("#dry-run")
    section.get_by_label("Try a sentence").fill(
        "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to Russia."
    )
    section.get_by_label("Dated").fill("2024-09-13")
    section.get_by_role("button", name="Try it").click()
    page.wait_for_load_state()

    result = page.locator("#dry-run-result")
    assert result.locator(".dry-run-verdict").inner_text() == "It would match: Russia denies."
    assert "cue “denied”" in result.inner_text()
    assert "Proposed source: Dmitry Peskov" in result.inner_text()
    assert (Article.objects.count(), Stance.objects.count()) == stored
    assert not ProposedSource.objects.exists()
    screenshot(page, "claim-dry-run")
