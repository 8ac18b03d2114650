"""A webhook URL on an internal address is refused when the subscription is made, and again
when a delivery connects (a name may resolve elsewhere later): the guard stays on."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alerts import services
from alerts.models import Delivery, Subscription
from claims.services import stance_confirm
from tests.alerts.conftest import subscribe
from tests.alerts.receiver import Answer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:8000/hook", "127.0.0.1 is a loopback address"),
        ("http://10.1.2.3/hook", "10.1.2.3 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://100.64.0.7/hook", "100.64.0.7 is a CGNAT address"),
        ("http://[::1]:8080/hook", "::1 is a loopback address"),
        ("http://localhost/hook", "is a loopback address"),
    ],
)
def test_an_internal_url_is_refused_with_the_reason(world, reviewer, url, why):
    with pytest.raises(ValidationError) as refused:
        subscribe(reviewer, url, claim=world.claim)
    [message] = refused.value.message_dict["url"]
    assert why in message
    assert message.endswith(": webhooks go to public addresses only.")
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/hook", "Enter a valid URL starting with http:// or https://."),
        ("javascript:alert(1)", "Enter a valid URL starting with http:// or https://."),
        (
            "https://user:pw@example.org/hook",
            "URLs with a user name or password are not fetched; leave them out.",
        ),
    ],
)
def test_a_url_that_is_not_http_is_refused(world, reviewer, url, message):
    with pytest.raises(ValidationError) as refused:
        subscribe(reviewer, url, claim=world.claim)
    assert refused.value.message_dict["url"] == [message]


def test_a_public_address_is_taken(world, reviewer):
    subscription = subscribe(reviewer, "https://93.184.215.14/hook", claim=world.claim)
    assert subscription.url == "https://93.184.215.14/hook"


def test_an_address_that_turned_internal_is_refused_when_sending(
    world, reviewer, receiver, settings
):
    url = receiver.answer("/hook", Answer(status=200))
    subscribe(reviewer, url, claim=world.claim)  # taken while the tests open loopback
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    waiting = world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")
    stance_confirm(stance=waiting, reviewer=reviewer)
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False  # as in production

    [delivery_id] = services.event_fan_out(event_id=world.claim_events()[0].pk)
    assert services.delivery_attempt(delivery_id=delivery_id) is None

    delivery = Delivery.objects.get()
    assert delivery.status == "failed"  # trying again cannot help
    [attempt] = delivery.attempt_log.all()
    assert attempt.outcome == "refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address"
    assert receiver.got("/hook") == []
