"""The arms claim's history over the demo data: who asserts, who denies, when, and the quotes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import Stance
from sources.models import Article
from tests.api.history_json import reports
from tests.api.recorded import recorded_before

pytestmark = pytest.mark.django_db


def lanes_by_name(body: dict) -> dict[str, dict]:
    return {lane["source"]["name"]: lane for lane in body["lanes"]}


def test_it_lists_the_united_states_asserting_and_north_korea_and_russia_denying(
    arms_claim, consumer_client
):
    response = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/")

    assert response.status_code == 200
    lanes = lanes_by_name(response.json())
    us, nk, russia = lanes["United States"], lanes["North Korea"], lanes["Russia"]
    assert {s["position"] for s in reports(us)} == {"asserts"}
    assert {s["stated_on"][:4] for s in reports(us)} >= {"2023", "2024"}
    assert {s["position"] for s in reports(nk)} == {"denies"}
    assert {s["stated_on"][:4] for s in reports(nk)} == {"2023", "2024"}
    denials = [s for s in reports(russia) if s["position"] == "denies"]
    assert denials and {s["stated_on"][:4] for s in denials} == {"2024"}


def test_each_quote_is_verbatim_in_its_article_text(arms_claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.pk}/history/").json()

    stances = [s for lane in body["lanes"] for s in reports(lane)]
    texts = Article.objects.in_bulk({s["article"]["id"] for s in stances})
    assert len(stances) >= 10
    for stance in stances:
        quote, text = stance["quote"], texts[stance["article"]["id"]].text
        assert quote["exact"] in text
        assert text[quote["start"] : quote["end"]] == quote["exact"]


def test_statements_are_in_the_order_the_sources_spoke(arms_claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/").json()

    for lane in body["lanes"]:
        dates = [s["reports"][0]["stated_on"] for s in lane["statements"]]
        assert dates == sorted(dates)
        for statement in lane["statements"]:
            assert statement["id"] == statement["reports"][0]["id"]


def test_a_change_appears_where_russia_moved_from_denying_to_hedging(arms_claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/").json()

    russia = lanes_by_name(body)["Russia"]
    assert russia["current_position"] == "hedges"
    assert [(c["from"], c["to"], c["on"][:4]) for c in russia["changes"]] == [
        ("denies", "hedges", "2025")
    ]
    hedge = next(s for s in reports(russia) if s["position"] == "hedges")
    assert hedge["speaker"]["name"] == "Sergei Shoigu"
    assert "assist" in hedge["quote"]["exact"]
    assert lanes_by_name(body)["United States"]["changes"] == []


def test_copies_carry_their_original_outlet_and_date(arms_claim, consumer_client):
    body = consumer_client.get(f"/api/v1/claims/{arms_claim.slug}/history/").json()

    articles = [s["article"] for lane in body["lanes"] for s in reports(lane)]
    copies = [a for a in articles if a["duplicate_kind"]]
    assert copies
    for article in copies:
        assert article["original_outlet"] in {"The Associated Press", "Reuters"}
        assert article["page_date"] != article["published_on"]
    assert all(a["outlet"] for a in articles)
    # AP's copies, whose pages are not known, have no URL; the others link to where they
    # were read (The Japan News carrying Reuters' story too).
    ap = [a for a in copies if a["original_outlet"] == "The Associated Press"]
    assert ap and {a["url"] for a in ap} == {""}
    assert all(a["url"].startswith("https://") for a in articles if a not in ap)


def test_source_and_since_narrow_the_history(arms_claim, consumer_client):
    url = f"/api/v1/claims/{arms_claim.slug}/history/"

    only_russia = consumer_client.get(url, {"source": "russia"}).json()
    since_2025 = consumer_client.get(url, {"since": "2025-01-01"}).json()

    assert [lane["source"]["name"] for lane in only_russia["lanes"]] == ["Russia"]
    stances = [s for lane in since_2025["lanes"] for s in reports(lane)]
    assert stances and all(s["stated_on"] >= "2025-01-01" for s in stances)


def test_speakers_get_lanes_of_their_own_when_asked(arms_claim, consumer_client):
    body = consumer_client.get(
        f"/api/v1/claims/{arms_claim.slug}/history/", {"group_by": "speaker"}
    ).json()

    assert "Sergei Shoigu" in lanes_by_name(body)
    assert lanes_by_name(body)["Russia"]["changes"] == []


def test_as_of_before_a_stance_was_confirmed_leaves_it_out(
    arms_claim, reviewer_client, consumer_client
):
    yesterday = timezone.now() - dt.timedelta(days=1)
    recorded_before(yesterday)
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby", status="suggested")
    url = f"/api/v1/claims/{arms_claim.slug}/history/"

    confirmed = reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/confirm/", {"version": kirby.version}, format="json"
    )
    now = consumer_client.get(url).json()
    before = consumer_client.get(url, {"as_of": (yesterday + dt.timedelta(hours=1)).isoformat()})

    assert confirmed.status_code == 200
    ids_now = {s["id"] for lane in now["lanes"] for s in reports(lane)}
    ids_before = {s["id"] for lane in before.json()["lanes"] for s in reports(lane)}
    assert kirby.pk in ids_now
    assert kirby.pk not in ids_before
    assert ids_before == ids_now - {kirby.pk}
    assert before.json()["as_of"] is not None


def test_as_of_before_anything_was_recorded_is_empty(arms_claim, consumer_client):
    recorded_before(timezone.now() - dt.timedelta(days=1))

    body = consumer_client.get(
        f"/api/v1/claims/{arms_claim.slug}/history/", {"as_of": "2020-01-01T00:00:00Z"}
    ).json()

    assert body["lanes"] == []
