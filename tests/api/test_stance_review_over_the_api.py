"""Reviewers record, confirm and reject stances; a stale version answers 409."""

from __future__ import annotations

import pytest

from claims.models import Stance
from claims.services import stance_confirm

pytestmark = pytest.mark.django_db

KIRBY = "John Kirby"


@pytest.fixture
def kirby(arms_claim) -> Stance:
    return Stance.objects.get(claim=arms_claim, source__name=KIRBY, status="suggested")


def test_a_reviewer_records_a_confirmed_stance_with_its_quote_anchored(
    arms_claim, reviewer_client, reviewer
):
    article = arms_claim.stances.get(
        source__name="Russia", stated_on__year=2024, article__outlet__name="Reuters"
    ).article
    quote = "Moscow and Pyongyang have denied the accusations"

    response = reviewer_client.post(
        "/api/v1/stances/",
        {
            "claim": arms_claim.slug,
            "source": "kcna",
            "article": article.pk,
            "position": "denies",
            "stated_on": "2024-09",
            "quote_exact": quote,
            "status": "confirmed",
        },
        format="json",
    )
    response_ok = reviewer_client.post(
        "/api/v1/stances/",
        {
            "claim": arms_claim.slug,
            "source": "kcna",
            "article": article.pk,
            "position": "denies",
            "stated_on": "2024-09-14",
            "stated_on_precision": "month",
            "quote_exact": quote,
            "status": "confirmed",
            "attributed_via": "state media",
        },
        format="json",
    )

    assert response.status_code == 400 and "stated_on" in response.json()
    assert response_ok.status_code == 201, response_ok.content
    body = response_ok.json()
    stance = Stance.objects.get(pk=body["id"])
    assert stance.reviewed_by == reviewer and stance.status == "confirmed"
    assert body["quote"]["exact"] == quote
    assert article.text[body["quote"]["start"] : body["quote"]["end"]] == quote
    assert body["quote"]["prefix"] and body["quote"]["suffix"]


def test_the_same_evidence_twice_is_refused(arms_claim, reviewer_client):
    us = arms_claim.stances.filter(source__name="United States").first()
    body = {
        "claim": arms_claim.pk,
        "source": us.source_id,
        "article": us.article_id,
        "position": "asserts",
        "stated_on": "2023-07-01",
        "quote_exact": us.quote_exact,
        "quote_start": us.quote_start,
    }

    response = reviewer_client.post("/api/v1/stances/", body, format="json")

    assert response.status_code == 400
    assert "already recorded" in response.json()["quote_exact"][0]


def test_a_reviewer_confirms_a_suggestion(kirby, reviewer_client, reviewer):
    response = reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/confirm/", {"version": kirby.version}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    assert response.json()["version"] == kirby.version + 1
    kirby.refresh_from_db()
    assert kirby.reviewed_by == reviewer


def test_a_reviewer_rejects_a_suggestion_with_a_note(kirby, reviewer_client):
    response = reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/reject/",
        {"version": kirby.version, "note": "Kirby speculates, he does not hedge on the claim."},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["note"].startswith("Kirby speculates")


def test_a_review_of_a_version_someone_else_moved_on_answers_409(
    kirby, reviewer_client, second_reviewer
):
    seen = kirby.version
    stance_confirm(stance=kirby, reviewer=second_reviewer)

    response = reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/reject/", {"version": seen}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert "changed by reviewer2" in body["detail"]
    assert "Reload" in body["detail"]
    assert body["status"] == "confirmed" and body["version"] == seen + 1
    kirby.refresh_from_db()
    assert kirby.status == "confirmed"


def test_consumers_see_confirmed_stances_only(arms_claim, consumer_client, reviewer_client):
    url = f"/api/v1/stances/?claim={arms_claim.slug}&page_size=200"

    seen_by_consumer = {s["status"] for s in consumer_client.get(url).json()["results"]}
    seen_by_reviewer = {s["status"] for s in reviewer_client.get(url).json()["results"]}

    assert seen_by_consumer == {"confirmed"}
    assert seen_by_reviewer == {"confirmed", "suggested"}


def test_stances_filter_by_source_including_its_speakers(arms_claim, consumer_client):
    results = consumer_client.get(
        "/api/v1/stances/", {"claim": arms_claim.pk, "source": "russia"}
    ).json()["results"]

    assert {s["source_name"] for s in results} == {"Russia", "Sergei Shoigu"}
