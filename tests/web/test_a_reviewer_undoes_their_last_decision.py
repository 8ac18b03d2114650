"""After a confirm or a reject in the queue, the flash message offers Undo: it takes the stance
back to the queue. Only the reviewer who decided may undo, and only their last decision."""

import re

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.services import stance_confirm, stance_reject

pytestmark = pytest.mark.django_db


def waiting() -> list[Stance]:
    return list(Stance.objects.filter(status="suggested").order_by("created_at", "id"))


def decide(client, stance: Stance, action: str, **data):
    return client.post(
        reverse(f"stance-{action}", args=[stance.pk]),
        {"version": stance.version, **data},
        follow=True,
    )


def undo_form(page: str) -> tuple[str, dict]:
    """The Undo form in the flash message: its action and its fields."""
    [form] = re.findall(
        r'<form method="post" action="([^"]+)" class="inline undo-form">(.*?)</form>', page
    )
    fields = dict(re.findall(r'name="(version|next)" value="([^"]*)"', form[1]))
    return form[0], fields


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_the_flash_message_offers_undo_and_it_puts_the_stance_back_in_the_queue(
    client_for, reviewer, arms_claim, action
):
    client = client_for(reviewer)
    stance = waiting()[0]
    page = decide(client, stance, action, reason="wrong speaker").content.decode()
    decided = Stance.objects.get(pk=stance.pk)

    url, fields = undo_form(page)
    assert url == reverse("stance-undo", args=[stance.pk])
    assert fields == {"version": str(decided.version), "next": reverse("review-queue")}

    after = client.post(url, fields, follow=True).content.decode()

    stance.refresh_from_db()
    assert (stance.status, stance.reviewed_by, stance.reviewed_at, stance.reject_reason) == (
        "suggested",
        None,
        None,
        "",
    )
    assert stance.version == decided.version + 1
    assert "waits for review again." in after
    assert f'id="review-{stance.pk}"' in after
    assert "undo-form" not in after  # an undo is not itself undone from here


def test_the_undo_is_offered_only_in_the_message_that_follows_the_decision(
    client_for, reviewer, arms_claim
):
    client = client_for(reviewer)
    decide(client, waiting()[0], "confirm")

    assert "undo-form" not in client.get(reverse("review-queue")).content.decode()


def test_another_reviewer_cannot_undo_the_decision(
    client_for, reviewer, second_reviewer, arms_claim
):
    stance = waiting()[0]
    page = decide(client_for(reviewer), stance, "reject").content.decode()
    url, fields = undo_form(page)

    after = client_for(second_reviewer).post(url, fields, follow=True).content.decode()

    assert "Not undone" in after
    assert "Only reviewer, who decided on this stance, can undo that decision." in after
    stance.refresh_from_db()
    assert (stance.status, stance.reviewed_by) == ("rejected", reviewer)


def test_only_the_last_decision_can_be_undone(client_for, reviewer, arms_claim):
    client = client_for(reviewer)
    first, second = waiting()[:2]
    url, fields = undo_form(decide(client, first, "confirm").content.decode())
    decide(client, second, "reject")

    after = client.post(url, fields, follow=True).content.decode()

    assert "You can only undo your last decision" in after
    first.refresh_from_db()
    assert first.status == "confirmed"


def test_a_last_decision_overturned_by_another_reviewer_leaves_nothing_older_to_undo(
    client_for, reviewer, second_reviewer, arms_claim
):
    first, second = waiting()[:2]
    stance_confirm(stance=first, reviewer=reviewer)
    second = stance_confirm(stance=second, reviewer=reviewer)
    stance_reject(stance=second, reviewer=second_reviewer)  # reverses the reviewer's latest
    first.refresh_from_db()

    after = client_for(reviewer).post(
        reverse("stance-undo", args=[first.pk]), {"version": first.version}, follow=True
    )

    assert "You can only undo your last decision" in after.content.decode()
    first.refresh_from_db()
    assert first.status == "confirmed"


def test_an_undo_after_someone_changed_the_stance_is_refused_as_stale(
    client_for, reviewer, second_reviewer, arms_claim
):
    stance = waiting()[0]
    url, fields = undo_form(decide(client_for(reviewer), stance, "confirm").content.decode())
    Stance.objects.filter(pk=stance.pk).update(version=stance.version + 5, note="edited meanwhile")

    after = client_for(reviewer).post(url, fields, follow=True).content.decode()

    assert "Not undone" in after and "since you opened it" in after
    stance.refresh_from_db()
    assert stance.status == "confirmed"


def test_a_stance_still_waiting_has_nothing_to_undo(client_for, reviewer, arms_claim):
    stance = waiting()[0]
    after = client_for(reviewer).post(
        reverse("stance-undo", args=[stance.pk]), {"version": stance.version}, follow=True
    )

    assert "there is no decision to undo" in after.content.decode()


@pytest.mark.parametrize("role", ["api_consumer", "no_role_user"])
def test_readers_without_a_reviewing_role_cannot_undo(
    role, request, client_for, reviewer, arms_claim
):
    stance = stance_confirm(stance=waiting()[0], reviewer=reviewer)

    response = client_for(request.getfixturevalue(role)).post(
        reverse("stance-undo", args=[stance.pk]), {"version": stance.version}
    )

    assert response.status_code == 403
    stance.refresh_from_db()
    assert stance.status == "confirmed"
