"""Confirm and reject apply to reviewed stances too: a reviewer may reverse a decision."""

from __future__ import annotations

import pytest

from claims.models import Stance

pytestmark = pytest.mark.django_db


def test_a_rejected_stance_can_be_confirmed_and_then_rejected_again(arms_claim, reviewer_client):
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby", status="suggested")
    url = f"/api/v1/stances/{kirby.pk}"

    rejected = reviewer_client.post(f"{url}/reject/", {"version": kirby.version}, format="json")
    confirmed = reviewer_client.post(
        f"{url}/confirm/", {"version": rejected.json()["version"]}, format="json"
    )
    rejected_again = reviewer_client.post(
        f"{url}/reject/", {"version": confirmed.json()["version"]}, format="json"
    )

    assert [r.status_code for r in (rejected, confirmed, rejected_again)] == [200, 200, 200]
    assert [r.json()["status"] for r in (rejected, confirmed, rejected_again)] == [
        "rejected",
        "confirmed",
        "rejected",
    ]
    assert rejected_again.json()["version"] == kirby.version + 3


def test_reversing_needs_the_current_version_like_any_review(arms_claim, reviewer_client):
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby", status="suggested")
    url = f"/api/v1/stances/{kirby.pk}"

    reviewer_client.post(f"{url}/reject/", {"version": kirby.version}, format="json")
    stale = reviewer_client.post(f"{url}/confirm/", {"version": kirby.version}, format="json")

    assert stale.status_code == 409
    assert stale.json()["status"] == "rejected"
