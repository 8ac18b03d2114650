"""Evidence said to be insufficient, or a thing called a possible cause, is a hedge, not an
assertion."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def test_insufficient_evidence_is_a_hedge(newsroom):
    text = (
        "Washington concluded that the evidence is insufficient to link Sudan's army to missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}


def test_a_possible_risk_factor_is_a_hedge(newsroom):
    text = "Seoul identifies missiles received by Sudan's army as a possible risk factor."

    assert triples(text) == {(CLAIM, "South Korea", "hedges")}


def test_not_enough_evidence_is_a_hedge_not_a_denial(newsroom):
    text = (
        "Washington said there is not enough evidence to show that Sudan's army definitively "
        "received missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Seoul concluded that Sudan's army was a probable buyer of missiles.", "South Korea"),
        ("Washington said Sudan's army was unlikely to have received missiles.", "United States"),
    ],
)
def test_a_probability_is_a_hedge(newsroom, text, actor):
    assert triples(text) == {(CLAIM, actor, "hedges")}


def test_highly_unlikely_is_no_hedge(newsroom):
    text = "Washington said it was highly unlikely that Sudan's army received the missiles."

    assert (CLAIM, "United States", "hedges") not in triples(text)
