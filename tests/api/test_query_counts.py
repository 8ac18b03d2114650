"""List and history run a fixed number of queries however many claims, sources and stances."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.history_json import reports
from tests.api.recorded import changes_settled
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db

# The token with its user, the user's permissions (own and groups'), then the
# page; or the claim, the history's version and the history itself (its JSON written
# by PostgreSQL in one query, claims/api/history.py).
LIST_QUERIES = 4
HISTORY_QUERIES = 6
HISTORY_AS_OF_QUERIES = 9  # stance events, their articles, the sources and the claim as they were
# Unchanged since last rendered: the queries of a 304 (the claim and the history's version),
# then the kept bytes (claims/api/history_cache.py).
HISTORY_WARM_QUERIES = 5


def grow(claim, *, sources: int, stances_per_source: int) -> None:
    """Stances by new sources (each a child of the first, so lanes group) in new articles."""
    parent = SourceFactory()
    for _ in range(sources):
        source = SourceFactory(parent=parent)
        for _ in range(stances_per_source):
            StanceFactory(claim=claim, source=source, article=ArticleFactory())


def count(client, path: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params or {})
    assert response.status_code == 200, response.content
    return len(queries)


def get(client, path: str, params: dict | None = None) -> None:
    response = client.get(path, params or {})
    assert response.status_code == 200, response.content


def test_the_claim_list_runs_the_same_queries_for_many_claims(
    consumer_client, django_assert_num_queries
):
    for _ in range(2):
        grow(ClaimFactory(), sources=1, stances_per_source=1)
    with django_assert_num_queries(LIST_QUERIES):
        get(consumer_client, "/api/v1/claims/")

    for _ in range(8):
        grow(ClaimFactory(), sources=3, stances_per_source=2)
    with django_assert_num_queries(LIST_QUERIES):
        get(consumer_client, "/api/v1/claims/")


@pytest.mark.parametrize(
    ("params", "queries"), [({}, HISTORY_QUERIES), ({"as_of": "2999-01-01"}, HISTORY_AS_OF_QUERIES)]
)
def test_the_history_runs_the_same_queries_for_many_stances(
    params, queries, consumer_client, django_assert_num_queries
):
    claim = ClaimFactory()
    grow(claim, sources=1, stances_per_source=1)
    path = f"/api/v1/claims/{claim.slug}/history/"
    with django_assert_num_queries(queries):
        get(consumer_client, path, params)

    grow(claim, sources=6, stances_per_source=4)
    with django_assert_num_queries(queries):
        get(consumer_client, path, params)
    lanes = consumer_client.get(path, params).json()["lanes"]
    assert sum(len(reports(lane)) for lane in lanes) == 25


def test_the_stance_and_source_lists_run_the_same_queries_for_many_rows(consumer_client):
    claim = ClaimFactory()
    grow(claim, sources=1, stances_per_source=1)
    few = (count(consumer_client, "/api/v1/stances/"), count(consumer_client, "/api/v1/sources/"))

    grow(claim, sources=5, stances_per_source=3)
    many = (count(consumer_client, "/api/v1/stances/"), count(consumer_client, "/api/v1/sources/"))

    assert few == many


@pytest.mark.parametrize("params", [{}, {"as_of": "2999-01-01"}])
def test_an_unchanged_history_runs_the_queries_of_a_304(
    params, consumer_client, django_assert_num_queries
):
    claim = ClaimFactory()
    grow(claim, sources=3, stances_per_source=2)
    changes_settled()
    path = f"/api/v1/claims/{claim.slug}/history/"
    etag = consumer_client.get(path, params)["ETag"]
    with CaptureQueriesContext(connection) as not_modified:
        response = consumer_client.get(path, params, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert len(not_modified) == HISTORY_WARM_QUERIES

    with django_assert_num_queries(HISTORY_WARM_QUERIES):
        get(consumer_client, path, params)
    grow(claim, sources=3, stances_per_source=4)
    changes_settled()
    get(consumer_client, path, params)  # changed: rendered and kept anew
    with django_assert_num_queries(HISTORY_WARM_QUERIES):
        get(consumer_client, path, params)
