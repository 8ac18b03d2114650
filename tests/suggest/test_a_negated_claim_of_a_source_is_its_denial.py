"""What a source is said to insist or claim, negated in its own words, is its denial: "backed
Tehran's insistence that Sudan's army had not received missiles"."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def test_an_insistence_that_it_did_not_happen_is_a_denial(newsroom):
    text = "Officials backed Tehran's insistence that Sudan's army had not received missiles."

    assert triples(text) == {(CLAIM, "Iran", "denies")}


def test_an_accusation_is_never_read_as_a_denial(newsroom):
    text = "Officials dismissed Tehran's allegations that Sudan's army had not paid for missiles."

    assert (CLAIM, "Iran", "denies") not in triples(text)
