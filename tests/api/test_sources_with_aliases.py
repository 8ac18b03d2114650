"""Sources come with their aliases; editors register sources and their aliases."""

from __future__ import annotations

import pytest

from sources.models import Source

pytestmark = pytest.mark.django_db


def test_a_source_lists_its_aliases_and_parent(demo, consumer_client):
    by_slug = consumer_client.get("/api/v1/sources/john-kirby/").json()
    us = consumer_client.get("/api/v1/sources/united-states/").json()

    assert by_slug["parent_slug"] == "united-states"
    assert {"Washington", "the White House", "the Biden administration"} <= set(us["aliases"])


def test_sources_are_found_by_alias(demo, consumer_client):
    results = consumer_client.get("/api/v1/sources/", {"q": "The Kremlin"}).json()["results"]

    assert [s["name"] for s in results] == ["Russia"]


def test_an_editor_registers_a_source_with_aliases(editor_client):
    response = editor_client.post(
        "/api/v1/sources/",
        {"name": "Ukraine", "kind": "government", "aliases": ["Kyiv", "Kiev"]},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["slug"] == "ukraine"
    assert sorted(response.json()["aliases"]) == ["Kiev", "Kyiv"]
    assert Source.objects.get(slug="ukraine").aliases.count() == 2


def test_an_alias_of_another_source_is_refused(demo, editor_client):
    response = editor_client.post(
        "/api/v1/sources/",
        {"name": "Pyongyang Times", "kind": "outlet", "aliases": ["pyongyang"]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"aliases": ["'pyongyang' is already an alias of North Korea."]}


def test_a_patch_replaces_the_aliases(demo, editor_client):
    response = editor_client.patch(
        "/api/v1/sources/russia/", {"aliases": ["Moscow", "the Kremlin", "RF"]}, format="json"
    )

    assert response.status_code == 200
    assert sorted(response.json()["aliases"]) == ["Moscow", "RF", "the Kremlin"]


def test_a_source_cannot_speak_for_its_own_child(demo, editor_client):
    response = editor_client.patch(
        "/api/v1/sources/united-states/", {"parent": "john-kirby"}, format="json"
    )

    assert response.status_code == 400
    assert "parent" in response.json()


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        (["Kyiv", "kyiv."], "'kyiv.' and 'Kyiv' are the same alias."),
        (["Kyiv", "—"], "'—' has no letter or digit, so it cannot name a source."),
    ],
)
def test_a_list_of_aliases_that_repeats_itself_or_names_nothing_is_refused(
    editor_client, aliases, message
):
    response = editor_client.post(
        "/api/v1/sources/",
        {"name": "Ukraine", "kind": "government", "aliases": aliases},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"aliases": [message]}
    assert not Source.objects.filter(name="Ukraine").exists()
