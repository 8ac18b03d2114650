"""Editors find a source by its name or any alias, however it is written, in the list and in autocomplete."""

import pytest
from django.urls import reverse

from tests.factories import SourceAliasFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    united_states = SourceFactory(name="United States")
    SourceAliasFactory(source=united_states, alias="the White House")
    north_korea = SourceFactory(name="North Korea")
    SourceAliasFactory(source=north_korea, alias="Pyongyang")
    return united_states, north_korea


def test_the_source_list_finds_an_alias_written_another_way(client, editor, sources):
    client.force_login(editor)
    found = client.get(reverse("admin:sources_source_changelist"), {"q": "The White-House"})
    assert [s.name for s in found.context["cl"].result_list] == ["United States"]


def test_source_autocomplete_on_a_stance_finds_a_source_by_alias(client, editor, sources):
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "stance", "field_name": "source", "term": "pyong"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["North Korea"]


def test_parent_autocomplete_lists_sources_by_name(client, editor, sources):
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "sources", "model_name": "source", "field_name": "parent", "term": ""},
    )
    assert [r["text"] for r in response.json()["results"]] == ["North Korea", "United States"]
