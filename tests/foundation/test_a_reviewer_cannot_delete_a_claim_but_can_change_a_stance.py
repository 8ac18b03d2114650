"""Reviewers see what their group allows: they change stances, they do not delete (or edit) claims."""

import pytest
from django.urls import reverse

from claims.models import Claim, Stance
from tests.factories import StanceFactory
from tests.foundation.admin_forms import claim_form, stance_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def stance() -> Stance:
    return StanceFactory(status="suggested", reviewed_at=None)


def test_the_delete_page_of_a_claim_is_forbidden_to_a_reviewer(client, reviewer, stance):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_delete", args=[stance.claim_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=stance.claim_id).exists()


def test_the_bulk_delete_action_is_not_offered_to_a_reviewer(client, reviewer, stance):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 200
    # Reviewers have no action on claims at all, so the admin shows no action form.
    assert response.context["action_form"] is None
    client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "delete_selected", "_selected_action": [stance.claim_id], "post": "yes"},
    )
    assert Claim.objects.filter(pk=stance.claim_id).exists()


def test_a_reviewer_sees_a_claim_but_cannot_save_it(client, reviewer, stance):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[stance.claim_id])
    assert client.get(url).status_code == 200
    response = client.post(url, claim_form(stance.claim, text="Rewritten by a reviewer"))
    assert response.status_code == 403
    assert Claim.objects.get(pk=stance.claim_id).text != "Rewritten by a reviewer"


def test_a_reviewer_confirms_a_stance_in_the_admin(client, reviewer, stance):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_stance_change", args=[stance.pk]),
        stance_form(stance, status="confirmed", position="hedges"),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    stance.refresh_from_db()
    assert (stance.status, stance.position) == ("confirmed", "hedges")
    assert stance.reviewed_by == reviewer
    assert stance.reviewed_at is not None
    assert stance.version == 2


def test_an_editor_may_delete_a_claim(client, editor, stance):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_claim_delete", args=[stance.claim_id]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=stance.claim_id).exists()


def test_a_reviewer_sees_the_stances_of_a_claim_read_only(client, reviewer, stance):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_change", args=[stance.claim_id]))
    [inline] = response.context["inline_admin_formsets"]
    assert not (inline.has_add_permission or inline.has_change_permission)
    assert inline.has_view_permission
