"""The claim list: search, filters by tag/status/source/position, cursor pages, id or slug."""

from __future__ import annotations

import pytest

from claims.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

ARMS, TROOPS, AID = (
    "north-korea-arms-to-russia",
    "north-korean-troops-in-russia",
    "russian-aid-to-north-korea",
)


def slugs(client, **params) -> set[str]:
    response = client.get("/api/v1/claims/", params)
    assert response.status_code == 200, response.content
    return {c["slug"] for c in response.json()["results"]}


def test_search_finds_claims_by_words_and_search_terms(demo, consumer_client):
    assert slugs(consumer_client, q="ammunition") == {ARMS}
    assert slugs(consumer_client, q="soldiers") == {TROOPS}
    assert slugs(consumer_client, q="troops") == {TROOPS, AID}  # AID's description names them


def test_filters_by_tag_and_status(demo, consumer_client):
    Claim.objects.filter(slug=AID).update(status="archived")

    assert slugs(consumer_client, tag="arms") == {ARMS}
    assert slugs(consumer_client, status="archived") == {AID}
    assert slugs(consumer_client, tag="north-korea", status="active") == {ARMS, TROOPS}


def test_filters_by_source_and_position_on_the_same_stance(demo, consumer_client):
    assert slugs(consumer_client, source="russia", position="denies") == {ARMS}
    assert slugs(consumer_client, source="ukraine") == {ARMS, TROOPS, AID}
    assert slugs(consumer_client, position="hedges") == {ARMS, TROOPS, AID}
    assert slugs(consumer_client, source="north-korea", position="asserts") == set()


def test_a_claim_is_found_by_id_or_slug_with_its_counts(demo, consumer_client):
    claim = Claim.objects.get(slug=ARMS)

    by_id = consumer_client.get(f"/api/v1/claims/{claim.pk}/").json()
    by_slug = consumer_client.get(f"/api/v1/claims/{ARMS}/").json()

    assert by_id == by_slug
    assert by_id["confirmed_stance_count"] == claim.stances.filter(status="confirmed").count()
    assert by_id["history_url"].endswith(f"/api/v1/claims/{ARMS}/history/")


def test_cursor_pages_walk_every_claim_once(consumer_client):
    made = {ClaimFactory().slug for _ in range(7)}
    seen: list[str] = []
    url = "/api/v1/claims/?page_size=3"

    while url:
        page = consumer_client.get(url).json()
        seen += [c["slug"] for c in page["results"]]
        url = page["next"]

    assert len(seen) == 7 and set(seen) == made


def test_an_editor_registers_and_changes_a_claim(editor_client, editor):
    created = editor_client.post(
        "/api/v1/claims/",
        {"text": "Russia supplies North Korea with satellite technology", "tags": ["space"]},
        format="json",
    )
    slug = created.json()["slug"]
    changed = editor_client.patch(
        f"/api/v1/claims/{slug}/",
        {"verdict": "unproven", "verdict_summary": "No public evidence yet."},
        format="json",
    )

    assert created.status_code == 201
    assert slug == "russia-supplies-north-korea-with-satellite-technology"
    assert Claim.objects.get(slug=slug).created_by == editor
    assert changed.status_code == 200
    assert changed.json()["verdict"] == "unproven"
