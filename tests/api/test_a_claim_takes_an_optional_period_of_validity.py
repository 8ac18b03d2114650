"""A claim takes an optional period of validity (valid_from, valid_to): editors set it in the
admin and over the API, the claim page shows it, and a period that ends before it starts is
refused everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.models import Claim
from tests.factories import ClaimFactory
from tests.foundation.admin_forms import claim_form

pytestmark = pytest.mark.django_db

TEXT = "North Korea sent more troops to Russia in early 2025"


def test_an_editor_sets_the_period_over_the_api(editor_client, consumer_client):
    created = editor_client.post(
        "/api/v1/claims/",
        {"text": TEXT, "valid_from": "2025-01-01", "valid_to": "2025-04-30"},
        format="json",
    )
    slug = created.json()["slug"]
    read = consumer_client.get(f"/api/v1/claims/{slug}/").json()
    opened = editor_client.patch(f"/api/v1/claims/{slug}/", {"valid_to": None}, format="json")

    assert created.status_code == 201
    assert (read["valid_from"], read["valid_to"]) == ("2025-01-01", "2025-04-30")
    assert opened.status_code == 200
    assert (opened.json()["valid_from"], opened.json()["valid_to"]) == ("2025-01-01", None)


def test_a_claim_without_a_period_has_none(editor_client):
    created = editor_client.post("/api/v1/claims/", {"text": TEXT}, format="json").json()

    assert (created["valid_from"], created["valid_to"]) == (None, None)


def test_a_period_ending_before_it_starts_is_a_field_error_over_the_api(editor_client):
    claim = ClaimFactory(slug="early-2025", valid_from=dt.date(2025, 1, 1))
    created = editor_client.post(
        "/api/v1/claims/",
        {"text": TEXT, "valid_from": "2025-04-30", "valid_to": "2025-01-01"},
        format="json",
    )
    # A change of one end is checked against the stored other end.
    changed = editor_client.patch(
        "/api/v1/claims/early-2025/", {"valid_to": "2024-12-31"}, format="json"
    )

    for response in (created, changed):
        assert response.status_code == 400
        assert response.json() == {"valid_to": ["The period of validity ends before it starts."]}
    claim.refresh_from_db()
    assert claim.valid_to is None


def test_the_database_refuses_a_reversed_period():
    with pytest.raises(IntegrityError, match="claim_validity_ordered"), transaction.atomic():
        ClaimFactory(valid_from=dt.date(2025, 4, 30), valid_to=dt.date(2025, 1, 1))


def test_an_editor_sets_the_period_in_the_admin(client, editor):
    claim = ClaimFactory(text=TEXT)
    client.force_login(editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])

    page = client.get(url).content.decode()
    saved = client.post(url, claim_form(claim, valid_from="2025-01-01", valid_to="2025-04-30"))
    refused = client.post(url, claim_form(claim, valid_from="2025-04-30", valid_to="2025-01-01"))

    assert "Period of validity" in page and 'name="valid_from"' in page
    assert saved.status_code == 302
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["valid_to"] == [
        "The period of validity ends before it starts."
    ]
    claim.refresh_from_db()
    assert (claim.valid_from, claim.valid_to) == (dt.date(2025, 1, 1), dt.date(2025, 4, 30))


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "shown"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 4, 30), "1 Jan 2025 \u2013 30 Apr 2025"),
        (dt.date(2025, 1, 1), None, "from 1 Jan 2025"),
        (None, dt.date(2025, 4, 30), "until 30 Apr 2025"),
    ],
)
def test_the_claim_page_shows_the_period(client, reviewer, valid_from, valid_to, shown):
    claim = ClaimFactory(text=TEXT, valid_from=valid_from, valid_to=valid_to)
    client.force_login(reviewer)

    page = client.get(claim.get_absolute_url()).content.decode()

    assert f"<dt>Valid</dt><dd>{shown}</dd>" in page


def test_the_claim_page_says_nothing_of_a_period_the_claim_does_not_have(client, reviewer):
    claim = ClaimFactory(text=TEXT)
    client.force_login(reviewer)

    assert "<dt>Valid</dt>" not in client.get(claim.get_absolute_url()).content.decode()
    assert Claim.objects.get(pk=claim.pk).validity == ""
