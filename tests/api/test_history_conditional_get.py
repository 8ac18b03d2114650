"""A consumer polling a claim's history gets 304 until something in it changes."""

from __future__ import annotations

import pytest
from django.utils.http import http_date

from claims.models import Stance
from sources.models import Article

pytestmark = pytest.mark.django_db


def test_the_history_carries_an_etag_and_last_modified(arms_claim, consumer_client):
    response = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/")

    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "no-cache" in response["Cache-Control"]


def test_the_same_etag_answers_304_with_no_body(arms_claim, consumer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    etag = consumer_client.get(url)["ETag"]

    again = consumer_client.get(url, HTTP_IF_NONE_MATCH=etag)
    weak = consumer_client.get(url, HTTP_IF_NONE_MATCH=f"W/{etag}")

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert weak.status_code == 304


def test_if_modified_since_answers_304_until_a_stance_changes(
    arms_claim, consumer_client, reviewer_client
):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    first = consumer_client.get(url)
    since = first["Last-Modified"]

    assert consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    assert consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_confirming_a_stance_changes_the_etag(arms_claim, consumer_client, reviewer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    etag = consumer_client.get(url)["ETag"]
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby")

    reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/confirm/", {"version": kirby.version}, format="json"
    )
    after = consumer_client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert after.status_code == 200
    assert after["ETag"] != etag


def test_other_query_parameters_get_other_etags(arms_claim, consumer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"

    tags = {
        consumer_client.get(url, params)["ETag"]
        for params in ({}, {"since": "2024-01-01"}, {"source": "russia"}, {"group_by": "speaker"})
    }

    assert len(tags) == 4


def test_a_stale_etag_gets_the_full_history(arms_claim, consumer_client):
    response = consumer_client.get(
        f"/api/v1/claims/{arms_claim.slug}/history/", HTTP_IF_NONE_MATCH='"not-this-one"'
    )

    assert response.status_code == 200
    assert response.json()["lanes"]


def test_an_article_found_to_be_a_copy_later_changes_the_etag(arms_claim, consumer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    etag = consumer_client.get(url)["ETag"]
    original, copy = (
        Stance.objects.filter(claim=arms_claim, stated_on__year=2024)
        .values_list("article_id", flat=True)
        .distinct()
        .order_by("article_id")[:2]
    )

    Article.objects.filter(pk=copy).update(duplicate_of=original, duplicate_kind="spun")

    assert consumer_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
