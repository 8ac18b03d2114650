"""An unchanged history is served from the bytes rendered last time, kept by its ETag; a
change gives a new body at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.api import history_cache
from tests.api.recorded import changes_settled, recorded_before
from tests.factories import ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


def history(client, claim, params: dict | None = None):
    response = client.get(f"/api/v1/claims/{claim.slug}/history/", params or {})
    assert response.status_code == 200, response.content
    return response


def kept(response) -> bool:
    key = history_cache.history_key(response["ETag"])
    return history_cache.bodies.get(key) is not None and cache.get(key) is not None


def positions(response) -> list[str]:
    return [
        report["position"]
        for lane in response.json()["lanes"]
        for statement in lane["statements"]
        for report in statement["reports"]
    ]


def test_a_settled_history_is_kept_and_served_again(consumer_client):
    claim = ClaimFactory()
    StanceFactory(claim=claim)
    changes_settled()
    first = history(consumer_client, claim)
    assert kept(first)
    with CaptureQueriesContext(connection) as queries:
        again = history(consumer_client, claim)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert not any("claims_stance" in q["sql"] and "ORDER BY" in q["sql"] for q in queries)


def test_a_change_to_a_stance_gives_a_new_body_not_the_kept_one(consumer_client):
    claim = ClaimFactory()
    stance = StanceFactory(claim=claim, position="asserts")
    changes_settled()
    first = history(consumer_client, claim)
    assert kept(first) and positions(first) == ["asserts"]

    stance.position = "denies"
    stance.save()
    second = history(consumer_client, claim)
    assert second["ETag"] != first["ETag"]
    assert positions(second) == ["denies"]

    StanceFactory(claim=claim, source=SourceFactory(), position="hedges")
    changes_settled()
    assert sorted(positions(history(consumer_client, claim))) == ["denies", "hedges"]


def test_a_history_changed_under_two_seconds_ago_is_not_kept(consumer_client):
    claim = ClaimFactory()
    StanceFactory(claim=claim)
    response = history(consumer_client, claim)
    assert not kept(response)
    assert history_cache.bodies.get(history_cache.history_key(response["ETag"])) is None


def test_the_cache_can_be_turned_off(settings, consumer_client):
    settings.FACTCHECK_HISTORY_CACHE_SECONDS = 0
    claim = ClaimFactory()
    StanceFactory(claim=claim)
    changes_settled()
    first = history(consumer_client, claim)
    assert not kept(first)
    assert history(consumer_client, claim).content == first.content
    assert not kept(first)


def test_as_of_answers_are_kept_apart_from_the_present_one(consumer_client):
    claim = ClaimFactory()
    stance = StanceFactory(claim=claim, position="asserts")
    recorded_before(dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    stance.position = "denies"
    stance.save()
    changes_settled()

    now = history(consumer_client, claim)
    then = history(consumer_client, claim, {"as_of": before.isoformat()})
    assert positions(now) == ["denies"] and positions(then) == ["asserts"]
    assert now["ETag"] != then["ETag"] and kept(now) and kept(then)
    # Each is served again as it was.
    assert history(consumer_client, claim, {"as_of": before.isoformat()}).content == then.content
    assert history(consumer_client, claim).content == now.content


def test_the_lru_drops_the_least_recently_used_and_keeps_no_oversized_body():
    lru = history_cache.BytesLRU(max_bytes=10, max_item=6)
    lru.put("a", b"aaaa")
    lru.put("b", b"bbbb")
    assert lru.get("a") == b"aaaa"  # a is now the most recently used
    lru.put("c", b"cccc")
    assert lru.get("b") is None and lru.get("a") == b"aaaa" and lru.get("c") == b"cccc"
    lru.put("d", b"ddddddd")
    assert lru.get("d") is None
