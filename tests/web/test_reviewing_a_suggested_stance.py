"""The review queue: oldest first, confirm / reject / edit with the version the reviewer loaded."""

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.timeline import claim_timeline
from sources.models import Source

pytestmark = pytest.mark.django_db


def suggested() -> list[Stance]:
    return list(Stance.objects.filter(status="suggested").order_by("created_at", "id"))


def test_the_queue_lists_suggestions_oldest_first_with_passage_and_evidence(
    client_for, reviewer, arms_claim
):
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    ids = [s.pk for s in suggested()]
    positions = [page.index(f'id="review-{pk}"') for pk in ids]
    assert positions == sorted(positions)
    assert "3 suggested stances waiting" in page
    kirby = Stance.objects.get(source__name="John Kirby")
    assert "<mark>But the fact that he’s reaching out to North Korea" in page
    assert "“could be”" in page and "“Kirby”" in page
    assert f'name="version" value="{kirby.version}"' in page


def test_confirming_puts_the_stance_on_the_timeline(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    response = client_for(reviewer).post(
        reverse("stance-confirm", args=[kirby.pk]), {"version": kirby.version}, follow=True
    )
    assert "Confirmed: John Kirby hedges" in response.content.decode()
    kirby.refresh_from_db()
    assert (kirby.status, kirby.reviewed_by, kirby.version) == ("confirmed", reviewer, 2)
    us = next(
        ln for ln in claim_timeline(claim=arms_claim).lanes if ln.source.name == "United States"
    )
    assert kirby.pk in {s.id for s in us.stances}


def test_a_second_reviewers_stale_confirm_is_refused_with_a_clear_message(
    client_for, reviewer, second_reviewer, arms_claim
):
    kirby = Stance.objects.get(source__name="John Kirby")
    loaded = kirby.version  # both reviewers opened the queue at this version
    first = client_for(reviewer).post(
        reverse("stance-reject", args=[kirby.pk]), {"version": loaded}
    )
    assert first.status_code == 302
    second = client_for(second_reviewer).post(
        reverse("stance-confirm", args=[kirby.pk]), {"version": loaded}, follow=True
    )
    text = second.content.decode()
    assert "Not confirmed: John Kirby hedges on" in text
    assert "This stance was changed by reviewer since you opened it" in text
    assert "(it is now rejected)" in text
    kirby.refresh_from_db()
    assert (kirby.status, kirby.reviewed_by) == ("rejected", reviewer)


def test_an_action_without_the_loaded_version_is_refused(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    response = client_for(reviewer).post(reverse("stance-confirm", args=[kirby.pk]), follow=True)
    assert "missing the stance version" in response.content.decode()
    kirby.refresh_from_db()
    assert kirby.status == "suggested"


def test_rejecting_keeps_the_reviewers_note(client_for, reviewer, arms_claim):
    analysts = suggested()[1]
    client_for(reviewer).post(
        reverse("stance-reject", args=[analysts.pk]),
        {"version": analysts.version, "note": "Analysts are not a party."},
    )
    analysts.refresh_from_db()
    assert (analysts.status, analysts.note) == ("rejected", "Analysts are not a party.")


def test_editing_a_suggestion_corrects_and_confirms_it(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    form = client_for(reviewer).get(reverse("stance-edit", args=[kirby.pk])).content.decode()
    assert f'name="version" value="{kirby.version}"' in form
    assert 'value="John Kirby"' in form
    response = client_for(reviewer).post(
        reverse("stance-edit", args=[kirby.pk]),
        {
            "version": kirby.version,
            "source": "the White House",  # an alias of the United States
            "position": "asserts",
            "stated_on": "2023-07-26",
            "stated_on_precision": "day",
            "attributed_via": "Kirby said",
            "note": "",
        },
    )
    assert response.status_code == 302
    kirby.refresh_from_db()
    assert (kirby.source.name, kirby.position, kirby.status, kirby.attributed_via) == (
        "United States",
        "asserts",
        "confirmed",
        "Kirby said",
    )


def test_a_stale_edit_keeps_what_the_reviewer_typed_and_says_what_changed(
    client_for, reviewer, second_reviewer, arms_claim
):
    kirby = Stance.objects.get(source__name="John Kirby")
    loaded = kirby.version
    client_for(reviewer).post(reverse("stance-confirm", args=[kirby.pk]), {"version": loaded})
    response = client_for(second_reviewer).post(
        reverse("stance-edit", args=[kirby.pk]),
        {
            "version": loaded,
            "source": "John Kirby",
            "position": "no_comment",
            "stated_on": "2023-07-26",
            "stated_on_precision": "day",
            "note": "typed by the second reviewer",
        },
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "Not saved." in text and "changed by reviewer" in text
    assert "typed by the second reviewer" in text
    assert f'name="version" value="{loaded + 1}"' in text
    kirby.refresh_from_db()
    assert (kirby.position, kirby.reviewed_by) == ("hedges", reviewer)


def test_an_edit_naming_an_unknown_source_suggests_close_ones(client_for, reviewer, arms_claim):
    kirby = Stance.objects.get(source__name="John Kirby")
    response = client_for(reviewer).post(
        reverse("stance-edit", args=[kirby.pk]),
        {
            "version": kirby.version,
            "source": "Pyongyan",
            "position": "denies",
            "stated_on": "2023-07-26",
            "stated_on_precision": "day",
        },
    )
    assert response.status_code == 400
    assert "No source is called “Pyongyan”. Did you mean North Korea" in response.content.decode()
    kirby.refresh_from_db()
    assert kirby.status == "suggested"


def test_clearing_reported_through_in_an_edit_clears_the_relaying_source(
    client_for, reviewer, arms_claim
):
    kirby = Stance.objects.get(source__name="John Kirby")
    kcna = Source.objects.get(name="KCNA")
    Stance.objects.filter(pk=kirby.pk).update(
        attributed_via="KCNA said", attributed_via_source=kcna
    )
    response = client_for(reviewer).post(
        reverse("stance-edit", args=[kirby.pk]),
        {
            "version": kirby.version,
            "source": "John Kirby",
            "position": "hedges",
            "stated_on": "2023-07-26",
            "stated_on_precision": "day",
            "attributed_via": "",
        },
    )
    assert response.status_code == 302
    kirby.refresh_from_db()
    assert (kirby.attributed_via, kirby.attributed_via_source) == ("", None)
