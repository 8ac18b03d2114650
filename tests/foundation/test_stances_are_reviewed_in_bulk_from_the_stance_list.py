"""The stance list's confirm and reject actions go through the review services, stale ones reported."""

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.services import stance_reject
from tests.factories import ArticleFactory, StanceFactory

pytestmark = pytest.mark.django_db


def test_confirm_selected_confirms_each_stance_as_the_reviewer(client, reviewer):
    article = ArticleFactory()
    first = StanceFactory(article=article, status="suggested", reviewed_at=None)
    second = StanceFactory(
        article=article,
        status="suggested",
        reviewed_at=None,
        quote_start=article.text.index("Pyongyang"),
        quote_exact="Pyongyang has denied it.",
    )
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_stance_changelist"),
        {"action": "confirm_selected", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 stances confirmed." in [str(m) for m in response.context["messages"]]
    for stance in Stance.objects.all():
        assert (stance.status, stance.reviewed_by, stance.version) == ("confirmed", reviewer, 2)


def test_reject_selected_rejects_the_stance(client, editor):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    client.force_login(editor)
    client.post(
        reverse("admin:claims_stance_changelist"),
        {"action": "reject_selected", "_selected_action": [stance.pk]},
    )
    stance.refresh_from_db()
    assert (stance.status, stance.reviewed_by) == ("rejected", editor)


def test_a_stance_another_reviewer_rejected_meanwhile_is_skipped_not_confirmed(
    client, reviewer, second_reviewer
):
    article = ArticleFactory()
    waiting = StanceFactory(article=article, status="suggested", reviewed_at=None)
    rejected = StanceFactory(
        article=article,
        status="suggested",
        reviewed_at=None,
        quote_start=article.text.index("Pyongyang"),
        quote_exact="Pyongyang has denied it.",
    )
    # The first reviewer's list still shows both as suggested; the second rejects one now.
    stance_reject(stance=rejected, reviewer=second_reviewer, version=rejected.version)
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_stance_changelist"),
        {"action": "confirm_selected", "_selected_action": [waiting.pk, rejected.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown[0] == "1 stance confirmed."
    assert shown[1] == (
        f"1 stance skipped, no longer waiting for review: {rejected.source} asserts "
        "(2023-07-26) (already rejected by reviewer2)."
    )
    rejected.refresh_from_db()
    assert (rejected.status, rejected.reviewed_by, rejected.version) == (
        "rejected",
        second_reviewer,
        2,
    )
    waiting.refresh_from_db()
    assert (waiting.status, waiting.reviewed_by) == ("confirmed", reviewer)


def test_rejecting_in_bulk_leaves_a_confirmed_stance_confirmed(client, editor):
    stance = StanceFactory()  # confirmed
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_stance_changelist"),
        {"action": "reject_selected", "_selected_action": [stance.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown[0] == "0 stances rejected."
    assert "1 stance skipped, no longer waiting for review" in shown[1]
    assert "(already confirmed)" in shown[1]
    stance.refresh_from_db()
    assert stance.status == "confirmed"
