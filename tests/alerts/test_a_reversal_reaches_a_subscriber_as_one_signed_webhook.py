"""End to end with a real worker: confirming a stance that reverses a source's position sends
one signed webhook, which the README's ten-line receiver verifies."""

import datetime as dt
import hashlib
import hmac
import json

import pytest

from alerts.models import Delivery, DeliveryAttempt, Event
from alerts.services import subscription_create
from claims.services import stance_confirm
from tests.alerts import readme_receiver
from tests.alerts.conftest import SECRET, subscribe
from tests.alerts.receiver import Answer

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def reversal(world):
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    return world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")


def test_one_signed_post_carries_the_change(world, reviewer, receiver, worker):
    url = receiver.answer("/hook", Answer(status=200))
    subscription = subscribe(reviewer, url, claim=world.claim)
    waiting = reversal(world)
    worker.start()

    stance_confirm(stance=waiting, reviewer=reviewer)

    worker.wait_until(
        lambda: Delivery.objects.filter(status="delivered").exists(), "the webhook delivered"
    )
    [post] = receiver.got("/hook")
    event = Event.objects.get()
    signature = dict(p.split("=", 1) for p in post.headers["factcheck-signature"].split(","))
    expected = hmac.new(
        SECRET.encode(), signature["t"].encode() + b"." + post.body, hashlib.sha256
    ).hexdigest()
    assert hmac.compare_digest(signature["v1"], expected)
    body = json.loads(post.body)
    assert post.headers["idempotency-key"] == body["idempotency_key"] == str(event.key)
    assert post.headers["factcheck-event"] == body["type"] == "position.changed"
    assert body["position"] == {"before": "denies", "after": "asserts", "change": "reversal"}
    assert body["statement"]["quote"]["exact"] == waiting.quote_exact
    assert body["statement"]["article"]["url"] == waiting.article.url
    [attempt] = Delivery.objects.get(subscription=subscription).attempt_log.all()
    assert (attempt.ok, attempt.status_code, attempt.number) == (True, 200, 1)
    assert attempt.response_excerpt == '{"received": true}'


def test_the_readmes_receiver_accepts_it_and_refuses_a_wrong_secret(
    world, reviewer, receiver, worker, tmp_path
):
    log = tmp_path / "receiver.log"
    proc, port = readme_receiver.start(SECRET, log)
    try:
        right = subscribe(reviewer, f"http://127.0.0.1:{port}/", claim=world.claim)
        wrong = subscription_with_other_secret(reviewer, port, world)
        waiting = reversal(world)
        worker.start()

        stance_confirm(stance=waiting, reviewer=reviewer)

        worker.wait_until(
            lambda: (
                DeliveryAttempt.objects.filter(finished_at__isnull=False, number=1).count() == 2
            ),
            "both deliveries tried",
        )
        codes = {
            a.delivery.subscription_id: a.status_code
            for a in DeliveryAttempt.objects.filter(number=1).select_related("delivery")
        }
        assert codes == {right.pk: 204, wrong.pk: 400}
        assert Delivery.objects.get(subscription=right).status == "delivered"
        key = str(Event.objects.get().key)
        worker.wait_until(lambda: key in log.read_text(), "the receiver's line")
        assert "North Korea: denies → asserts (reversal)" in log.read_text()
    finally:
        proc.kill()
        proc.wait(10)


def subscription_with_other_secret(owner, port, world):
    return subscription_create(
        owner=owner,
        url=f"http://127.0.0.1:{port}/other",
        secret="whsec_another-secret-the-receiver-does-not-know",
        events=["position.changed"],
        claim=world.claim,
    )
