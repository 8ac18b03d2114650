"""Of two claims on one event that name different doers, a doer that denies its part ("has
“categorically” denied any involvement") denies its own claim, not the other's, even when the
sentence has none of its claim's topic words; and a speaker who blames a doer by name ("condemned
what it called the Iranian attack") goes on with the story on that doer's claim; a doer set aside ("rather than by an Iranian
torpedo") is denied."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import MINE, TORPEDO, triples

pytestmark = pytest.mark.django_db


def test_a_doer_denying_any_involvement_denies_its_own_claim(two_doers):
    found = triples(
        "Kyiv said an Iranian torpedo sank the cargo ship in the strait. "
        "Tehran has \u201ccategorically\u201d denied any involvement, blaming instead a "
        "Russian mine."
    )

    assert (TORPEDO, "Ukraine", "asserts") in found
    assert (TORPEDO, "Iran", "denies") in found
    assert (MINE, "Iran", "denies") not in found


def test_a_denial_of_something_else_does_not_reach_back(two_doers):
    found = triples(
        "Kyiv said an Iranian torpedo sank the cargo ship in the strait. "
        "Tehran denied holding talks on trade."
    )

    assert (TORPEDO, "Iran", "denies") not in found


def test_a_quoted_word_between_a_speaker_and_its_verb_keeps_the_speaker(newsroom):
    found = triples(
        "Moscow has \u201ccategorically\u201d denied that Sudan's army received missiles."
    )

    assert found == {("sudan-army-got-missiles", "Russia", "denies")}


def test_blaming_the_doer_named_goes_on_with_the_story(two_doers):
    found = triples(
        "Kyiv said an Iranian torpedo sank the cargo ship in the strait. "
        "Seoul condemned what it called the Iranian attack on the ship."
    )

    assert (TORPEDO, "South Korea", "asserts") in found


def test_condemning_without_naming_the_doer_stays_out_of_the_story(two_doers):
    found = triples(
        "Kyiv said an Iranian torpedo sank the cargo ship in the strait. "
        "Seoul condemned the attack on the ship."
    )

    assert not {f for f in found if f[1] == "South Korea"}


def test_a_doer_set_aside_is_denied(two_doers):
    found = triples(
        "Kyiv said the cargo ship was sunk by a mine rather than by an Iranian torpedo."
    )

    assert (TORPEDO, "Ukraine", "denies") in found
    assert (TORPEDO, "Ukraine", "asserts") not in found


def test_naming_the_doer_and_its_deed_goes_on_with_the_story(two_doers):
    story = "Kyiv said an Iranian torpedo sank the cargo ship in the strait. "

    found = triples(story + "Seoul said its navy had answered Iran's attacks on the ship.")
    assert (TORPEDO, "South Korea", "asserts") in found

    found = triples(story + "Seoul said its navy had answered Iran's calls for talks.")
    assert not {f for f in found if f[1] == "South Korea"}
