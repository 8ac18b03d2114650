"""SIGKILL the worker while its webhook POST waits for an answer, start another: the event is
delivered, with the same idempotency key and the same body; one event, one delivery."""

import datetime as dt
import threading

import pytest

from alerts.models import Delivery, Event
from claims.services import stance_confirm
from tests.alerts.conftest import subscribe
from tests.alerts.receiver import Answer

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_delivery_killed_mid_post_is_sent_again_with_the_same_key(
    world, reviewer, receiver, worker
):
    held = threading.Event()
    url = receiver.answer("/hook", Answer(hold=held), Answer(status=200))
    subscribe(reviewer, url, claim=world.claim)
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    waiting = world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")
    first = worker.start()

    stance_confirm(stance=waiting, reviewer=reviewer)
    receiver.wait_for(1)  # the worker is inside the POST, waiting for the answer
    worker.kill(first)
    held.set()
    # The unacknowledged task is handed out again once older than the visibility timeout
    # (the test worker's is 1 s); it sends once the killed worker's lease has run out.
    worker.visibility_timeout = 1
    worker.start()

    worker.wait_until(
        lambda: Delivery.objects.filter(status="delivered").exists(), "delivered after the kill"
    )
    killed, repeat = receiver.got("/hook")
    event = Event.objects.get()
    assert killed.headers["idempotency-key"] == repeat.headers["idempotency-key"] == str(event.key)
    assert killed.body == repeat.body
    delivery = Delivery.objects.get()
    attempts = [(a.number, a.finished_at is not None, a.ok) for a in delivery.attempt_log.all()]
    assert attempts == [(1, False, False), (2, True, True)]  # the first never came back
    assert delivery.attempts == 2
