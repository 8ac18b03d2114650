"""quote_end - quote_start must be the quote's length: the model and a check constraint refuse other spans."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Stance
from tests.factories import ArticleFactory, StanceFactory

pytestmark = pytest.mark.django_db

TEXT = "Russia has denied the reports. Moscow declined to comment."
LAST = "Moscow declined to comment."


def stance_on_the_last_sentence() -> Stance:
    article = ArticleFactory(text=TEXT)
    start = TEXT.index(LAST)
    return StanceFactory(
        article=article, quote_exact=LAST, quote_start=start, quote_end=start + len(LAST)
    )


def test_full_clean_refuses_a_span_that_runs_past_the_text():
    stance = stance_on_the_last_sentence()
    stance.quote_end += 5
    with pytest.raises(ValidationError) as caught:
        stance.full_clean()
    assert caught.value.message_dict["quote_start"] == [
        f"The quote's span {stance.quote_start}..{stance.quote_end} is outside the article text."
    ]


def test_full_clean_refuses_an_empty_span():
    stance = stance_on_the_last_sentence()
    stance.quote_end = stance.quote_start
    with pytest.raises(ValidationError, match="outside the article text"):
        stance.full_clean()


def test_the_database_refuses_a_span_longer_than_the_quote():
    # substr() stops at the end of the text, so the anchor trigger is satisfied:
    # only the length constraint stands between this row and the table.
    stance = stance_on_the_last_sentence()
    with (
        pytest.raises(IntegrityError, match="stance_quote_span_matches_length"),
        transaction.atomic(),
    ):
        Stance.objects.filter(pk=stance.pk).update(quote_end=stance.quote_end + 5)
