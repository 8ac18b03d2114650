"""The database matches all claims at once: queries per article do not grow with the claims."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of

TEXT = "Washington has accused North Korea of supplying ammunition to Russia, though Pyongyang has denied it."


def queries_for(article) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert article_proposals(article)
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.django_db
def test_matching_cost_does_not_grow_with_the_number_of_claims(world):
    article = article_of(TEXT)
    first = queries_for(article)  # compiles the three claims' queries first
    few = queries_for(article)
    assert len(few) < len(first)
    for n in range(300):
        Claim.objects.create(
            slug=f"unrelated-{n}",
            text=f"Russia exports grain number {n} to Ukraine",
            search_terms=["grain", "wheat", f"term{n}"],
        )
    assert len(queries_for(article)) == len(first)  # the 300 new ones, in one batch
    many = queries_for(article)
    assert len(many) == len(few)
    # One statement joins the article with the stored queries of all claims; the
    # other look at claims_claim only asks whether any is stale.
    (matching,) = [q for q in many if "search_vector" in q]
    assert "claims_claim" in matching and "match_query" in matching
    assert len([q for q in many if "claims_claim" in q]) == 2
