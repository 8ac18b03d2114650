"""One change, one event, one delivery per subscription: a fan-out or a send run twice (a task
handed out again, the sweep) sends nothing twice, and a subscriber to both topics of one
change gets one POST."""

import datetime as dt

import pytest

from alerts import services
from alerts.models import Delivery, Event
from claims.services import stance_confirm
from tests.alerts.conftest import subscribe
from tests.alerts.receiver import Answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def reversed_(world, reviewer):
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    waiting = world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")
    return lambda: stance_confirm(stance=waiting, reviewer=reviewer)


def test_fanning_out_and_sending_twice_posts_once(world, reviewer, receiver, reversed_):
    url = receiver.answer("/hook", Answer(status=200))
    subscribe(reviewer, url, claim=world.claim, events=["position.changed", "statement.confirmed"])
    reversed_()
    event = Event.objects.get()

    [delivery_id] = services.event_fan_out(event_id=event.pk)
    assert services.event_fan_out(event_id=event.pk) == []
    assert services.delivery_attempt(delivery_id=delivery_id) is None
    assert services.delivery_attempt(delivery_id=delivery_id) is None

    assert len(receiver.got("/hook")) == 1
    assert Delivery.objects.get().status == "delivered"
    assert services.outbox_due() == ([], [])


def test_the_sweep_sends_what_lost_its_task(world, reviewer, receiver, reversed_):
    url = receiver.answer("/hook", Answer(status=200))
    subscribe(reviewer, url, claim=world.claim)
    reversed_()
    event = Event.objects.get()
    Event.objects.filter(pk=event.pk).update(created_at=event.created_at - dt.timedelta(minutes=1))

    events, deliveries = services.outbox_due()
    assert (events, deliveries) == ([event.pk], [])
    [delivery_id] = services.event_fan_out(event_id=event.pk)
    Delivery.objects.filter(pk=delivery_id).update(
        next_attempt_at=event.created_at - dt.timedelta(minutes=1)
    )
    assert services.outbox_due() == ([], [delivery_id])
