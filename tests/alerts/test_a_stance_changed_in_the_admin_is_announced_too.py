"""The admin's stance page, its delete, and the claim page's stance rows write events as the
review queue does: every way a stance changes goes through the review service."""

import datetime as dt

import pytest
from django.urls import reverse

from alerts.models import Event
from tests.foundation.admin_forms import claim_form, stance_form

pytestmark = pytest.mark.django_db

EARLIER, LATER = dt.date(2024, 10, 1), dt.date(2025, 4, 28)


def test_confirming_on_the_stance_page_records_the_reversal(client, editor, world):
    world.stance(world.north_korea, "denies", EARLIER)
    waiting = world.stance(world.north_korea, "asserts", LATER, status="suggested")
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_stance_change", args=[waiting.pk]),
        stance_form(waiting, status="confirmed"),
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.cause, event.change, event.stance_id) == ("confirmed", "reversal", waiting.pk)


def test_deleting_the_latest_statement_in_the_admin_records_the_move_back(client, editor, world):
    world.stance(world.north_korea, "denies", EARLIER)
    latest = world.stance(world.north_korea, "asserts", LATER)
    client.force_login(editor)

    response = client.post(reverse("admin:claims_stance_delete", args=[latest.pk]), {"post": "yes"})

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.cause, event.position_before, event.position_after) == (
        "deleted",
        "asserts",
        "denies",
    )


def test_changing_a_position_in_the_claims_stance_rows_records_it(client, editor, world):
    world.stance(world.north_korea, "denies", EARLIER)
    latest = world.stance(world.north_korea, "denies", LATER)
    client.force_login(editor)
    data = claim_form(world.claim)
    index = list(world.claim.stances.order_by("stated_on", "id")).index(latest)
    data[f"stances-{index}-position"] = "hedges"

    response = client.post(reverse("admin:claims_claim_change", args=[world.claim.pk]), data)

    assert response.status_code == 302, response.context["errors"]
    event = Event.objects.get()
    assert (event.cause, event.change, event.position_after) == ("edited", "softening", "hedges")
