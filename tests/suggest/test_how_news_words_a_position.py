"""How wire copy words a speaker's position on a claim, once the speaker is known: a finding
of no link is a denial, and so on (sentences written for these tests)."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Washington said later, larger studies found no conclusive link between Sudan's army "
        "and the missiles.",
        "Seoul said its review found no association between Sudan's army and the missiles.",
    ],
)
def test_a_finding_of_no_link_is_a_denial_however_qualified(newsroom, text):
    assert {position for *_, position in triples(text)} == {"denies"}


def test_no_conclusive_link_found_yet_stays_a_hedge(newsroom):
    text = (
        "Washington said inspectors found no conclusive link yet between Sudan's army and missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}


def test_a_statement_on_the_claims_subject_alone_asserts_nothing(newsroom):
    # What the claim says happened (received missiles) is not in what was said.
    text = "Washington said Sudan's army should be paid on time and kept away from the capital."

    assert triples(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Washington said Sudan's army had fired the new missiles.",
        # An attribution inside what was said: the subject before it counts.
        "The missiles, Washington said on Monday, were fired by Sudan's army at dawn.",
        # An accusation carries what it asserts in its cue.
        "Washington accused Sudan's army of lying to its neighbours.",
    ],
)
def test_a_statement_on_what_happened_still_asserts(newsroom, text):
    assert triples(text) == {(CLAIM, "United States", "asserts")}


@pytest.mark.parametrize(
    "text",
    [
        # A headline drops the verb; a regulator's "considered safe".
        "Seoul Says Missiles Stored by Sudan's Army Safe in Transit",
        "Seoul said the missiles held by Sudan's army are considered safe during transport.",
        # A sound count is to a fraud claim what a safe product is to a drug claim.
        "Washington said the inventory of missiles at Sudan's army depots was accurate.",
        "Washington said the audit of Sudan's missiles was the most secure in its history.",
    ],
)
def test_a_thing_called_sound_is_denied_to_be_harmful(newsroom, text):
    assert {position for *_, position in triples(text)} == {"denies"}


@pytest.mark.parametrize(
    "text",
    [
        "Seoul confirms safety of missiles stored by Sudan's army",
        "Washington reaffirmed the safety of the missiles Sudan's army keeps in its depots.",
    ],
)
def test_a_things_safety_vouched_for_is_denied_to_be_harmful(newsroom, text):
    assert {position for *_, position in triples(text)} == {"denies"}


def test_safety_concerns_confirmed_are_no_denial(newsroom):
    text = "Seoul confirmed safety concerns about missiles stored by Sudan's army."

    assert "denies" not in {position for *_, position in triples(text)}


def test_fair_to_say_is_no_denial(newsroom):
    text = "Washington said it is fair to say that Sudan's army received the missiles."

    assert triples(text) == {(CLAIM, "United States", "asserts")}


def test_a_negation_of_another_matter_is_no_denial(newsroom):
    # The negation bears on the trust, not on the missiles; what follows asserts the claim.
    text = (
        "Washington said it did not trust the envoys who briefed it on Sudan's army, and that "
        "the army had received the missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "asserts")}


def test_a_negation_of_what_happened_is_still_a_denial(newsroom):
    text = "Washington said Sudan's army had not received any missiles from abroad."

    assert triples(text) == {(CLAIM, "United States", "denies")}


@pytest.mark.parametrize(
    "text",
    [
        "Despite denials by Moscow, Kyiv says Sudan's army received Russian missiles.",
        "Moscow's repeated denials have not ended talk that Sudan's army received missiles.",
    ],
)
def test_a_denial_said_of_a_source_is_its_denial(newsroom, text):
    assert (CLAIM, "Russia", "denies") in triples(text)


def test_a_source_naming_its_own_forces_as_responders_asserts_no_deed_of_its_own(world):
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    text = (
        "Pyongyang said North Korean gunners had been told to respond to any shipments of "
        "weapons to Russia."
    )
    found = {
        (slugs[p.claim_id], p.source.name, p.position) for p in article_proposals(article_of(text))
    }
    assert ("north-korea-arms-to-russia", "North Korea", "asserts") not in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Washington has made a preliminary finding that Sudan's army received missiles.",
            "United States",
        ),
        ("Seoul stands by its decision that Sudan's army received missiles.", "South Korea"),
        ("Moscow considers in its report that Sudan's army received missiles.", "Russia"),
    ],
)
def test_a_finding_made_or_stood_by_says_what_it_holds(newsroom, text, actor):
    assert triples(text) == {(CLAIM, actor, "asserts")}


def test_a_finding_made_without_that_is_no_statement(newsroom):
    text = "Washington made a decision on missiles for Sudan's army."

    assert triples(text) == set()
