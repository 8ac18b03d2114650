"""Washington's July 2023 accusation on the arms claim (Kirby's White House), reported by The Hill
and by AP's story republished on a content farm, is one statement with two independent reports
in the history; each report keeps its stance id."""

from __future__ import annotations

import pytest

from claims.models import Stance

pytestmark = pytest.mark.django_db


def test_the_july_2023_accusation_is_one_statement_with_two_reports(arms_claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/").json()

    [us] = [lane for lane in body["lanes"] if lane["source"]["name"] == "United States"]
    july = [s for s in us["statements"] if s["reports"][0]["stated"] == "2023-07"]
    assert len(july) == 1
    [statement] = july
    assert {r["position"] for r in statement["reports"]} == {"asserts"}
    assert statement["independent_reports"] == 2
    assert statement["copies"] == 0
    outlets = [r["article"]["outlet"] for r in statement["reports"]]
    assert outlets == ["The Hill", "Wealth Navigators Hub"]
    assert statement["reports"][1]["article"]["original_outlet"] == "The Associated Press"
    recorded = Stance.objects.filter(
        claim=arms_claim, source__name="United States", stated_on__year=2023
    )
    assert sorted(r["id"] for r in statement["reports"]) == sorted(s.pk for s in recorded)
    assert statement["id"] == statement["reports"][0]["id"]


def test_two_reuters_stories_a_day_apart_are_one_statement_from_one_newsroom(
    arms_claim, consumer_client
):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/").json()

    [russia] = [lane for lane in body["lanes"] if lane["source"]["name"] == "Russia"]
    [denial] = [s for s in russia["statements"] if s["reports"][0]["position"] == "denies"]
    # Reuters' own story and The Japan News carrying Reuters: one newsroom's reporting.
    assert [r["article"]["outlet"] for r in denial["reports"]] == ["Reuters", "The Japan News"]
    assert (denial["independent_reports"], denial["copies"]) == (1, 1)
    stances = sum(len(s["reports"]) for lane in body["lanes"] for s in lane["statements"])
    statements = sum(len(lane["statements"]) for lane in body["lanes"])
    assert (stances, statements) == (14, 9)
