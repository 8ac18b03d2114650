"""GET /api/v1/articles/{id}/matches/: why the suggester matched the article to each claim, or
not, sentence by sentence; documented in the OpenAPI schema; for those who review."""

from __future__ import annotations

import datetime as dt

import pytest

from sources.models import Article

pytestmark = pytest.mark.django_db

ARMS = "north-korea-arms-to-russia"
TEXT = (
    "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to "
    "Russia. Maria Zakharova said the ammunition reports were lies."
)


@pytest.fixture
def story(demo) -> Article:
    return Article.objects.create(
        title="Arms", text=TEXT, published_on=dt.date(2024, 9, 13), origin=Article.Origin.PASTE
    )


def test_the_matched_and_the_unmatched_sentence(reviewer_client, story):
    response = reviewer_client.get(f"/api/v1/articles/{story.pk}/matches/")
    assert response.status_code == 200, response.json()
    (arms,) = [w for w in response.json() if w["claim_slug"] == ARMS]
    assert (arms["matches"], arms["problems"]) == (True, [])
    matched, unmatched = arms["sentences"]
    assert matched["suggested"] is True
    assert matched["words"] == ["ammunition", "supplies"]
    (statement,) = matched["statements"]
    assert {k: statement[k] for k in ("source", "position", "alias", "cue")} == {
        "source": "Russia",
        "position": "denies",
        "alias": "Dmitry Peskov (Kremlin spokesman)",
        "cue": "denied",
    }
    assert statement["stance_id"] is None
    assert unmatched["suggested"] is False
    assert unmatched["text"] == "Maria Zakharova said the ammunition reports were lies."
    assert unmatched["missing"] == [
        "no known actor: \u2018said\u2019 has no registered source as its speaker "
        "(not registered: Maria Zakharova)"
    ]


def test_a_claim_named_by_slug_is_explained_even_unmatched(reviewer_client, story):
    response = reviewer_client.get(
        f"/api/v1/articles/{story.pk}/matches/", {"claim": "north-korean-troops-in-russia"}
    )
    assert response.status_code == 200
    troops = response.json()[0]
    assert troops["claim_slug"] == "north-korean-troops-in-russia"
    assert troops["matches"] is False
    assert troops["problems"][0].startswith("the article as a whole does not match the claim")


def test_an_unknown_claim_is_a_400(reviewer_client, story):
    response = reviewer_client.get(f"/api/v1/articles/{story.pk}/matches/", {"claim": "nope"})
    assert response.status_code == 400
    assert response.json() == {"claim": ["No claim with id or slug 'nope'."]}


def test_api_consumers_get_403(consumer_client, story):
    assert consumer_client.get(f"/api/v1/articles/{story.pk}/matches/").status_code == 403


def test_the_schema_documents_the_matches(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/articles/{id}/matches/"]["get"]
    assert [p["name"] for p in operation["parameters"] if p["in"] == "query"] == ["claim"]
    item = operation["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert item == {"$ref": "#/components/schemas/WhyClaim"}
    sentence = schema["components"]["schemas"]["WhySentence"]["properties"]
    assert {"words", "statements", "missing", "suggested"} <= set(sentence)
