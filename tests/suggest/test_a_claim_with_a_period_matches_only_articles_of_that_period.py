"""A claim with a period of validity is matched only by articles whose original date lies in it:
"North Korea sent more troops to Russia in early 2025" takes no suggestion from a 2024 article."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim, ClaimStatus, Stance
from claims.suggest import article_proposals, article_suggest
from tests.suggest.conftest import article_of

pytestmark = pytest.mark.django_db

TEXT = (
    "SEOUL (AP) \u2014 South Korea's spy agency said North Korea sent more troops to Russia, "
    "where they joined the fighting in the Kursk region.\n\n"
    "Moscow denied that North Korean troops were fighting in Russia."
)


@pytest.fixture
def early_2025(demo) -> Claim:
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    return Claim.objects.create(
        slug="north-korean-troops-early-2025",
        text="North Korea sent more troops to Russia in early 2025",
        search_terms=["troops", "soldiers"],
        valid_from=dt.date(2025, 1, 1),
        valid_to=dt.date(2025, 4, 30),
    )


def proposals_for(claim: Claim, **dates) -> list:
    article = article_of(TEXT, title=f"Troops {dates}", **dates)
    return [p for p in article_proposals(article) if p.claim_id == claim.pk]


def test_an_article_of_the_period_is_matched(early_2025):
    assert proposals_for(early_2025, published_on=dt.date(2025, 3, 10))
    assert proposals_for(early_2025, published_on=dt.date(2025, 1, 1))
    assert proposals_for(early_2025, published_on=dt.date(2025, 4, 30))


@pytest.mark.parametrize("day", [dt.date(2024, 11, 5), dt.date(2024, 12, 31), dt.date(2025, 5, 1)])
def test_an_article_dated_outside_the_period_gets_no_suggestion(early_2025, day):
    article = article_of(TEXT, published_on=day)

    assert article_suggest(article_id=article.pk) == 0
    assert not Stance.objects.filter(claim=early_2025).exists()


def test_without_a_period_the_same_2024_article_is_matched(early_2025):
    Claim.objects.filter(pk=early_2025.pk).update(valid_from=None, valid_to=None)

    assert proposals_for(early_2025, published_on=dt.date(2024, 11, 5))


def test_an_open_ended_period_bounds_one_side_only(early_2025):
    Claim.objects.filter(pk=early_2025.pk).update(valid_to=None)

    assert proposals_for(early_2025, published_on=dt.date(2026, 6, 1))
    assert not proposals_for(early_2025, published_on=dt.date(2024, 6, 1))


def test_the_page_date_counts_when_the_original_date_is_unknown(early_2025):
    assert not proposals_for(early_2025, published_on=None, page_date=dt.date(2024, 11, 5))
    assert proposals_for(early_2025, published_on=None, page_date=dt.date(2025, 2, 1))


def test_an_article_with_no_date_at_all_is_still_read(early_2025):
    assert proposals_for(early_2025, published_on=None)
