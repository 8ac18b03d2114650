"""The OpenAPI schema says what since= keeps and that a review can be reversed."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths() -> dict:
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    return response.json()["paths"]


def test_since_says_empty_lanes_go_and_current_position_comes_from_all_stances(paths):
    history = paths["/api/v1/claims/{id_or_slug}/history/"]["get"]
    since = next(p for p in history["parameters"] if p["name"] == "since")["description"]

    assert "only the lanes that keep at least one" in since
    assert "current_position still comes from all its stances" in since


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_confirm_and_reject_say_a_decision_can_be_reversed(paths, action):
    operation = paths[f"/api/v1/stances/{{id}}/{action}/"]["post"]

    assert "reverse a decision" in operation["description"]
