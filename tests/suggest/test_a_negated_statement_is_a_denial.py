"""A speaker who says the matter did not happen denies it: negation in what was said."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of

ARMS = "north-korea-arms-to-russia"
TROOPS = "north-korean-troops-in-russia"


def positions(text: str) -> set[tuple[str, str, str]]:
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return {
        (slugs[p.claim_id], p.source.name, p.position) for p in article_proposals(article_of(text))
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow said North Korea did not supply any ammunition to Russia.", (ARMS, "Russia")),
        ("North Korea has not sent troops to Russia, Moscow said.", (TROOPS, "Russia")),
        ("A Kremlin spokesman said North Korea has not sent troops to Russia.", (TROOPS, "Russia")),
        ("Pyongyang said it hasn't shipped a single shell to Russia.", (ARMS, "North Korea")),
        ("Seoul said North Korea has yet to send troops to Russia.", (TROOPS, "South Korea")),
        ("Pyongyang says it has no plans to sell weapons to Russia.", (ARMS, "North Korea")),
        (
            "There is no evidence that North Korea sent troops to Russia, the Kremlin said.",
            (TROOPS, "Russia"),
        ),
    ],
)
def test_a_negated_main_verb_in_what_was_said_is_a_denial(world, text, expected):
    assert positions(text) == {(*expected, "denies")}


@pytest.mark.django_db
def test_a_negated_denial_is_a_hedge(world):
    # "did not deny" neither asserts nor denies: the reviewer decides; we say hedges.
    assert positions("Pyongyang did not deny sending troops to Russia.") == {
        (TROOPS, "North Korea", "hedges")
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        # "not" without an auxiliary negates a phrase, not the statement.
        "Seoul said North Korea sent troops to Russia for training, not to fight in Ukraine.",
        # A relative clause's negation is not the speaker's.
        "Washington said North Korea, which has not commented, sent troops to Russia.",
    ],
)
def test_a_negation_outside_the_main_clause_leaves_an_assertion(world, text):
    found = positions(text)
    assert found and {position for *_, position in found} == {"asserts"}
