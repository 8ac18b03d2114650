"""The audit history (django-pghistory) records who changed what and when, and the admin shows it."""

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.factories import SourceAliasFactory, SourceFactory, StanceFactory
from tests.foundation.admin_forms import claim_form, stance_form

pytestmark = pytest.mark.django_db


def test_an_admin_edit_of_a_claim_is_recorded_with_the_editor(client, editor):
    claim = StanceFactory().claim
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_form(claim, text="North Korea ships shells to Russia", status="archived"),
    )
    assert response.status_code == 302, response.context and response.context["errors"]

    event = Claim.pgh_event_model.objects.filter(pgh_obj=claim).order_by("pgh_id").last()
    assert event.pgh_label == "update"
    assert event.text == "North Korea ships shells to Russia"
    assert event.pgh_context.metadata["user"] == editor.pk
    assert event.pgh_context.metadata["url"] == f"/admin/claims/claim/{claim.pk}/change/"

    history = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert history.status_code == 200
    [created, changed] = history.context["action_list"]
    assert created.get_change_message() == "Created"
    assert created.user.get_username() == "system"
    assert changed.user == editor
    assert changed.get_change_message().startswith(
        f"Changed status: “active” → “archived”; text: “{claim.text}” → "
        "“North Korea ships shells to Russia”"
    )
    page = history.content.decode()
    assert "editor" in page
    assert "North Korea ships shells to Russia" in page


def test_a_stance_edit_names_the_new_source(client, reviewer):
    stance = StanceFactory(source=SourceFactory(name="Russia"))
    shoigu = SourceFactory(name="Sergei Shoigu")
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_stance_change", args=[stance.pk]),
        stance_form(stance, source=shoigu.pk),
    )
    assert response.status_code == 302
    history = client.get(reverse("admin:claims_stance_history", args=[stance.pk]))
    messages = [entry.get_change_message() for entry in history.context["action_list"]]
    assert "source: “Russia” → “Sergei Shoigu”" in messages[-1]
    assert history.context["action_list"][-1].user == reviewer


def test_a_source_history_includes_its_aliases(client, editor):
    alias = SourceAliasFactory(source=SourceFactory(name="North Korea"), alias="Pyongyang")
    alias.alias = "the DPRK"
    alias.save()
    client.force_login(editor)
    history = client.get(reverse("admin:sources_source_history", args=[alias.source_id]))
    messages = [entry.get_change_message() for entry in history.context["action_list"]]
    assert messages == [
        "Created",
        "Added alias “Pyongyang”",
        "Renamed alias “Pyongyang” → “the DPRK”",
    ]


def test_the_claim_events_list_shows_who_changed_it(client, editor):
    claim = StanceFactory().claim
    client.force_login(editor)
    client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_form(claim, verdict="true"),
    )
    response = client.get(reverse("admin:claims_claimevent_changelist"))
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert [(row.pgh_label, row._username) for row in rows] == [
        ("update", "editor"),
        ("insert", None),
    ]
