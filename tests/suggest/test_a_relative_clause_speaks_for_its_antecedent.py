"""A relative clause after a name, past an apposition, speaks for the name ("Tehran, the
main supplier, which has fought claims that…"); fighting or contesting claims is denying
them."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def test_a_relative_clause_past_an_apposition_speaks_for_the_name(newsroom):
    text = (
        "Investors met Tehran, the main supplier, which has fought claims that Sudan's army "
        "received its missiles."
    )

    assert triples(text) == {(CLAIM, "Iran", "denies")}


def test_contesting_the_allegations_is_a_denial(newsroom):
    text = "Moscow contested the allegations that Sudan's army received missiles."

    assert triples(text) == {(CLAIM, "Russia", "denies")}
