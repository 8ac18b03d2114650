"""attributed_via_source follows attributed_via and the speaker whenever an edit changes them."""

import pytest

from claims.services import relay_source_resolve, stance_edit_and_confirm
from tests.factories import SourceAliasFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kcna():
    source = SourceFactory(name="KCNA")
    SourceAliasFactory(source=source, alias="KCNA")
    SourceAliasFactory(source=source, alias="North Korean state media")
    return source


@pytest.fixture
def relayed(kcna):
    return StanceFactory(
        status="suggested",
        reviewed_at=None,
        attributed_via="KCNA said",
        attributed_via_source=kcna,
    )


def test_clearing_reported_through_clears_the_relaying_source(reviewer, relayed):
    edited = stance_edit_and_confirm(stance=relayed, reviewer=reviewer, attributed_via="")
    assert (edited.attributed_via, edited.attributed_via_source) == ("", None)


def test_a_new_phrase_naming_a_known_source_is_resolved_again(reviewer, relayed, kcna):
    tass = SourceFactory(name="TASS")
    SourceAliasFactory(source=tass, alias="TASS")
    edited = stance_edit_and_confirm(
        stance=relayed, reviewer=reviewer, attributed_via="according to TASS"
    )
    assert edited.attributed_via_source == tass
    again = stance_edit_and_confirm(
        stance=edited, reviewer=reviewer, attributed_via="North Korean state media reported"
    )
    assert again.attributed_via_source == kcna


def test_a_phrase_naming_no_known_source_clears_it(reviewer, relayed):
    edited = stance_edit_and_confirm(
        stance=relayed, reviewer=reviewer, attributed_via="a diplomat told reporters"
    )
    assert edited.attributed_via_source is None


def test_a_source_does_not_relay_its_own_words(reviewer, relayed, kcna):
    edited = stance_edit_and_confirm(stance=relayed, reviewer=reviewer, source=kcna)
    assert (edited.source, edited.attributed_via_source) == (kcna, None)


def test_an_unrelated_edit_keeps_the_relaying_source(reviewer, relayed, kcna):
    edited = stance_edit_and_confirm(stance=relayed, reviewer=reviewer, position="denies")
    assert edited.attributed_via_source == kcna


def test_a_relaying_source_given_by_the_caller_is_kept(reviewer, relayed):
    other = SourceFactory(name="Other agency")
    edited = stance_edit_and_confirm(
        stance=relayed, reviewer=reviewer, attributed_via="", attributed_via_source=other
    )
    assert edited.attributed_via_source == other


def test_an_acronym_alias_is_only_found_in_capitals():
    us = SourceFactory(name="United States")
    SourceAliasFactory(source=us, alias="US")
    assert relay_source_resolve("he told us") is None
    assert relay_source_resolve("US officials said") == us
