"""Claims attributed by a noun, and where one speaker's words end and another's begin."""

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.usefixtures("newsroom")


def test_a_claim_attributed_by_a_possessive_is_asserted_by_its_owner():
    found = proposed("Washington rejected Moscow's claims that Sudan's army received missiles.")
    assert [f[:3] for f in found] == [
        (CLAIM, "Russia", "asserts"),
        (CLAIM, "United States", "denies"),
    ]


def test_a_claim_attributed_with_by_is_asserted_by_whom_it_names():
    found = proposed("Sudan's army received missiles from abroad, according to claims by Kyiv.")
    assert [f[:3] for f in found] == [(CLAIM, "Ukraine", "asserts")]


def test_another_speakers_words_are_not_the_first_speakers():
    found = proposed(
        "Moscow said Sudan's army received missiles from Iran, which Tehran has denied, "
        "calling the story baseless."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Iran", "denies"), (CLAIM, "Russia", "asserts")]


def test_a_denial_reported_by_another_speaker_comes_through_that_speaker():
    slugs_sources = proposed("Moscow said Tehran denied sending missiles to Sudan's army.")
    assert [f[:3] for f in slugs_sources] == [(CLAIM, "Iran", "denies")]


def test_a_pronoun_after_a_reporting_verb_is_its_speaker():
    found = proposed("Iran's foreign ministry said it believed Sudan's army received no missiles.")
    assert [f[:3] for f in found] == [(CLAIM, "Iran", "denies")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seoul on Tuesday rejected the Russian president's claim linking Sudan's army to "
        "missiles from Iran.",
        "Seoul rejected comments by Russian Foreign Minister Sergei Lavrov tying Sudan's army "
        "to missiles from Iran.",
    ],
)
def test_the_claim_a_denial_rejects_is_its_authors_assertion(sentence):
    found = proposed(sentence)
    assert {f[:3] for f in found} == {
        (CLAIM, "South Korea", "denies"),
        (CLAIM, "Russia", "asserts"),
    }


def test_a_claim_named_by_its_subject_words_is_asserted_by_its_owner():
    found = proposed(
        "Washington rejected Moscow's missile allegations and asked the court to dismiss "
        "the case about Sudan's army."
    )
    assert {f[:3] for f in found} == {
        (CLAIM, "United States", "denies"),
        (CLAIM, "Russia", "asserts"),
    }


def test_what_the_speaker_did_next_is_not_what_they_said():
    found = proposed(
        "Moscow told the court that Sudan's army received missiles from Iran but offered "
        "no evidence."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "asserts")]
