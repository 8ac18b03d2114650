"""In Chromium: a reviewer asks the article page why the suggester matched a claim, and reads
a matched sentence (its words, speaker, cue) and an unmatched one (what was missing)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from claims.models import Claim
from sources.models import Article
from tests.web.browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to "
    "Russia. Maria Zakharova said the ammunition reports were lies."
)


def test_a_reviewer_reads_why_a_sentence_matched_and_another_did_not(page, live_server, screenshot):
    story = Article.objects.create(
        title="Arms", text=TEXT, published_on=dt.date(2024, 9, 13), origin=Article.Origin.PASTE
    )
    arms = Claim.objects.get(slug="north-korea-arms-to-russia")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/articles/{story.pk}/")
    section = page.locator("#why")
    section.get_by_label("For", exact=True).select_option(str(arms.pk))
    section.get_by_role("button", name="Show").click()
    page.wait_for_load_state()

    assert page.url.endswith(f"?why={arms.pk}#why")
    why = page.locator(f"#why-claim-{arms.pk}")
    matched = why.locator(".why-matched")
    assert matched.count() == 1
    assert "on ammunition, supplies" in matched.inner_text()
    assert "cue “denied”" in matched.inner_text()
    missed = why.locator(".why-missed")
    assert "Maria Zakharova said" in missed.inner_text()
    assert "No known actor" in missed.locator(".why-missing").inner_text()
    screenshot(page, "article-why")
