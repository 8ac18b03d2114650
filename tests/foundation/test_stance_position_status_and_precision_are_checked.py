"""A stance's position, review status and date precision are checked in the model, the service and the database."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import Stance
from claims.services import stance_create
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


def refused_by_the_database(stance: Stance, **values: str) -> str:
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        Stance.objects.filter(pk=stance.pk).update(**values)
    return str(caught.value)


def test_a_bad_position_is_refused_by_full_clean():
    stance = StanceFactory()
    stance.position = "maybe"
    with pytest.raises(ValidationError) as caught:
        stance.full_clean()
    assert "position" in caught.value.message_dict
    assert "not a valid choice" in caught.value.message_dict["position"][0]


def test_a_bad_position_is_refused_by_the_service():
    article = ArticleFactory()
    with pytest.raises(ValidationError) as caught:
        stance_create(
            claim=ClaimFactory(),
            source=SourceFactory(),
            article=article,
            position="maybe",
            stated_on=dt.date(2023, 7, 26),
            quote_exact="Pyongyang has denied it.",
        )
    assert caught.value.message_dict["position"] == [
        "'maybe' is not one of asserts, denies, hedges, no_comment."
    ]
    assert not Stance.objects.exists()


def test_the_database_refuses_a_bad_position():
    assert "stance_position_valid" in refused_by_the_database(StanceFactory(), position="maybe")


def test_a_bad_status_is_refused_by_full_clean_and_the_service():
    stance = StanceFactory()
    stance.status = "approved"
    with pytest.raises(ValidationError) as caught:
        stance.full_clean()
    assert "status" in caught.value.message_dict
    with pytest.raises(ValidationError, match="'approved' is not one of suggested"):
        stance_create(
            claim=stance.claim,
            source=stance.source,
            article=stance.article,
            position="denies",
            stated_on=dt.date(2023, 7, 26),
            quote_exact="Pyongyang has denied it.",
            status="approved",
        )


def test_the_database_refuses_a_bad_status():
    assert "stance_status_valid" in refused_by_the_database(StanceFactory(), status="approved")


def test_a_bad_precision_is_refused_by_full_clean():
    stance = StanceFactory()
    stance.stated_on_precision = "week"
    with pytest.raises(ValidationError) as caught:
        stance.full_clean()
    assert "stated_on_precision" in caught.value.message_dict


def test_the_database_refuses_a_bad_precision():
    message = refused_by_the_database(StanceFactory(), stated_on_precision="week")
    assert "stance_precision_valid" in message
