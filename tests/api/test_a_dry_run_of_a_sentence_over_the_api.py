"""POST /api/v1/claims/{id}/dry-run/: whether and how a sentence would match the claim, by the
suggester's own reading; nothing is stored."""

from __future__ import annotations

import pytest

from claims.models import ProposedSource, Stance
from sources.models import Article

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/north-korea-arms-to-russia/dry-run/"


def test_a_sentence_that_would_match(demo, reviewer_client):
    response = reviewer_client.post(
        URL,
        {
            "text": "Pyongyang denied that it had supplied ammunition to Russia.",
            "dated": "2024-09-13",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["matches"] is True
    (sentence,) = body["sentences"]
    assert sentence["suggested"] is True
    (statement,) = sentence["statements"]
    assert (statement["source"], statement["position"], statement["alias"]) == (
        "North Korea",
        "denies",
        "Pyongyang",
    )
    assert (Article.objects.count(), ProposedSource.objects.count()) == (5, 0)
    assert not Stance.objects.filter(quote_exact__startswith="Pyongyang denied that it").exists()


def test_a_sentence_that_would_not_match(demo, reviewer_client):
    response = reviewer_client.post(URL, {"text": "The weather was mild overnight."}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["sentences"] == []
    assert body["problems"] == [
        "the article as a whole does not match the claim: it must name two of North Korea, "
        "Russia and Ukraine (or their aliases), and one of its search terms or words"
    ]


def test_api_consumers_may_not(demo, consumer_client):
    assert consumer_client.post(URL, {"text": "x"}, format="json").status_code == 403
