"""A claim's text may name no doer: a name that only qualifies its subject ("the 2024
Ukraine grain harvest was stolen", "Iran's grain exports …") is not one of its actors,
so sentences on the claim need not name it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from claims.suggest.matching import claim_queries
from sources.models import Source
from tests.suggest.newsroom import proposed

HARVEST = "ukraine-harvest-stolen"


def actors_of(text: str) -> int:
    (query,) = claim_queries([Claim(pk=1, text=text, search_terms=[])])
    return len(query.actors)


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(claim, actor, position) for claim, actor, position, *_ in proposed(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The 2024 Ukraine grain harvest was stolen through widespread smuggling",
        "Iran's grain exports spread a crop disease",
    ],
)
@pytest.mark.django_db
def test_a_name_qualifying_the_subject_noun_is_no_actor(newsroom, text):
    assert actors_of(text) == 0


@pytest.mark.django_db
def test_the_owner_of_the_subject_is_still_the_one_the_claim_is_against(newsroom):
    (query,) = claim_queries([Claim(pk=1, text="Iran's grain exports spread a crop disease")])

    assert query.actors == ()
    assert query.giver_id == Source.objects.get(name="Iran").pk


@pytest.mark.parametrize(
    "text",
    [
        "Russia stole the grain harvest",
        # A country's adjective names the side that acted; so does a subject headed by
        # those who act for it.
        "A misfired Russian missile hit the grain depot",
        "The Ukraine army shelled the grain depot",
    ],
)
@pytest.mark.django_db
def test_a_doer_stays_an_actor(newsroom, text):
    assert actors_of(text) == 1


@pytest.mark.django_db
def test_a_claim_on_a_qualified_subject_matches_sentences_not_naming_the_qualifier(newsroom):
    Claim.objects.create(
        slug=HARVEST,
        text="The 2024 Ukraine grain harvest was stolen through widespread smuggling",
        search_terms=["harvest", "smuggling", "stolen"],
        status=ClaimStatus.ACTIVE,
    )
    text = "Moscow said the grain harvest was stolen through smuggling at the border."

    assert (HARVEST, "Russia", "asserts") in triples(text)
