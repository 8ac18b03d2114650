"""Hedges as real news words them: the cues of the published hedge lexicons (Hyland's
metadiscourse hedges, the CoNLL-2010 shared task's cues), concern expressed or shared, what a
subject cites, and an inquiry one opens or conducts into the event, which hedges on every account
of the event, not on one."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from sources.models import Source, SourceAlias, SourceKind, normalize_alias
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db

MISSILE = "russian-missile-hit-the-hospital"
SHELL = "ukrainian-shell-hit-the-hospital"


@pytest.mark.parametrize(
    "said",
    [
        "Seoul said the evidence suggests Sudan's army received missiles.",
        "Seoul said Sudan's army potentially received missiles.",
        "Seoul said it could not rule out that Sudan's army received missiles.",
        "Seoul assessed with moderate confidence that Sudan's army received missiles.",
        "Seoul said Sudan's army may hold missiles from abroad.",
        "Seoul said it appears Sudan's army received missiles from abroad.",
        "Seoul said such reports can sometimes overstate the missiles Sudan's army received.",
    ],
)
def test_the_cues_of_the_hedge_lexicons_hedge(newsroom, said):
    assert triples(said) == {(CLAIM, "South Korea", "hedges")}


def test_may_the_month_is_no_hedge(newsroom):
    assert triples("Seoul said Sudan's army received missiles in May last year.") == {
        (CLAIM, "South Korea", "asserts")
    }


def test_concern_expressed_or_shared_is_a_hedge(newsroom):
    assert triples("Seoul expressed concern over reports that Sudan's army received missiles.") == {
        (CLAIM, "South Korea", "hedges")
    }
    assert triples(
        "Kyiv shares the concerns of its allies about missiles Sudan's army received."
    ) == {(CLAIM, "Ukraine", "hedges")}


def test_what_a_subject_cites_it_says_past_a_dateline(newsroom):
    text = (
        "Seoul, Sept. 24 -- Washington has issued a letter to its embassies, citing studies "
        "that suggest Sudan's army received missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}


def test_a_study_a_role_noun_conducted_into_the_matter_is_a_hedge(newsroom):
    text = (
        "U.S. researchers who conducted the largest study yet into whether Sudan's army "
        "received missiles were unable to settle the question."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}


def test_working_to_determine_what_happened_is_a_hedge(newsroom):
    assert triples(
        "Washington said it was working to determine whether Sudan's army received missiles."
    ) == {(CLAIM, "United States", "hedges")}
    assert triples(
        "Kyiv is working with allies to determine what missiles Sudan's army received."
    ) == {(CLAIM, "Ukraine", "hedges")}


@pytest.fixture
def two_accounts(newsroom) -> None:
    """Two accounts of one event that differ in the doer, each with words of its own."""
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug=MISSILE,
        text="A Russian missile hit the children's hospital in Kyiv",
        search_terms=["hospital", "missile"],
        status=ClaimStatus.ACTIVE,
    )
    Claim.objects.create(
        slug=SHELL,
        text="A misfired Ukrainian air defence shell hit the children's hospital in Kyiv",
        search_terms=["hospital", "air defence", "misfired"],
        status=ClaimStatus.ACTIVE,
    )


def test_an_inquiry_into_the_event_hedges_on_every_account_of_it(two_accounts):
    found = triples(
        "Moscow said a misfired Ukrainian air defence shell hit the hospital. "
        "Kyiv said a Russian missile hit the hospital. "
        "Seoul has launched an investigation into the strike on the hospital."
    )

    assert (MISSILE, "South Korea", "hedges") in found
    assert (SHELL, "South Korea", "hedges") in found


def test_a_doer_named_as_a_target_is_not_named_as_the_doer(newsroom):
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    for doer, other in (("Russia", "Ukraine"), ("Ukraine", "Russia")):
        Claim.objects.create(
            slug=f"{doer.lower()}-violated-the-ceasefire",
            text=f"{doer} violated the ceasefire with {other} along the front line",
            search_terms=["ceasefire", "front line", "unprovoked firing"],
            status=ClaimStatus.ACTIVE,
        )
    found = triples(
        "Seoul said the unprovoked firing towards Russia likely came from Ukrainian troops "
        "along the front line."
    )

    assert found == {("ukraine-violated-the-ceasefire", "South Korea", "hedges")}


def test_a_name_inside_a_compound_word_is_no_speaker(newsroom):
    found = triples(
        "Seoul said Sudan's army received missiles from abroad. "
        "Several of the missiles Sudan's army received are Iranian-made, the intelligence "
        "official said."
    )

    assert all(actor != "Iran" for _, actor, _ in found)
    assert (CLAIM, "South Korea", "asserts") in found


def test_a_doubt_or_denial_of_a_link_goes_on_with_a_causal_claim(newsroom):
    who = Source.objects.create(name="World Health Organization", slug="who", kind=SourceKind.GROUP)
    SourceAlias.objects.create(
        source=who, alias="World Health Organization", normalized=normalize_alias(who.name)
    )
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug="zolex-causes-autism",
        text="Taking Zolex in pregnancy causes autism",
        search_terms=["Zolex", "autism"],
        status=ClaimStatus.ACTIVE,
    )
    found = triples(
        "Washington said Zolex taken in pregnancy causes autism. "
        "The World Health Organization noted that some observational studies suggested a "
        "possible association but that the evidence is inconsistent."
    )

    assert ("zolex-causes-autism", "World Health Organization", "hedges") in found
