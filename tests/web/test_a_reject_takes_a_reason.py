"""A reviewer rejecting a suggestion says why: one of the usual reasons or their own words. The
reason is stored on the stance, shown in its audit history, and dropped when it is confirmed."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.models import RejectReason, Stance
from claims.services import stance_confirm, stance_reject
from tests.factories import StanceFactory
from tests.foundation.admin_forms import stance_form

pytestmark = pytest.mark.django_db

REASONS = ["not about this claim", "wrong speaker", "wrong position", "not a statement"]


def kirby() -> Stance:
    return Stance.objects.get(source__name="John Kirby")


def reject(client, stance: Stance, **data):
    return client.post(
        reverse("stance-reject", args=[stance.pk]), {"version": stance.version, **data}, follow=True
    )


def test_the_queue_offers_the_usual_reasons_and_a_field_for_ones_own(
    client_for, reviewer, arms_claim
):
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    stance = kirby()

    assert [r.value for r in RejectReason] == REASONS
    assert f'<select name="reason" id="reason-{stance.pk}">' in page
    for reason in REASONS:
        assert f'<option value="{reason}">{reason.capitalize()}</option>' in page
    assert f'name="reason_text" id="reason-text-{stance.pk}"' in page


@pytest.mark.parametrize(
    ("data", "stored"),
    [
        ({"reason": "wrong speaker"}, "wrong speaker"),
        (
            {"reason": "other", "reason_text": "  The quote is  from 2019. "},
            "The quote is from 2019.",
        ),
        ({"reason": "", "reason_text": "Duplicate of a wire copy"}, "Duplicate of a wire copy"),
        (
            {"reason": "wrong speaker", "reason_text": "it was the deputy minister"},
            "wrong speaker: it was the deputy minister",
        ),
        ({}, ""),
    ],
)
def test_the_reason_is_stored_on_the_rejected_stance(
    client_for, reviewer, arms_claim, data, stored
):
    response = reject(client_for(reviewer), kirby(), **data)

    stance = kirby()
    assert (stance.status, stance.reject_reason) == ("rejected", stored)
    shown = f" ({stored})" if stored else ""
    assert f"Rejected: John Kirby hedges on “{arms_claim.text}”{shown}." in (
        response.content.decode()
    )


def test_other_without_words_is_not_a_reason(client_for, reviewer, arms_claim):
    response = reject(client_for(reviewer), kirby(), reason="other", reason_text=" ")

    assert "Say in a few words why you reject it." in response.content.decode()
    assert kirby().status == "suggested"


def test_an_unknown_reason_code_is_refused(client_for, reviewer, arms_claim):
    response = reject(client_for(reviewer), kirby(), reason="because")

    assert "Not rejected" in response.content.decode()
    assert kirby().status == "suggested"


def test_the_audit_history_shows_the_reason(client_for, reviewer, editor, arms_claim):
    stance = kirby()
    reject(client_for(reviewer), stance, reason="not a statement")

    history = client_for(editor).get(reverse("admin:claims_stance_history", args=[stance.pk]))

    last = history.context["action_list"][-1]
    assert last.user == reviewer
    assert "reject reason: (empty) → “not a statement”" in last.get_change_message()
    assert "status: “suggested” → “rejected”" in last.get_change_message()
    assert "not a statement" in history.content.decode()


def test_confirming_a_rejected_stance_drops_its_reason(reviewer):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    stance = stance_reject(stance=stance, reviewer=reviewer, reason="wrong position")
    assert stance.reject_reason == "wrong position"

    stance = stance_confirm(stance=stance, reviewer=reviewer)

    assert (stance.status, stance.reject_reason) == ("confirmed", "")


def test_the_database_keeps_a_reason_only_on_a_rejected_stance():
    stance = StanceFactory(status="confirmed", reviewed_at=dt.datetime.now(dt.UTC))

    with (
        pytest.raises(IntegrityError, match="stance_reject_reason_only_when_rejected"),
        transaction.atomic(),
    ):
        Stance.objects.filter(pk=stance.pk).update(reject_reason="wrong speaker")


def test_the_admin_shows_the_reason_and_drops_it_when_a_stance_is_confirmed(
    client_for, reviewer, editor
):
    stance = stance_reject(
        stance=StanceFactory(status="suggested", reviewed_at=None),
        reviewer=reviewer,
        reason="wrong speaker",
    )
    client = client_for(editor)
    url = reverse("admin:claims_stance_change", args=[stance.pk])

    page = client.get(url).content.decode()
    response = client.post(
        url, stance_form(stance, status="confirmed", reject_reason="wrong speaker")
    )

    assert 'name="reject_reason"' in page and 'value="wrong speaker"' in page
    assert response.status_code == 302, response.context and response.context["errors"]
    stance.refresh_from_db()
    assert (stance.status, stance.reject_reason) == ("confirmed", "")
