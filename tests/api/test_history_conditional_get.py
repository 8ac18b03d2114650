"""A consumer polling a claim's history gets 304 until something in it changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.http import http_date

from claims.models import Stance
from sources.models import Article
from tests.api.recorded import changes_settled

pytestmark = pytest.mark.django_db


def test_the_history_carries_an_etag_and_last_modified(arms_claim, consumer_client):
    changes_settled()

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
    changes_settled()
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    since = consumer_client.get(url)["Last-Modified"]
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby")

    unchanged = consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=since)
    long_ago = consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0))
    reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/confirm/", {"version": kirby.version}, format="json"
    )
    changed = consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=since)

    assert unchanged.status_code == 304
    assert long_ago.status_code == 200
    assert changed.status_code == 200


def test_a_change_later_in_the_same_second_is_not_answered_304(
    arms_claim, consumer_client, monkeypatch
):
    changes_settled(dt.timedelta(hours=1))
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    second = timezone.now().replace(microsecond=0)
    first_change, second_change = Stance.objects.filter(claim=arms_claim)[:2]

    def at(offset: float) -> None:
        moment = second + dt.timedelta(seconds=offset)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    Stance.objects.filter(pk=first_change.pk).update(updated_at=second + dt.timedelta(seconds=0.1))
    at(0.4)
    first = consumer_client.get(url)
    Stance.objects.filter(pk=second_change.pk).update(updated_at=second + dt.timedelta(seconds=0.7))
    at(0.9)
    # The date a whole-second Last-Modified would have named for the first answer.
    again = consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(second.timestamp()))
    at(3)
    settled = consumer_client.get(url)
    settled_again = consumer_client.get(url, HTTP_IF_MODIFIED_SINCE=settled["Last-Modified"])

    assert "Last-Modified" not in first
    assert again.status_code == 200
    assert settled["Last-Modified"] == http_date(second.timestamp())
    assert settled_again.status_code == 304


def test_if_none_match_decides_over_if_modified_since(arms_claim, consumer_client):
    changes_settled()
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    since = consumer_client.get(url)["Last-Modified"]

    response = consumer_client.get(
        url, HTTP_IF_NONE_MATCH='"an-older-etag"', HTTP_IF_MODIFIED_SINCE=since
    )

    assert response.status_code == 200


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
