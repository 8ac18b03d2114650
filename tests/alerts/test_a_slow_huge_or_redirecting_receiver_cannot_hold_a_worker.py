"""A receiver that answers slowly, drips its answer, sends 10 MB, or redirects (to an internal
address, or anywhere) costs one POST within the time limit and the body cap; nothing more."""

import datetime as dt

import pytest

from alerts import services
from alerts.models import Delivery, DeliveryAttempt
from claims.services import stance_confirm
from tests.alerts.conftest import subscribe
from tests.alerts.receiver import Answer

pytestmark = pytest.mark.django_db

LIMIT = "the request took longer than the total time limit (2 s)"


@pytest.fixture
def send(world, reviewer, receiver):
    """Subscribe the receiver's /hook, reverse a position, send its delivery once."""

    def send_once() -> DeliveryAttempt:
        subscribe(reviewer, receiver.url("/hook"), claim=world.claim)
        world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
        waiting = world.stance(
            world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested"
        )
        stance_confirm(stance=waiting, reviewer=reviewer)
        [delivery_id] = services.event_fan_out(event_id=world.claim_events()[0].pk)
        services.delivery_attempt(delivery_id=delivery_id)
        return DeliveryAttempt.objects.get()

    return send_once


def test_a_receiver_slower_than_the_limit_is_cut_off(receiver, send):
    receiver.answer("/hook", Answer(delay=30))
    attempt = send()
    assert (attempt.ok, attempt.status_code, attempt.outcome) == (False, None, LIMIT)
    assert Delivery.objects.get().status == "pending"  # tried again later


def test_an_answer_dripping_a_byte_a_second_is_cut_off(receiver, send):
    receiver.answer("/hook", Answer(drip=True))
    attempt = send()
    assert (attempt.ok, attempt.outcome) == (False, LIMIT)


def test_a_10_mb_answer_is_read_up_to_the_cap(receiver, send, settings):
    receiver.answer("/hook", Answer(body_size=10 * 1024 * 1024))
    attempt = send()
    assert (attempt.ok, attempt.status_code) == (True, 200)
    cap = settings.FACTCHECK_WEBHOOK_RESPONSE_BYTES
    assert attempt.response_excerpt == "x" * cap + " […]"


@pytest.mark.parametrize(
    "location", ["http://169.254.169.254/latest/meta-data/", "/elsewhere", "http://10.0.0.1/"]
)
def test_a_redirect_is_not_followed(receiver, send, location):
    receiver.answer("/hook", Answer(status=307, headers={"Location": location}))
    receiver.answer("/elsewhere", Answer(status=200))
    attempt = send()
    assert (attempt.ok, attempt.status_code) == (False, 307)
    assert attempt.outcome == (
        f"HTTP 307 Temporary Redirect: a redirect to {location}; webhooks follow no redirect"
    )
    assert len(receiver.got("/hook")) == 1
    assert receiver.got("/elsewhere") == []
