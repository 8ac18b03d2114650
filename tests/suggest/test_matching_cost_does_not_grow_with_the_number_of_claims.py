"""The database matches all claims at once: queries per article do not grow with the claims."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of

TEXT = "Washington has accused North Korea of supplying ammunition to Russia, though Pyongyang has denied it."


def queries_for(article) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert article_proposals(article)
    return len(captured)


@pytest.mark.django_db
def test_matching_cost_does_not_grow_with_the_number_of_claims(world):
    article = article_of(TEXT)
    few = queries_for(article)
    for n in range(30):
        Claim.objects.create(
            slug=f"unrelated-{n}",
            text=f"Russia exports grain number {n} to Ukraine",
            search_terms=["grain", "wheat", f"term{n}"],
        )
    assert queries_for(article) == few
