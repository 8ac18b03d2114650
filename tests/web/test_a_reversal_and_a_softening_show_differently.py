"""On the claim page a reversal and a softening read differently: the chart labels the reversal
and marks the softening with a dashed tick; the list under it names each change's kind; a
suggested stance makes none. The API says the same."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from claims.models import ReviewStatus
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    claim, moscow = ClaimFactory(), SourceFactory(name="Russia")
    for day, position, status in [
        (dt.date(2024, 1, 10), "denies", ReviewStatus.CONFIRMED),
        (dt.date(2024, 3, 1), "hedges", ReviewStatus.SUGGESTED),  # waiting: makes no change
        (dt.date(2024, 6, 1), "asserts", ReviewStatus.CONFIRMED),
        (dt.date(2024, 9, 1), "hedges", ReviewStatus.CONFIRMED),
    ]:
        StanceFactory(
            claim=claim,
            source=moscow,
            stated_on=day,
            position=position,
            status=status,
            reviewed_at=None if status == ReviewStatus.SUGGESTED else dt.datetime.now(dt.UTC),
            article=ArticleFactory(),
        )
    return claim


def test_the_chart_labels_the_reversal_and_ticks_the_softening(client_for, reviewer, claim):
    page = client_for(reviewer).get(reverse("claim-detail", args=[claim.slug])).content.decode()

    reversal = re.search(r'<g class="callout callout-reversal".*?</g>', page).group(0)
    assert '<text x="' in reversal
    assert ">Russia: denies → asserts, 2024-06 (reversal)</text>" in reversal
    softening = re.search(r'<g class="callout callout-softening".*?</g>', page).group(0)
    assert "<text" not in softening
    assert "<title>Russia: asserts → hedges, 2024-09 (softened)</title>" in softening
    assert page.count('class="callout ') == 2  # the suggestion made no change

    listed = re.findall(r'<li class="change-(\w+)">.*?<span class="change-kind">(\w+)</span>', page)
    assert listed == [("softening", "softened"), ("reversal", "reversal")]


def test_the_history_gives_each_change_its_kind(client_for, reviewer, claim):
    body = client_for(reviewer).get(f"/api/v1/claims/{claim.slug}/history/").json()

    [lane] = body["lanes"]
    assert [(c["from"], c["to"], c["kind"]) for c in lane["changes"]] == [
        ("denies", "asserts", "reversal"),
        ("asserts", "hedges", "softening"),
    ]
