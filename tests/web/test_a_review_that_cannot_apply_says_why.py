"""A review the database refuses (same evidence twice, stance deleted meanwhile) is a clear message, not a 500."""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from claims.models import Stance

pytestmark = pytest.mark.django_db


def edit(stance: Stance, **overrides) -> dict:
    data = {
        "version": stance.version,
        "source": stance.source.name,
        "position": stance.position,
        "stated_on": stance.stated_on.isoformat(),
        "stated_on_precision": stance.stated_on_precision,
        "attributed_via": stance.attributed_via,
        "note": "",
        "next": reverse("review-queue"),
    }
    data.update(overrides)
    return data


@contextmanager
def deleted_just_before_the_update(stance: Stance):
    """Delete the stance on the same connection right before the review's UPDATE runs.

    The view has loaded the stance by then: this is another reviewer deleting it
    in the admin between the page's read and its write.
    """
    done: list[bool] = []

    def wrapper(execute, sql, params, many, context):
        if not done and sql.startswith('UPDATE "claims_stance"'):
            done.append(True)
            Stance.objects.filter(pk=stance.pk).delete()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield
    assert done, "the review never reached its UPDATE"


def test_editing_a_suggestion_into_a_quote_its_new_source_already_has_is_a_form_error(
    client_for, reviewer, arms_claim
):
    # The demo's Russia stance quotes Reuters; a suggestion on the same words moved to Russia
    # would be the same evidence twice.
    russia = Stance.objects.filter(source__name="Russia", status="confirmed").first()
    copy = Stance.objects.create(
        claim=russia.claim,
        source=Stance.objects.get(source__name="John Kirby").source,
        article=russia.article,
        position="denies",
        stated_on=russia.stated_on,
        quote_exact=russia.quote_exact,
        quote_start=russia.quote_start,
        quote_end=russia.quote_end,
    )
    response = client_for(reviewer).post(
        reverse("stance-edit", args=[copy.pk]), edit(copy, source="Russia")
    )
    assert response.status_code == 400
    assert "Russia already has this quote recorded on this claim." in response.content.decode()
    copy.refresh_from_db()
    assert (copy.source.name, copy.status) == ("John Kirby", "suggested")


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_confirming_or_rejecting_a_stance_deleted_meanwhile_says_so(
    client_for, reviewer, arms_claim, action
):
    kirby = Stance.objects.get(source__name="John Kirby")
    with deleted_just_before_the_update(kirby):
        response = client_for(reviewer).post(
            reverse(f"stance-{action}", args=[kirby.pk]), {"version": kirby.version}, follow=True
        )
    assert response.status_code == 200
    text = response.content.decode()
    assert f"Not {action}ed: John Kirby hedges" in text
    assert "Somebody deleted this stance since you opened it" in text


def test_saving_an_edit_of_a_stance_deleted_meanwhile_says_so(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    with deleted_just_before_the_update(kirby):
        response = client_for(reviewer).post(
            reverse("stance-edit", args=[kirby.pk]), edit(kirby, position="denies"), follow=True
        )
    assert response.status_code == 200
    assert "Not saved: John Kirby hedges" in response.content.decode()
    assert not Stance.objects.filter(pk=kirby.pk).exists()


def test_opening_a_deleted_stance_is_a_404(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    Stance.objects.filter(pk=kirby.pk).delete()
    assert client_for(reviewer).get(reverse("stance-edit", args=[kirby.pk])).status_code == 404
