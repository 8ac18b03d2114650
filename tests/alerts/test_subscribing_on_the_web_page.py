"""Editors and reviewers (and API consumers) subscribe on /alerts/: choose what to follow and
the events, a webhook, the digest; see each subscription's deliveries and every attempt;
pause, enable again, ping, unsubscribe. Nobody sees another's."""

import pytest
from django.urls import reverse

from alerts import services
from alerts.models import Subscription
from tests.alerts.receiver import Answer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://93.184.215.14/hook"


def test_a_reviewer_subscribes_to_a_claim_and_is_shown_the_secret_once(client, reviewer, world):
    client.force_login(reviewer)
    page = client.get(reverse("alerts"))
    assert page.status_code == 200
    assert b'value="suggestion.filed"' in page.content  # reviewers hear of suggestions
    assert b'href="/alerts/"' in page.content  # the nav links the page

    response = client.post(
        reverse("alerts"),
        {
            "claim": world.claim.pk,
            "events": ["position.changed", "suggestion.filed"],
            "url": PUBLIC,
        },
        follow=True,
    )

    sub = Subscription.objects.get()
    assert (sub.owner, sub.claim, sub.url) == (reviewer, world.claim, PUBLIC)
    assert sub.events == ["position.changed", "suggestion.filed"]
    [message] = [str(m) for m in response.context["messages"]]
    assert sub.secret in message and "it is not shown again" in message
    assert "North Korea sent troops to Russia" in response.content.decode()
    assert sub.secret not in client.get(reverse("alerts")).content.decode()


def test_an_api_consumer_is_not_offered_suggestions(client, api_consumer, world):
    client.force_login(api_consumer)
    assert b'value="suggestion.filed"' not in client.get(reverse("alerts")).content
    response = client.post(
        reverse("alerts"), {"tag": "troops", "events": ["suggestion.filed"], "digest": "on"}
    )
    assert response.status_code == 200
    assert "suggestion.filed is not one of the available choices" in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"url": "http://192.168.0.10/hook"}, "192.168.0.10 is a private address"),
        ({"url": "gopher://example.org/"}, "Enter a valid URL starting with http:// or https://."),
        ({"tag": "troops"}, "Follow one thing: a claim, a source or a tag."),
        ({"secret": "short"}, "A secret needs at least 32 characters (5 given)."),
    ],
)
def test_bad_input_is_shown_on_the_form_and_stores_nothing(client, editor, world, given, error):
    client.force_login(editor)
    data = {"claim": world.claim.pk, "events": ["position.changed"], "url": PUBLIC, **given}
    response = client.post(reverse("alerts"), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Subscription.objects.exists()


def test_the_subscription_page_shows_deliveries_and_acts(client, editor, world, receiver):
    client.force_login(editor)
    url = receiver.answer("/hook", Answer(status=500, body=b"broken"), Answer(status=200))
    sub = services.subscription_create(
        owner=editor, source=world.united_states, events=["position.changed"], url=url
    )
    page = reverse("alerts-subscription", args=[sub.pk])

    client.post(reverse("alerts-subscription-action", args=[sub.pk, "ping"]))
    services.delivery_attempt(delivery_id=sub.deliveries.get().pk)  # what the worker does

    shown = client.get(page).content.decode()
    assert "Source United States and below" in shown
    assert "Test ping" in shown
    assert "HTTP 500 Internal Server Error" in shown and "broken" in shown

    client.post(reverse("alerts-subscription-action", args=[sub.pk, "pause"]))
    sub.refresh_from_db()
    assert (sub.active, sub.disabled_reason) == (False, "Paused by its owner.")
    assert "Paused by its owner." in client.get(page).content.decode()
    client.post(reverse("alerts-subscription-action", args=[sub.pk, "enable"]))
    sub.refresh_from_db()
    assert sub.active
    client.post(reverse("alerts-subscription-action", args=[sub.pk, "delete"]))
    assert not Subscription.objects.exists()


def test_another_persons_subscription_is_404_and_no_role_is_403(client, editor, reviewer, world):
    theirs = services.subscription_create(
        owner=reviewer, claim=world.claim, events=["position.changed"], url=PUBLIC
    )
    client.force_login(editor)
    assert client.get(reverse("alerts-subscription", args=[theirs.pk])).status_code == 404
    delete = reverse("alerts-subscription-action", args=[theirs.pk, "delete"])
    assert client.post(delete).status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()

    nobody = UserFactory(username="nobody")
    nobody.save()  # the factory skips the save after set_password when there is no role
    client.force_login(nobody)
    assert client.get(reverse("alerts")).status_code == 403
    client.logout()
    assert client.get(reverse("alerts"))["Location"].startswith("/accounts/login/")
