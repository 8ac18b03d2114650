"""A stance deleted by someone else between loading it and reviewing it answers 404, not 500."""

from __future__ import annotations

import pytest

from claims.api.views import StanceViewSet
from claims.models import Stance

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_a_stance_deleted_after_it_was_loaded_answers_404(
    action, arms_claim, reviewer_client, monkeypatch
):
    kirby = Stance.objects.get(claim=arms_claim, source__name="John Kirby", status="suggested")
    load = StanceViewSet.get_object

    def load_then_lose(view: StanceViewSet) -> Stance:
        stance = load(view)
        # Another editor deletes it while this request is on its way to the review.
        Stance.objects.filter(pk=stance.pk).delete()
        return stance

    monkeypatch.setattr(StanceViewSet, "get_object", load_then_lose)

    response = reviewer_client.post(
        f"/api/v1/stances/{kirby.pk}/{action}/", {"version": kirby.version}, format="json"
    )

    assert response.status_code == 404
    assert "deleted" in response.json()["detail"]
