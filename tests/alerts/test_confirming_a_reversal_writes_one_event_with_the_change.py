"""The review service writes its events into the outbox in the transaction of the change."""

import datetime as dt

import pytest
from django.db import transaction

from alerts.models import Event
from alerts.services import subscription_create
from claims.services import StaleStanceError, stance_confirm, stance_create
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DENIED = dt.date(2024, 10, 1)
CONFIRMED = dt.date(2025, 4, 28)


def test_confirming_an_assertion_after_a_denial_records_one_reversal(world, reviewer):
    world.stance(world.north_korea, "denies", DENIED)
    waiting = world.stance(world.north_korea, "asserts", CONFIRMED, status="suggested")

    stance_confirm(stance=waiting, reviewer=reviewer)

    [event] = Event.objects.all()
    assert (event.type, event.change, event.cause) == ("position.changed", "reversal", "confirmed")
    assert event.topics == ["position.changed", "statement.confirmed"]
    assert (event.position_before, event.position_after) == ("denies", "asserts")
    body = event.payload
    assert body["idempotency_key"] == str(event.key)
    assert body["position"] == {"before": "denies", "after": "asserts", "change": "reversal"}
    assert body["claim"]["slug"] == "nk-troops"
    assert body["claim"]["url"].endswith("/claims/nk-troops/")
    assert body["source"]["name"] == body["speaker"]["name"] == "North Korea"
    statement = body["statement"]
    assert statement["id"] == waiting.pk
    assert statement["quote"] == {
        "exact": waiting.quote_exact,
        "prefix": waiting.quote_prefix,
        "suffix": waiting.quote_suffix,
        "start": waiting.quote_start,
        "end": waiting.quote_end,
    }
    assert statement["article"]["url"] == waiting.article.url
    assert statement["article"]["title"] == waiting.article.title
    assert statement["url_at_quote"].startswith(waiting.article.url + "#:~:text=")


def test_the_event_rolls_back_with_the_change(world, reviewer):
    world.stance(world.north_korea, "denies", DENIED)
    waiting = world.stance(world.north_korea, "asserts", CONFIRMED, status="suggested")

    with pytest.raises(RuntimeError), transaction.atomic():
        stance_confirm(stance=waiting, reviewer=reviewer)
        raise RuntimeError("the request failed after the review")

    waiting.refresh_from_db()
    assert waiting.status == "suggested"
    assert not Event.objects.exists()


def test_a_stale_review_writes_no_event(world, reviewer, second_reviewer):
    world.stance(world.north_korea, "denies", DENIED)
    waiting = world.stance(world.north_korea, "asserts", CONFIRMED, status="suggested")
    stance_confirm(stance=waiting, reviewer=second_reviewer, version=waiting.version)
    Event.objects.all().delete()

    with pytest.raises(StaleStanceError):
        stance_confirm(stance=waiting, reviewer=reviewer, version=waiting.version)
    assert not Event.objects.exists()


def test_a_first_statement_is_news_but_no_change(world, reviewer):
    waiting = world.stance(world.north_korea, "denies", DENIED, status="suggested")

    stance_confirm(stance=waiting, reviewer=reviewer)

    [event] = Event.objects.all()
    assert (event.type, event.topics) == ("statement.confirmed", ["statement.confirmed"])
    assert event.payload["position"] == {"before": None, "after": "denies", "change": None}


def test_a_new_suggestion_is_an_event_of_its_own(world):
    article = ArticleFactory()
    stance_create(
        claim=world.claim,
        source=world.north_korea,
        article=article,
        position="denies",
        stated_on=DENIED,
        quote_exact=article.text[:20],
    )

    [event] = Event.objects.all()
    assert (event.type, event.cause) == ("suggestion.filed", "filed")
    assert event.payload["statement"]["status"] == "suggested"


def test_an_event_waits_for_its_fan_out_only_when_a_webhook_may_want_it(world, reviewer):
    world.stance(world.north_korea, "denies", DENIED)
    first = world.stance(world.north_korea, "asserts", CONFIRMED, status="suggested")
    stance_confirm(stance=first, reviewer=reviewer)
    assert Event.objects.get().fanned_out_at is not None  # nobody to send it to

    subscription_create(
        owner=reviewer, tag="troops", events=["position.changed"], url="https://93.184.215.14/"
    )
    second = world.stance(world.north_korea, "denies", dt.date(2025, 6, 1), status="suggested")
    stance_confirm(stance=second, reviewer=reviewer)
    assert Event.objects.filter(stance_id=second.pk).get().fanned_out_at is None
