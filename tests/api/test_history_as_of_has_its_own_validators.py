"""A history as of a past moment has an ETag of its own and never a Last-Modified after that moment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from tests.api.recorded import changes_settled, recorded_before

pytestmark = pytest.mark.django_db


def test_a_past_as_of_sends_no_last_modified_after_it(arms_claim, consumer_client):
    recorded_before(timezone.now() - dt.timedelta(days=2))
    changes_settled()
    as_of = timezone.now() - dt.timedelta(days=1)

    response = consumer_client.get(
        f"/api/v1/claims/{arms_claim.slug}/history/", {"as_of": as_of.isoformat()}
    )

    assert response.status_code == 200
    if response.has_header("Last-Modified"):
        assert parse_http_date(response["Last-Modified"]) <= as_of.timestamp()


def test_an_as_of_after_the_latest_change_keeps_the_last_modified(arms_claim, consumer_client):
    changes_settled()
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    as_of = timezone.now() + dt.timedelta(days=1)

    now = consumer_client.get(url)
    later = consumer_client.get(url, {"as_of": as_of.isoformat()})

    assert later["Last-Modified"] == now["Last-Modified"]


def test_each_as_of_has_its_own_etag(arms_claim, consumer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"
    moments = ["2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"]

    tags = [consumer_client.get(url)["ETag"]]
    tags += [consumer_client.get(url, {"as_of": m})["ETag"] for m in moments]
    same_moment = consumer_client.get(url, {"as_of": "2025-01-01T01:00:00+01:00"})["ETag"]

    assert len(set(tags)) == 3
    assert same_moment == tags[2]
