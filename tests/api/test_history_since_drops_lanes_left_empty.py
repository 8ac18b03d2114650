"""?since= leaves out the lanes with no stance on or after that day; the others keep their current position."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.api.history_json import reports
from tests.factories import ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    claim = ClaimFactory()
    quiet = SourceFactory(name="Quiet Since 2023")
    moving = SourceFactory(name="Moving")
    StanceFactory(claim=claim, source=quiet, position="denies", stated_on=dt.date(2023, 5, 1))
    for day, position in [
        (dt.date(2023, 6, 1), "denies"),
        (dt.date(2024, 6, 1), "hedges"),
        (dt.date(2025, 3, 1), "asserts"),
    ]:
        StanceFactory(claim=claim, source=moving, position=position, stated_on=day)
    return claim


def test_a_lane_without_stances_since_that_day_is_left_out(claim, consumer_client):
    body = consumer_client.get(
        f"/api/v1/claims/{claim.slug}/history/", {"since": "2024-01-01"}
    ).json()

    [lane] = body["lanes"]
    assert lane["source"]["name"] == "Moving"
    assert [s["stated_on"] for s in reports(lane)] == ["2024-06-01", "2025-03-01"]
    assert [(c["from"], c["to"]) for c in lane["changes"]] == [
        ("denies", "hedges"),
        ("hedges", "asserts"),
    ]
    assert lane["current_position"] == "asserts"


def test_the_whole_history_keeps_every_lane(claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{claim.slug}/history/").json()

    assert {lane["source"]["name"] for lane in body["lanes"]} == {"Quiet Since 2023", "Moving"}
