"""A silence that says nothing of its own ("did not immediately respond to a request for
comment") is on the claims the story was last about, however far from them; a doer's silence
answers for its own deed; a silence on another matter, named, is none on the claim; "the
company" is the organisation just named."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from sources.models import Source, SourceAlias, SourceKind, normalize_alias
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db

FIRED_FIRST = "russia-fired-first"
FIRED_BACK = "ukraine-fired-first"


def test_a_silence_far_from_the_story_s_last_word_is_on_its_claims(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "The shipment left port in March. "
        "It crossed two seas. "
        "Dock workers counted forty crates. "
        "Moscow didn't immediately respond to a request for comment."
    )

    assert (CLAIM, "Russia", "no_comment") in found


def test_a_silence_on_who_did_it_is_on_the_story(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "The shipment left port in March. "
        "It crossed two seas. "
        "Dock workers counted forty crates. "
        "Both sides confirmed the delivery, though Moscow did not comment on who sent it."
    )

    assert (CLAIM, "Russia", "no_comment") in found
    assert (CLAIM, "Russia", "asserts") not in found


def test_a_silence_referring_questions_elsewhere_is_on_the_story(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "The shipment left port in March. "
        "It crossed two seas. "
        "Dock workers counted forty crates. "
        "Moscow referred inquiries to its embassy in Khartoum, which opened in 1956."
    )

    assert (CLAIM, "Russia", "no_comment") in found


def test_a_silence_on_another_matter_is_none_on_the_claim(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "Moscow declined to comment on Sudan Missile Holdings' quarterly filing."
    )

    assert (CLAIM, "Russia", "no_comment") not in found


def test_a_silence_on_the_lawsuit_is_on_the_claim_it_makes(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "Moscow did not comment on Kyiv's lawsuit over the missiles Sudan's army received."
    )

    assert (CLAIM, "Russia", "no_comment") in found


def test_the_company_is_the_organisation_just_named(newsroom):
    acme = Source.objects.create(name="Acme Arms", slug="acme-arms", kind=SourceKind.GROUP)
    SourceAlias.objects.create(
        source=acme, alias="Acme Arms", normalized=normalize_alias("Acme Arms")
    )
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "The complaint also names Acme Arms, which changed its name in 2018. "
        "The company declined to comment."
    )

    assert (CLAIM, "Acme Arms", "no_comment") in found
    assert (CLAIM, "United States", "no_comment") not in found


def test_either_said_or_avoided_comment_is_no_comment(newsroom):
    found = triples(
        "Washington said Sudan's army received missiles from abroad. "
        "But most Russian lawmakers have either praised Khartoum, or avoided public comment "
        "on the missiles."
    )

    assert (CLAIM, "Russia", "no_comment") in found


@pytest.fixture
def mirror_claims(newsroom) -> None:
    """Two claims that differ in the doer only."""
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    for slug, doer, other in (
        (FIRED_FIRST, "Russia", "Ukraine"),
        (FIRED_BACK, "Ukraine", "Russia"),
    ):
        Claim.objects.create(
            slug=slug,
            text=f"{doer} violated the ceasefire with {other} along the front line",
            search_terms=["ceasefire", "front line", "unprovoked firing"],
            status=ClaimStatus.ACTIVE,
        )


def test_a_doer_s_silence_answers_for_its_own_deed(mirror_claims):
    found = triples(
        "Kyiv said Russian troops violated the ceasefire along the front line overnight. "
        "There was no immediate response from Moscow regarding the latest incident."
    )

    assert (FIRED_FIRST, "Russia", "no_comment") in found
    assert (FIRED_BACK, "Russia", "no_comment") not in found
