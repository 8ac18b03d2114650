"""The stance list's confirm and reject actions go through the review services, stale ones reported."""

import pytest
from django.urls import reverse

from claims.models import Stance
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
