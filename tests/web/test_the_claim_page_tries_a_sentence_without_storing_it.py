"""On the claim page an editor pastes a sentence and sees at once whether and how it would
match: the suggester's own reading, and nothing is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Claim, ProposedSource, Stance
from sources.models import Article, Source

pytestmark = pytest.mark.django_db

ARMS = "north-korea-arms-to-russia"


def tried(client, text: str, dated: str = "2024-09-13", slug: str = ARMS) -> str:
    url = reverse("claim-detail", args=[slug])
    return client.get(url, {"try-text": text, "try-dated": dated}).content.decode()


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Article, Stance, ProposedSource, Source))


def test_a_sentence_that_would_match_says_how(demo, client_for, editor):
    before = counts()
    page = tried(
        client_for(editor),
        "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to "
        "Russia.",
    )
    assert "It would match: Russia denies." in page
    assert 'on <span class="why-words">ammunition, supplies</span>' in page
    assert "speaker “Dmitry Peskov (Kremlin spokesman)”" in page
    assert "cue “denied”" in page
    assert "Proposed source: Dmitry Peskov \u2014 official, speaks for Russia" in page
    assert counts() == before  # nothing stored: no article, stance, proposal or source


def test_a_sentence_that_would_not_match_says_what_is_missing(demo, client_for, editor):
    page = tried(
        client_for(editor),
        "Maria Zakharova said North Korea had not supplied ammunition to Russia.",
    )
    assert "It would not match." in page
    assert "No known actor: ‘said’ has no registered source as its speaker" in page
    assert "(not registered: Maria Zakharova)" in page


def test_a_date_outside_the_claims_period_would_not_match(demo, client_for, reviewer):
    claim = Claim.objects.get(slug=ARMS)
    claim.valid_to = dt.date(2023, 12, 31)
    claim.save()
    page = tried(
        client_for(reviewer),
        "Moscow denied that North Korea had supplied ammunition to Russia.",
        dated="2024-09-13",
    )
    assert "It would not match." in page
    assert "Would be suggested, but not filed" in page
    assert (
        "Outside the claim&#x27;s period: the article is dated 13 Sep 2024, the claim is "
        "valid until 31 Dec 2023." in page
    )


def test_readers_who_do_not_file_stances_get_no_dry_run(demo, client_for, api_consumer):
    page = tried(client_for(api_consumer), "Moscow denied it.")
    assert 'id="dry-run"' not in page
