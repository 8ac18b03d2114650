"""A receiver that fails is tried again through Celery, backed off; every attempt is logged
with its status, time, code and excerpt; after N failures in a row the subscription is
disabled with the reason."""

import datetime as dt

import pytest
from django.utils import timezone

from alerts import services
from alerts.models import Delivery, Subscription
from claims.services import stance_confirm
from tests.alerts.conftest import subscribe
from tests.alerts.receiver import Answer


def reversal(world, reviewer):
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    waiting = world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")
    stance_confirm(stance=waiting, reviewer=reviewer)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_two_failures_then_success_are_three_logged_attempts(world, reviewer, receiver, worker):
    url = receiver.answer(
        "/hook",
        Answer(status=500, body=b"database down"),
        Answer(status=503, body=b"try later"),
        Answer(status=202, body=b"thanks"),
    )
    subscription = subscribe(reviewer, url, claim=world.claim)
    worker.start()

    reversal(world, reviewer)

    worker.wait_until(
        lambda: Delivery.objects.filter(status="delivered").exists(), "delivered on a retry"
    )
    delivery = Delivery.objects.get()
    log = [
        (a.number, a.ok, a.status_code, a.outcome, a.response_excerpt)
        for a in delivery.attempt_log.all()
    ]
    assert log == [
        (1, False, 500, "HTTP 500 Internal Server Error", "database down"),
        (2, False, 503, "HTTP 503 Service Unavailable", "try later"),
        (3, True, 202, "HTTP 202 Accepted", "thanks"),
    ]
    assert all(a.started_at <= a.finished_at for a in delivery.attempt_log.all())
    subscription.refresh_from_db()
    assert (subscription.active, subscription.consecutive_failures) == (True, 0)
    keys = {post.headers["idempotency-key"] for post in receiver.got("/hook")}
    assert len(keys) == 1


@pytest.mark.django_db
def test_the_waits_double_and_honour_retry_after(world, reviewer, receiver, settings):
    settings.FACTCHECK_WEBHOOK_BACKOFF = 30
    url = receiver.answer(
        "/hook",
        Answer(status=500),
        Answer(status=500),
        Answer(status=429, headers={"Retry-After": "900"}),
    )
    subscribe(reviewer, url, claim=world.claim)
    reversal(world, reviewer)
    [delivery_id] = services.event_fan_out(event_id=world.claim_events()[0].pk)

    waits = []
    for _ in range(3):
        waits.append(services.delivery_attempt(delivery_id=delivery_id))
        Delivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())

    assert 24 <= waits[0] <= 36 and 48 <= waits[1] <= 72
    assert waits[2] >= 900


@pytest.mark.django_db
def test_n_failures_in_a_row_disable_the_subscription_with_the_reason(
    world, reviewer, receiver, settings
):
    settings.FACTCHECK_WEBHOOK_DISABLE_AFTER = 3
    url = receiver.answer("/hook", Answer(status=500, body=b"boom"))
    subscription = subscribe(reviewer, url, claim=world.claim)
    reversal(world, reviewer)
    [delivery_id] = services.event_fan_out(event_id=world.claim_events()[0].pk)

    waits = []
    for _ in range(3):
        waits.append(services.delivery_attempt(delivery_id=delivery_id))
        Delivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())

    subscription = Subscription.objects.get(pk=subscription.pk)
    assert not subscription.active
    assert subscription.disabled_reason == (
        "Disabled after 3 consecutive failed deliveries; last: HTTP 500 Internal Server Error"
    )
    assert waits[-1] is None  # no further try queued while disabled
    assert services.delivery_attempt(delivery_id=delivery_id) is None
    assert len(receiver.got("/hook")) == 3
    # Enabled again: a clean slate, and the waiting delivery goes out.
    receiver.answer("/hook", Answer(status=200))
    assert services.subscription_enable(subscription=subscription) == [delivery_id]
    assert services.delivery_attempt(delivery_id=delivery_id) is None
    assert Delivery.objects.get().status == "delivered"
