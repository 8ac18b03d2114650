"""Over the API, reject takes a reason (one of the usual ones or free text) and every stance shows
its reject_reason; a reason too long is a field error in DRF's format."""

import pytest

from claims.models import Stance

pytestmark = pytest.mark.django_db


def kirby() -> Stance:
    return Stance.objects.get(source__name="John Kirby")


@pytest.mark.parametrize("reason", ["wrong speaker", "The speaker is quoting a 2019 report."])
def test_a_reject_stores_its_reason_and_the_stance_shows_it(reviewer_client, arms_claim, reason):
    stance = kirby()
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/reject/",
        {"version": stance.version, "reason": reason},
        format="json",
    )
    read = reviewer_client.get(f"/api/v1/stances/{stance.pk}/").json()

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["reject_reason"]) == ("rejected", reason)
    assert read["reject_reason"] == reason


def test_a_reject_without_a_reason_has_an_empty_one(reviewer_client, arms_claim):
    stance = kirby()
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/reject/", {"version": stance.version}, format="json"
    )

    assert response.json()["reject_reason"] == ""


def test_confirming_again_clears_the_reason(reviewer_client, arms_claim):
    stance = kirby()
    rejected = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/reject/",
        {"version": stance.version, "reason": "not a statement"},
        format="json",
    ).json()
    confirmed = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/confirm/", {"version": rejected["version"]}, format="json"
    ).json()

    assert (confirmed["status"], confirmed["reject_reason"]) == ("confirmed", "")


def test_a_reason_over_300_characters_is_a_field_error(reviewer_client, arms_claim):
    stance = kirby()
    response = reviewer_client.post(
        f"/api/v1/stances/{stance.pk}/reject/",
        {"version": stance.version, "reason": "x" * 301},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["reason"]
    assert isinstance(response.json()["reason"], list)
    assert kirby().status == "suggested"


def test_the_schema_documents_the_reasons(consumer_client):
    schema = consumer_client.get("/api/schema/?format=json").json()
    reason = schema["components"]["schemas"]["StanceRejectRequest"]["properties"]["reason"]

    assert "'wrong speaker'" in reason["description"]
    assert "reject_reason" in schema["components"]["schemas"]["Stance"]["properties"]
