"""When a source spoke: week and year phrases, a relayed statement's report date, the perfect tense."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of

ARMS = "north-korea-arms-to-russia"
TROOPS = "north-korean-troops-in-russia"
THURSDAY = dt.date(2024, 11, 14)


def dated(text: str) -> set[tuple[str, str, str, dt.date, str]]:
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return {
        (slugs[p.claim_id], p.source.name, p.position, p.stated_on, p.precision)
        for p in article_proposals(article_of(text, published_on=THURSDAY))
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("when", "stated_on", "precision"),
    [
        ("earlier this week", dt.date(2024, 11, 1), "month"),
        ("last week", dt.date(2024, 11, 1), "month"),
        ("on Tuesday", dt.date(2024, 11, 12), "day"),
        ("in a statement on Monday", dt.date(2024, 11, 11), "day"),
    ],
)
def test_the_words_right_after_the_verb_date_it(world, when, stated_on, precision):
    text = f"Seoul said {when} that North Korea had sent more troops to Russia."
    assert dated(text) == {(TROOPS, "South Korea", "asserts", stated_on, precision)}


@pytest.mark.django_db
def test_a_date_inside_what_was_said_is_not_when_it_was_said(world):
    text = "Seoul said that North Korea had sent more troops to Russia on Tuesday."
    assert dated(text) == {(TROOPS, "South Korea", "asserts", THURSDAY, "day")}


@pytest.mark.django_db
def test_a_year_with_early_or_late_is_year_precision(world):
    text = "In early 2024, Kyiv said North Korean missiles had been fired at its cities by Russia."
    assert dated(text) == {(ARMS, "Ukraine", "asserts", dt.date(2024, 1, 1), "year")}


@pytest.mark.django_db
def test_a_relayed_statement_takes_the_date_it_was_reported(world):
    text = "North Korea has confirmed that it sent troops to Russia, KCNA reported on Monday."
    (found,) = dated(text)
    assert found == (TROOPS, "North Korea", "asserts", dt.date(2024, 11, 11), "day")


@pytest.mark.django_db
def test_not_having_commented_is_as_of_some_time_this_month(world):
    text = "Seoul says North Korea has sent troops to Russia. Pyongyang has not commented on the reports."
    assert (TROOPS, "North Korea", "no_comment", dt.date(2024, 11, 1), "month") in dated(text)
