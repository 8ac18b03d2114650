"""A speaker who denies, in a story already on a claim, what the story is about denies the
claim, even in words of its own: "the shipments were never received", "countered the
allegations"."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def test_a_named_speaker_denying_the_storys_topic_denies_its_claim(newsroom):
    text = (
        "Kyiv accused Tehran of sending missiles to Sudan's army. "
        "Tehran said the shipments were never received."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "asserts"), (CLAIM, "Iran", "denies")}


def test_a_denial_of_another_matter_stays_out_of_the_story(newsroom):
    text = (
        "Kyiv accused Tehran of sending missiles to Sudan's army. "
        "Tehran said the talks had not produced results."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "asserts")}


def test_countering_the_allegations_is_a_denial(newsroom):
    text = (
        "Kyiv accused Tehran of sending missiles to Sudan's army. "
        "Tehran countered the allegations on Friday."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "asserts"), (CLAIM, "Iran", "denies")}
