"""A stance's quote must be the article's text at start..end: the model, the service and a database trigger refuse others."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Stance
from claims.services import stance_create
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


def test_full_clean_names_what_the_article_reads_there():
    stance = StanceFactory()
    stance.quote_exact = stance.quote_exact.replace("Russia", "Norway")
    with pytest.raises(ValidationError) as caught:
        stance.full_clean()
    [message] = caught.value.message_dict["quote_exact"]
    assert message.startswith(f"The quote is not the article text at 0..{stance.quote_end}")
    assert "WASHINGTON (AP)" in message


def test_the_service_refuses_a_quote_that_is_nowhere_in_the_article():
    with pytest.raises(ValidationError) as caught:
        stance_create(
            claim=ClaimFactory(),
            source=SourceFactory(),
            article=ArticleFactory(),
            position="asserts",
            stated_on=dt.date(2023, 7, 26),
            quote_exact="Kim Jong Un thanked Moscow.",
        )
    assert caught.value.message_dict == {"quote_exact": ["The quote is not in the article text."]}
    assert not Stance.objects.exists()


def test_the_database_trigger_refuses_an_update_to_a_wrong_quote():
    stance = StanceFactory()
    # As long as the quote it replaces, so only the words are wrong, not the span.
    wrong = stance.quote_exact.replace("Russia", "Norway")
    assert wrong != stance.quote_exact
    with (
        pytest.raises(IntegrityError, match="stance quote is not the article text at 0"),
        transaction.atomic(),
    ):
        Stance.objects.filter(pk=stance.pk).update(quote_exact=wrong)
    stance.refresh_from_db()
    assert stance.quote_exact == stance.article.text[stance.quote_start : stance.quote_end]


def test_the_database_trigger_refuses_an_insert_that_skips_validation():
    good = StanceFactory()
    stance = Stance(
        claim=good.claim,
        source=SourceFactory(),
        article=good.article,
        position="denies",
        stated_on=dt.date(2023, 7, 26),
        quote_exact="Pyongyang has confirmed it.",
        quote_start=good.article.text.index("Pyongyang"),
    )
    stance.quote_end = stance.quote_start + len(stance.quote_exact)
    with pytest.raises(IntegrityError, match="stance_quote_anchored"), transaction.atomic():
        stance.save()
    assert Stance.objects.count() == 1


def test_the_trigger_also_checks_a_move_to_another_article():
    stance = StanceFactory()
    other = ArticleFactory(text="Moscow declined to comment.")
    with pytest.raises(IntegrityError, match="stance_quote_anchored"), transaction.atomic():
        Stance.objects.filter(pk=stance.pk).update(article=other)
