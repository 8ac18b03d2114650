"""?as_of= shows the claim and the sources as they were then, rows deleted since included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import Stance
from sources.models import Article, Source
from tests.api.history_json import reports
from tests.api.recorded import recorded_before
from tests.factories import ArticleFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def then(arms_claim) -> str:
    """A moment after the demo was recorded and before the edits each test makes."""
    yesterday = timezone.now() - dt.timedelta(days=1)
    recorded_before(yesterday)
    return (yesterday + dt.timedelta(hours=1)).isoformat()


def history(client, claim, **params) -> dict:
    response = client.get(f"/api/v1/claims/{claim.slug}/history/", params)
    assert response.status_code == 200, response.content
    return response.json()


def lane_names(body: dict) -> list[str]:
    return sorted(lane["source"]["name"] for lane in body["lanes"])


def test_a_renamed_source_shows_its_old_name_as_of_before_the_rename(
    arms_claim, then, consumer_client
):
    russia = Source.objects.get(slug="russia")
    russia.name = "Russian Federation"
    russia.save()

    before = history(consumer_client, arms_claim, as_of=then)
    now = history(consumer_client, arms_claim)

    assert "Russia" in lane_names(before) and "Russian Federation" not in lane_names(before)
    assert "Russian Federation" in lane_names(now)


def test_a_source_moved_to_another_parent_sits_in_its_old_lane_as_of_before(
    arms_claim, then, consumer_client
):
    Source.objects.filter(name="Sergei Shoigu").update(parent=None)

    before = history(consumer_client, arms_claim, as_of=then)
    now = history(consumer_client, arms_claim)

    assert "Sergei Shoigu" not in lane_names(before)
    assert "Sergei Shoigu" in lane_names(now)


def test_an_edited_claim_shows_its_old_text_and_verdict_as_of_before_the_edit(
    arms_claim, then, consumer_client
):
    old_text, old_verdict = arms_claim.text, arms_claim.verdict
    arms_claim.text = "North Korea ships shells to Russia"
    arms_claim.verdict = "true" if old_verdict != "true" else "mixed"
    arms_claim.save()

    before = history(consumer_client, arms_claim, as_of=then)["claim"]
    now = history(consumer_client, arms_claim)["claim"]

    assert (before["text"], before["verdict"]) == (old_text, old_verdict)
    assert (now["text"], now["verdict"]) == (arms_claim.text, arms_claim.verdict)


def test_a_stance_whose_source_and_article_were_deleted_since_still_shows_as_it_was(
    arms_claim, consumer_client
):
    gone = SourceFactory(name="A Ministry Since Dissolved", slug="dissolved-ministry")
    stance = StanceFactory(claim=arms_claim, source=gone, article=ArticleFactory())
    article_id = stance.article_id
    yesterday = timezone.now() - dt.timedelta(days=1)
    recorded_before(yesterday)

    Stance.objects.filter(pk=stance.pk).delete()
    Article.objects.filter(pk=article_id).delete()
    gone.delete()
    body = history(consumer_client, arms_claim, as_of=(yesterday + dt.timedelta(hours=1)))

    [shown] = [s for lane in body["lanes"] for s in reports(lane) if s["id"] == stance.pk]
    assert shown["speaker"]["name"] == "A Ministry Since Dissolved"
    assert shown["article"]["id"] == article_id
    assert "A Ministry Since Dissolved" not in lane_names(history(consumer_client, arms_claim))
