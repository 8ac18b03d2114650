"""How wire copy words a speaker's position on a claim, once the speaker is known: a finding
of no link is a denial, and so on (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.django_db


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(claim, actor, position) for claim, actor, position, *_ in proposed(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Washington said later, larger studies found no conclusive link between Sudan's army "
        "and the missiles.",
        "Seoul said its review found no association between Sudan's army and the missiles.",
    ],
)
def test_a_finding_of_no_link_is_a_denial_however_qualified(newsroom, text):
    assert {position for *_, position in triples(text)} == {"denies"}


def test_no_conclusive_link_found_yet_stays_a_hedge(newsroom):
    text = (
        "Washington said inspectors found no conclusive link yet between Sudan's army and missiles."
    )

    assert triples(text) == {(CLAIM, "United States", "hedges")}
