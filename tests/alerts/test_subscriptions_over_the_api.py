"""API consumers subscribe over the API: create, list, change, pause and enable, unsubscribe,
read the deliveries with every attempt, send a test ping. Each person sees their own."""

import json

import pytest
from rest_framework.test import APIClient

from alerts import services
from alerts.models import Delivery, Subscription
from alerts.signing import signature_verify
from tests.alerts.receiver import Answer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://93.184.215.14/hook"
LIST = "/api/v1/subscriptions/"


@pytest.fixture
def api(api_consumer) -> APIClient:
    client = APIClient()
    client.force_authenticate(api_consumer)
    return client


def test_a_consumer_subscribes_to_a_claim_by_slug_and_gets_the_secret_once(api, world):
    made = api.post(
        LIST,
        {"claim": "nk-troops", "events": ["position.changed"], "url": PUBLIC},
        format="json",
    )

    assert made.status_code == 201, made.json()
    body = made.json()
    assert body["claim"] == world.claim.pk
    assert body["events"] == ["position.changed"]
    assert body["secret"].startswith("whsec_") and len(body["secret"]) >= 32
    assert body["active"] is True
    listed = api.get(LIST).json()["results"]
    assert [s["id"] for s in listed] == [body["id"]]
    assert "secret" not in listed[0]
    assert Subscription.objects.get().secret == body["secret"]


def test_nobody_else_sees_or_changes_it(api, world, reviewer):
    theirs = services.subscription_create(
        owner=reviewer, claim=world.claim, events=["position.changed"], url=PUBLIC
    )
    assert api.get(LIST).json()["results"] == []
    assert api.get(f"{LIST}{theirs.pk}/").status_code == 404
    assert api.delete(f"{LIST}{theirs.pk}/").status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize(
    ("given", "field", "message"),
    [
        (
            {"url": "ftp://example.org/hook"},
            "url",
            "Enter a valid URL starting with http:// or https://.",
        ),
        (
            {"url": "http://10.0.0.8/hook"},
            "url",
            "refused to connect to 10.0.0.8: 10.0.0.8 is a private address: "
            "webhooks go to public addresses only.",
        ),
        ({"claim": "no-such-claim"}, "claim", "No claim with id or slug 'no-such-claim'."),
        ({"claim": None, "source": 999999}, "source", "No source with id or slug 999999."),
        (
            {"secret": "too-short"},
            "secret",
            "A secret needs at least 32 characters (9 given).",
        ),
        (
            {"events": ["suggestion.filed"]},
            "events",
            "Only reviewers and editors hear of suggestions waiting for review.",
        ),
        (
            {"source": "north-korea"},
            "non_field_errors",
            "Follow one thing: a claim, a source or a tag.",
        ),
        (
            {"url": "", "digest": False},
            "non_field_errors",
            "Give a webhook URL, ask for the daily digest, or both.",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(api, world, given, field, message):
    body = {"claim": "nk-troops", "events": ["position.changed"], "url": PUBLIC, **given}

    refused = api.post(LIST, body, format="json")

    assert refused.status_code == 400
    assert refused.json()[field] == [message]
    assert not Subscription.objects.exists()


def test_a_tag_or_a_source_with_the_digest_and_no_url(api, world):
    by_tag = api.post(
        LIST, {"tag": "troops", "events": ["statement.confirmed"], "digest": True}, format="json"
    )
    by_source = api.post(
        LIST,
        {"source": "united-states", "events": ["position.changed"], "digest": True},
        format="json",
    )
    assert (by_tag.status_code, by_source.status_code) == (201, 201)
    assert by_source.json()["source"] == world.united_states.pk


def test_pausing_and_enabling_again(api, api_consumer, world):
    sub = services.subscription_create(
        owner=api_consumer, claim=world.claim, events=["position.changed"], url=PUBLIC
    )
    paused = api.patch(f"{LIST}{sub.pk}/", {"active": False}, format="json").json()
    assert (paused["active"], paused["disabled_reason"]) == (False, "Paused by its owner.")
    Subscription.objects.filter(pk=sub.pk).update(consecutive_failures=10)

    enabled = api.patch(f"{LIST}{sub.pk}/", {"active": True}, format="json").json()

    assert (enabled["active"], enabled["disabled_reason"], enabled["consecutive_failures"]) == (
        True,
        "",
        0,
    )
    changed = api.patch(f"{LIST}{sub.pk}/", {"url": "http://192.168.1.1/"}, format="json")
    assert changed.status_code == 400 and "private address" in changed.json()["url"][0]
    assert api.delete(f"{LIST}{sub.pk}/").status_code == 204
    assert not Subscription.objects.exists()


def test_a_ping_is_signed_delivered_and_listed_with_its_attempt(api, api_consumer, world, receiver):
    url = receiver.answer("/hook", Answer(status=200, body=b"pong"))
    made = api.post(
        LIST, {"claim": "nk-troops", "events": ["position.changed"], "url": url}, format="json"
    )
    secret, pk = made.json()["secret"], made.json()["id"]

    pinged = api.post(f"{LIST}{pk}/ping/")
    assert pinged.status_code == 202
    services.delivery_attempt(delivery_id=pinged.json()["id"])  # what the worker does

    [post] = receiver.got("/hook")
    assert signature_verify(
        secret=secret, header=post.headers["factcheck-signature"], body=post.body
    )
    assert json.loads(post.body)["type"] == "ping"
    [delivery] = api.get(f"{LIST}{pk}/deliveries/").json()["results"]
    assert delivery["status"] == "delivered"
    assert delivery["event"]["type"] == "ping"
    assert delivery["event"]["idempotency_key"] == post.headers["idempotency-key"]
    [attempt] = delivery["attempt_log"]
    assert (attempt["ok"], attempt["status_code"], attempt["response_excerpt"]) == (
        True,
        200,
        "pong",
    )
    assert Delivery.objects.get().status == "delivered"


def test_no_token_is_401_and_no_role_is_403(world):
    assert APIClient().get(LIST).status_code == 401
    client = APIClient()
    client.force_authenticate(UserFactory(username="nobody"))
    assert client.get(LIST).status_code == 403
    assert (
        client.post(
            LIST, {"claim": "nk-troops", "events": ["position.changed"]}, format="json"
        ).status_code
        == 403
    )
