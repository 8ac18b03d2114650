"""A statement by a speaker the registry does not know is filed for the source its role words
name, with the speaker proposed as a new source for a reviewer to register."""

from __future__ import annotations

import pytest

from claims.models import ProposedSource
from claims.proposals import proposed_source_dismiss
from sources.models import Source
from tests.factories import SourceFactory
from tests.proposals import PESKOV_SAYS, suggested

pytestmark = pytest.mark.django_db


def test_a_kremlin_spokesman_is_proposed_as_an_official_of_russia(demo):
    (stance,) = suggested(PESKOV_SAYS)

    assert (stance.source.name, stance.position, stance.status) == ("Russia", "denies", "suggested")
    proposal = stance.proposed_source
    assert (proposal.name, proposal.alias, proposal.kind, proposal.parent.name) == (
        "Dmitry Peskov",
        "Dmitry Peskov",
        "official",
        "Russia",
    )
    assert proposal.role == "Kremlin spokesman"
    assert proposal.state == "open"
    assert proposal.summary == (
        "Dmitry Peskov \u2014 official, speaks for Russia (from \u2018Kremlin spokesman\u2019)"
    )
    # Nothing is registered until a person decides.
    assert not Source.objects.filter(name="Dmitry Peskov").exists()


def test_a_speaker_presented_after_the_name_keeps_the_role_words_as_written(demo):
    (stance,) = suggested(
        "Dmitry Peskov, the Kremlin's spokesman, denied that North Korea had supplied "
        "ammunition to Russia."
    )
    assert stance.source.name == "Russia"
    assert (stance.proposed_source.name, stance.proposed_source.role) == (
        "Dmitry Peskov",
        "the Kremlin's spokesman",
    )


def test_a_foreign_ministry_spokesman_is_proposed_under_his_country(demo):
    (stance,) = suggested(
        "Russia's foreign ministry spokeswoman Maria Zakharova said North Korea had not "
        "supplied ammunition to Russia."
    )
    assert (stance.source.name, stance.position) == ("Russia", "denies")
    assert (stance.proposed_source.name, stance.proposed_source.kind) == (
        "Maria Zakharova",
        "official",
    )
    assert stance.proposed_source.role == "Russia's foreign ministry spokeswoman"


def test_intelligence_officials_named_after_their_country_propose_an_agency(demo):
    (stance,) = suggested(
        "U.S. intelligence officials said North Korea had supplied ammunition to Russia."
    )
    assert (stance.source.name, stance.position) == ("United States", "asserts")
    proposal = stance.proposed_source
    assert (proposal.name, proposal.kind, proposal.parent.name) == (
        "U.S. intelligence",
        "agency",
        "United States",
    )
    assert proposal.role == "U.S. intelligence officials"


def test_the_state_itself_or_its_deed_proposes_nothing(demo):
    stances = suggested(
        "Russia said its army had not received ammunition from North Korea. "
        "The Kremlin denied that North Korea had supplied ammunition to Russia."
    )
    assert [s.source.name for s in stances] == ["Russia", "Russia"]
    assert [s.proposed_source for s in stances] == [None, None]


def test_a_name_with_no_registered_source_in_its_role_words_is_not_proposed(demo):
    # Nobody she speaks for is registered: no stance, and nothing to propose it under.
    assert (
        suggested("Maria Zakharova said North Korea had not supplied ammunition to Russia.") == []
    )
    assert not ProposedSource.objects.exists()


def test_a_registered_official_is_named_not_proposed(demo):
    SourceFactory(name="Dmitry Peskov", kind="official", parent=Source.objects.get(name="Russia"))
    (stance,) = suggested(PESKOV_SAYS)
    assert (stance.source.name, stance.source.parent.name) == ("Dmitry Peskov", "Russia")
    assert stance.proposed_source is None


def test_one_name_is_one_proposal_across_articles(demo):
    (first,) = suggested(PESKOV_SAYS)
    (second,) = suggested(
        "On Friday Kremlin spokesman Dmitry Peskov again denied that North Korea had supplied "
        "ammunition to Russia."
    )
    assert first.proposed_source == second.proposed_source
    assert ProposedSource.objects.count() == 1


def test_a_dismissed_name_is_not_proposed_again(demo, reviewer):
    (first,) = suggested(PESKOV_SAYS)
    proposed_source_dismiss(proposal=first.proposed_source, reviewer=reviewer)

    (second,) = suggested(
        "On Friday Kremlin spokesman Dmitry Peskov again denied that North Korea had supplied "
        "ammunition to Russia."
    )
    assert second.source.name == "Russia"
    assert second.proposed_source is None
