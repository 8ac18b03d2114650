"""A request body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 in the API's one error format
(DRF's ``{"detail": ...}``), not Django's HTML "Bad Request" page."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from tests.factories import StanceFactory

pytestmark = pytest.mark.django_db


def oversized(**fields: object) -> str:
    """A JSON body one kilobyte over the upload limit."""
    body = json.dumps({**fields, "padding": ""})
    padding = settings.DATA_UPLOAD_MAX_MEMORY_SIZE - len(body) + 1024
    return json.dumps({**fields, "padding": "x" * padding})


@pytest.mark.parametrize("endpoint", ["/api/v1/articles/", "/api/v1/claims/", "confirm"])
def test_a_body_over_the_upload_limit_gets_a_json_413(endpoint, editor_client):
    if endpoint == "confirm":
        stance = StanceFactory(status="suggested", reviewed_at=None)
        endpoint = f"/api/v1/stances/{stance.pk}/confirm/"

    response = editor_client.generic(
        "POST", endpoint, oversized(text="pasted", title="Long"), content_type="application/json"
    )

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "The request body is larger than 2,621,440 bytes, the most this API accepts."
    }


def test_a_body_under_the_limit_is_read_as_usual(editor_client):
    text = "Pyongyang denied it. " * 100_000  # 2.1 MB of pasted text

    response = editor_client.post(
        "/api/v1/articles/", {"text": text, "title": "Long paste"}, format="json"
    )

    assert response.status_code == 202, response.content[:300]
