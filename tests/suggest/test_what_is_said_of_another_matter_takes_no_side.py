"""What a statement says only of something else takes no side: a place ("behind the
fences"), remarks with nothing of what they said, a short negation of another matter
(sentences written for these tests)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claims.models import Position
from claims.suggest.service import _negates_another_matter, claim_predicates
from tests.suggest.newsroom import CLAIM, proposed


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(claim, actor, position) for claim, actor, position, *_ in proposed(text)}


@pytest.mark.django_db
def test_a_place_is_no_blame(newsroom):
    # "behind" as a place says nothing of the missiles; "was behind it" blames.
    assert triples("Washington said Sudan's army kept its guards behind the fences.") == set()
    assert triples("Washington said Sudan's army was behind it.") == {
        (CLAIM, "United States", "asserts")
    }


@pytest.mark.django_db
def test_comments_by_a_source_with_nothing_of_what_they_said_take_no_side(newsroom):
    text = (
        "Seoul cited this week's comments by Washington, which has said Sudan's army had "
        "received no missiles."
    )

    assert (CLAIM, "United States", "asserts") not in triples(text)


def negation_said(said: str) -> SimpleNamespace:
    """A frame read as a denial from a negation in what was said."""
    clause = SimpleNamespace(text=said, start=0)
    return SimpleNamespace(
        position=Position.DENIES,
        notes=["negated complement: " + said],
        complement=(0, len(said)),
        clause=clause,
    )


PREDICATES = claim_predicates("Sudan's army received missiles from abroad", ["missiles"], [])


@pytest.mark.parametrize("said", ["we didn't trust them", "we have not paid them"])
def test_a_short_negation_of_another_matter_is_no_denial(said):
    assert _negates_another_matter(negation_said(said), PREDICATES)


@pytest.mark.parametrize(
    "said", ["it did not", "that never happened", "it didn't happen", "they did not receive them"]
)
def test_a_short_negation_referring_back_is_still_a_denial(said):
    assert not _negates_another_matter(negation_said(said), PREDICATES)
