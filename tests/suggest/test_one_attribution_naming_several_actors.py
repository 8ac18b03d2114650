"""One attribution that names several actors gives each of them a suggestion."""

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.usefixtures("newsroom")


def test_according_to_officials_of_three_countries():
    found = proposed(
        "Sudan's army received missiles from abroad, according to U.S., South Korean and "
        "Ukrainian intelligence officials."
    )
    assert [f[:3] for f in found] == [
        (CLAIM, "South Korea", "asserts"),
        (CLAIM, "Ukraine", "asserts"),
        (CLAIM, "United States", "asserts"),
    ]


def test_two_governments_that_deny_together():
    found = proposed("Moscow and Tehran have denied sending missiles to Sudan's army.")
    assert [f[:3] for f in found] == [(CLAIM, "Iran", "denies"), (CLAIM, "Russia", "denies")]
