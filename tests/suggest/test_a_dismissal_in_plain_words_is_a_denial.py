"""A dismissal in plain words is a denial: reports "were stupid", a speaker "has nothing to
do with" the deed; stopping short of accusing is no accusation."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.django_db


def positions(text: str) -> set[tuple[str, str, str]]:
    return {(claim, actor, position) for claim, actor, position, *_ in proposed(text)}


def test_calling_the_reports_stupid_denies_them(newsroom):
    found = positions("Moscow said reports that Sudan's army received missiles were stupid.")

    assert found == {(CLAIM, "Russia", "denies")}


def test_having_nothing_to_do_with_it_denies_it(newsroom):
    found = positions("Tehran said it had nothing to do with the missiles Sudan's army received.")

    assert found == {(CLAIM, "Iran", "denies")}


def test_stopping_short_of_accusing_accuses_no_one(newsroom):
    found = positions(
        "Seoul stopped short of directly accusing Moscow of shipping missiles to Sudan's army."
    )

    assert (CLAIM, "South Korea", "asserts") not in found
