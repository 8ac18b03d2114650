"""Over the API a suggested stance carries its proposed source, and a reviewer accepts, maps
or dismisses it; a second accept is a 409 that says who decided, and creates nothing."""

from __future__ import annotations

import pytest

from claims.models import ProposedSource
from sources.models import Source
from tests.proposals import PESKOV_SAYS, suggested

pytestmark = pytest.mark.django_db


def test_a_suggested_stance_carries_its_proposed_source(demo, reviewer_client):
    (stance,) = suggested(PESKOV_SAYS)
    body = reviewer_client.get(f"/api/v1/stances/{stance.pk}/").json()
    assert body["source_name"] == "Russia"
    proposal = body["proposed_source"]
    assert {k: proposal[k] for k in ("name", "alias", "kind", "parent_name", "role", "state")} == {
        "name": "Dmitry Peskov",
        "alias": "Dmitry Peskov",
        "kind": "official",
        "parent_name": "Russia",
        "role": "Kremlin spokesman",
        "state": "open",
    }
    assert proposal["parent"] == Source.objects.get(name="Russia").pk
    assert proposal["source"] is None


def test_accepting_creates_one_source_and_the_stance_names_it(demo, reviewer_client):
    (stance,) = suggested(PESKOV_SAYS)
    url = f"/api/v1/stances/{stance.pk}/accept-source/"

    response = reviewer_client.post(url, {"version": stance.version}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    peskov = Source.objects.get(name="Dmitry Peskov")
    assert (body["source"], body["source_name"], body["status"]) == (
        peskov.pk,
        "Dmitry Peskov",
        "suggested",
    )
    assert body["proposed_source"]["state"] == "accepted"
    assert body["proposed_source"]["source"] == peskov.pk
    assert peskov.parent.name == "Russia"

    again = reviewer_client.post(url, {"version": body["version"]}, format="json")
    assert again.status_code == 409
    assert again.json() == {
        "detail": "Dmitry Peskov was already registered as Dmitry Peskov by reviewer; "
        "nothing more to do.",
        "state": "accepted",
        "source": peskov.pk,
        "decided_by": "reviewer",
    }
    assert Source.objects.filter(name="Dmitry Peskov").count() == 1


def test_accepting_with_confirm_under_another_name(demo, reviewer_client):
    (stance,) = suggested(PESKOV_SAYS)
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/accept-source/",
        {"version": stance.version, "name": "Dmitry S. Peskov", "confirm": True},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["source_name"], response.json()["status"]) == (
        "Dmitry S. Peskov",
        "confirmed",
    )
    aliases = Source.objects.get(name="Dmitry S. Peskov").aliases.values_list("alias", flat=True)
    assert sorted(aliases) == ["Dmitry Peskov", "Dmitry S. Peskov"]


def test_a_stale_version_is_a_409_and_creates_nothing(demo, reviewer_client):
    (stance,) = suggested(PESKOV_SAYS)
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/accept-source/", {"version": 7}, format="json"
    )
    assert response.status_code == 409
    assert not Source.objects.filter(name="Dmitry Peskov").exists()


def test_mapping_and_dismissing(demo, reviewer_client):
    (stance,) = suggested(PESKOV_SAYS)
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/map-source/",
        {"version": stance.version, "source": "russia"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["proposed_source"]["state"] == "mapped"
    assert "Dmitry Peskov" in Source.objects.get(name="Russia").aliases.values_list(
        "alias", flat=True
    )

    (later,) = suggested(
        "Kremlin spokesman Maria Zakharova denied that North Korea had supplied ammunition to "
        "Russia."
    )
    response = reviewer_client.post(f"/api/v1/stances/{later.pk}/dismiss-source/")
    assert response.status_code == 200, response.json()
    assert response.json()["proposed_source"]["state"] == "dismissed"
    assert ProposedSource.objects.get(name="Maria Zakharova").decided_by.username == "reviewer"


def test_a_stance_with_a_registered_speaker_proposes_nothing(demo, reviewer_client):
    (stance,) = suggested("The Kremlin denied that North Korea had supplied ammunition to Russia.")
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/accept-source/", {"version": 1}, format="json"
    )
    assert response.status_code == 400
    assert "nothing is proposed" in response.json()["detail"]


def test_api_consumers_may_not_accept(demo, consumer_client, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    response = consumer_client.post(
        f"/api/v1/stances/{stance.pk}/accept-source/", {"version": 1}, format="json"
    )
    assert response.status_code == 403
    assert not Source.objects.filter(name="Dmitry Peskov").exists()


def test_the_schema_documents_the_proposal_and_its_actions(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    for action in ("accept-source", "map-source", "dismiss-source"):
        assert f"/api/v1/stances/{{id}}/{action}/" in paths
    stance = schema["components"]["schemas"]["Stance"]["properties"]
    assert "proposed_source" in stance
