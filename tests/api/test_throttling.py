"""Each token has its own request budget; past it, a clear 429 with Retry-After."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.settings import api_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def rates(read: str, write: str) -> dict:
    return {
        "REST_FRAMEWORK": {
            **api_settings.user_settings,
            "DEFAULT_THROTTLE_RATES": {"read": read, "write": write},
        }
    }


def test_a_token_past_its_read_rate_gets_a_clear_429(consumer_client):
    with override_settings(**rates("2/minute", "1/minute")):
        answers = [consumer_client.get("/api/v1/claims/") for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    detail = answers[2].json()["detail"]
    retry_after = int(answers[2]["Retry-After"])
    assert 0 < retry_after <= 60
    assert detail == (
        "Too many requests for this token: the limit is 2 read requests per minute. "
        f"Try again in {retry_after} second{'' if retry_after == 1 else 's'}."
    )


def test_each_token_has_its_own_budget(consumer_client, client_for):
    other = client_for(UserFactory(username="other", role="API consumers"))
    with override_settings(**rates("1/minute", "1/minute")):
        first = consumer_client.get("/api/v1/claims/")
        second = consumer_client.get("/api/v1/claims/")
        others = other.get("/api/v1/claims/")

    assert (first.status_code, second.status_code, others.status_code) == (200, 429, 200)


def test_writes_have_a_budget_of_their_own(editor_client):
    with override_settings(**rates("1/minute", "1/minute")):
        read = editor_client.get("/api/v1/claims/")
        write = editor_client.post("/api/v1/claims/", {"text": "First claim"}, format="json")
        again = editor_client.post("/api/v1/claims/", {"text": "Second claim"}, format="json")

    assert (read.status_code, write.status_code, again.status_code) == (200, 201, 429)
    assert "write requests per minute" in again.json()["detail"]
