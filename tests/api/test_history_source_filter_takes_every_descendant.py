"""?source= on the history keeps the source's stances and those of every source below it."""

from __future__ import annotations

import pytest

from tests.api.history_json import reports
from tests.factories import ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim_with_a_tree():
    """Top -> Mid -> Leaf, each with a stance, and an unrelated source."""
    claim = ClaimFactory()
    top = SourceFactory(name="Top", slug="top")
    mid = SourceFactory(name="Mid", slug="mid", parent=top, kind="agency")
    leaf = SourceFactory(name="Leaf", slug="leaf", parent=mid, kind="official")
    for source in (top, mid, leaf, SourceFactory(name="Elsewhere", slug="elsewhere")):
        StanceFactory(claim=claim, source=source)
    return claim


def speakers(client, claim, **params) -> set[str]:
    body = client.get(f"/api/v1/claims/{claim.slug}/history/", params).json()
    return {s["speaker"]["name"] for lane in body["lanes"] for s in reports(lane)}


def test_a_top_level_source_brings_its_grandchildren(claim_with_a_tree, consumer_client):
    assert speakers(consumer_client, claim_with_a_tree, source="top") == {"Top", "Mid", "Leaf"}


def test_a_middle_source_brings_its_children_but_not_its_parent(claim_with_a_tree, consumer_client):
    by_lane = speakers(consumer_client, claim_with_a_tree, source="mid")
    by_speaker = speakers(consumer_client, claim_with_a_tree, source="mid", group_by="speaker")

    assert by_lane == by_speaker == {"Mid", "Leaf"}


def test_the_history_and_the_stance_list_agree_on_who_speaks_for_a_source(
    claim_with_a_tree, consumer_client
):
    listed = consumer_client.get(
        "/api/v1/stances/", {"claim": claim_with_a_tree.slug, "source": "top"}
    ).json()["results"]

    assert {s["source_name"] for s in listed} == speakers(
        consumer_client, claim_with_a_tree, source="top"
    )
