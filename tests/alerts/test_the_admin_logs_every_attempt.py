"""The admin shows every delivery attempt (time, status code, outcome, the answer's start) and
each subscription's health; editors see everyone's and enable a disabled one again,
reviewers see their own."""

import pytest
from django.urls import reverse

from alerts import services
from alerts.models import Delivery, Subscription
from tests.alerts.receiver import Answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_then_delivered(world, reviewer, receiver, settings):
    """A reviewer's subscription whose ping failed once (HTTP 502) and then got through."""
    settings.FACTCHECK_WEBHOOK_DISABLE_AFTER = 1
    url = receiver.answer("/hook", Answer(status=502, body=b"bad gateway"), Answer(status=204))
    sub = services.subscription_create(
        owner=reviewer, claim=world.claim, events=["position.changed"], url=url
    )
    delivery = services.subscription_ping(subscription=sub)
    services.delivery_attempt(delivery_id=delivery.pk)
    return Subscription.objects.get(pk=sub.pk), delivery


def test_an_editor_reads_every_attempt_and_enables_a_disabled_subscription(
    client, editor, failed_then_delivered
):
    sub, delivery = failed_then_delivered
    client.force_login(editor)

    listed = client.get(reverse("admin:alerts_subscription_changelist")).content.decode()
    assert "Disabled after 1 consecutive failed deliveries; last: HTTP 502 Bad Gateway" in listed
    attempts = client.get(reverse("admin:alerts_deliveryattempt_changelist")).content.decode()
    assert "HTTP 502 Bad Gateway" in attempts and "bad gateway" in attempts and ">502<" in attempts
    page = client.get(reverse("admin:alerts_delivery_change", args=[delivery.pk]))
    assert page.status_code == 200
    assert str(delivery.event.key) in page.content.decode()
    for name in ("event", "subscription"):
        assert client.get(reverse(f"admin:alerts_{name}_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:alerts_event_change", args=[delivery.event_id])).status_code
        == 200
    )
    assert client.get(reverse("admin:alerts_subscription_change", args=[sub.pk])).status_code == 200

    client.post(
        reverse("admin:alerts_subscription_changelist"),
        {"action": "enable_again", "_selected_action": [sub.pk]},
    )
    sub.refresh_from_db()
    assert (sub.active, sub.consecutive_failures, sub.disabled_reason) == (True, 0, "")
    services.delivery_attempt(delivery_id=delivery.pk)
    assert Delivery.objects.get().status == "delivered"
    assert [a.status_code for a in Delivery.objects.get().attempt_log.all()] == [502, 204]


def test_a_reviewer_sees_their_own_only(client, reviewer, second_reviewer, failed_then_delivered):
    client.force_login(second_reviewer)
    assert (
        client.get(reverse("admin:alerts_subscription_changelist")).context["cl"].result_count == 0
    )
    assert (
        client.get(reverse("admin:alerts_deliveryattempt_changelist")).context["cl"].result_count
        == 0
    )
    client.force_login(reviewer)
    assert (
        client.get(reverse("admin:alerts_subscription_changelist")).context["cl"].result_count == 1
    )
    assert (
        client.get(reverse("admin:alerts_deliveryattempt_changelist")).context["cl"].result_count
        == 1
    )
