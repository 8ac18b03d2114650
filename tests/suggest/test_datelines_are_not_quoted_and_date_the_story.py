"""A wire dateline is never part of a quote, and "on Tuesday" counts from its date."""

import datetime as dt

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.usefixtures("newsroom")


def test_a_reuters_dateline_is_stripped_and_dates_the_day_named():
    # Filed on Wednesday 6 November 2024, stored two days later.
    (found,) = proposed(
        "KYIV, Nov 6 (Reuters) - Ukraine said on Tuesday that Sudan's army received "
        "missiles from Iran.",
        published_on=dt.date(2024, 11, 8),
    )
    claim, actor, position, stated_on, quote, _ = found
    assert (claim, actor, position) == (CLAIM, "Ukraine", "asserts")
    assert quote.startswith("Ukraine said on Tuesday")
    assert stated_on == dt.date(2024, 11, 5)


def test_an_ap_dateline_without_a_date_is_stripped_and_the_article_date_counts():
    (found,) = proposed(
        "SEOUL, South Korea (AP) — South Korea said on Tuesday that Sudan's army received "
        "missiles from Iran.",
        published_on=dt.date(2024, 11, 8),  # a Friday
    )
    assert found[4].startswith("South Korea said")
    assert found[3] == dt.date(2024, 11, 5)


def test_a_dateline_in_capitals_with_a_dash_is_stripped():
    (found,) = proposed(
        "WASHINGTON — The United States said Sudan's army received missiles from Iran."
    )
    assert found[1] == "United States"
    assert found[4].startswith("The United States said")


def test_a_dateline_date_after_the_new_year_belongs_to_the_year_before():
    (found,) = proposed(
        "MOSCOW, Dec 31 (Reuters) - Russia said on Monday that Sudan's army received no "
        "missiles from Moscow.",
        published_on=dt.date(2025, 1, 2),
    )
    assert found[:3] == (CLAIM, "Russia", "denies")
    assert found[3] == dt.date(2024, 12, 30)
