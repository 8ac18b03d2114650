"""stance_create finds the quote in the article and records the W3C selectors around it."""

import datetime as dt

import pytest

from claims.services import CONTEXT_CHARS, stance_create
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Moscow denied it in 2023. A year later Russia again denied the reports, "
    "and Moscow denied it once more when asked by reporters in Seoul."
)


def create(article, **kwargs):
    return stance_create(
        claim=ClaimFactory(),
        source=SourceFactory(name="Russia"),
        article=article,
        position="denies",
        stated_on=dt.date(2024, 1, 1),
        **kwargs,
    )


def test_prefix_suffix_start_and_end_are_taken_from_the_article():
    article = ArticleFactory(text=TEXT)
    stance = create(article, quote_exact="Russia again denied the reports")
    start = TEXT.index("Russia again")
    assert (stance.quote_start, stance.quote_end) == (start, start + 31)
    assert CONTEXT_CHARS == 32
    assert stance.quote_prefix == "denied it in 2023. A year later "
    assert stance.quote_suffix == TEXT[start + 31 : start + 31 + CONTEXT_CHARS]
    assert stance.status == "suggested" and stance.reviewed_at is None


def test_a_prefix_picks_the_later_of_two_occurrences():
    article = ArticleFactory(text=TEXT)
    stance = create(article, quote_exact="Moscow denied it", quote_prefix="reports, and ")
    assert stance.quote_start == TEXT.rindex("Moscow denied it")
    assert stance.quote_prefix.endswith("reports, and ")


def test_the_prefix_is_short_at_the_start_of_the_text():
    stance = create(ArticleFactory(text=TEXT), quote_exact="Moscow denied it in 2023.")
    assert (stance.quote_start, stance.quote_prefix) == (0, "")


def test_a_confirmed_stance_records_its_reviewer(editor):
    stance = create(
        ArticleFactory(text=TEXT),
        quote_exact="Moscow denied it in 2023.",
        status="confirmed",
        created_by=editor,
    )
    assert (stance.reviewed_by, stance.created_by) == (editor, editor)
    assert stance.reviewed_at is not None
