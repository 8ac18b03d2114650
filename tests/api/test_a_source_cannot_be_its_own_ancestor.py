"""A source cannot speak for itself, directly or through its speakers (admin and API alike)."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def test_a_source_under_its_own_speaker_is_refused():
    top = SourceFactory(name="United States")
    middle = SourceFactory(name="State Department", parent=top)
    leaf = SourceFactory(name="Matthew Miller", parent=middle)
    top.parent = leaf
    with pytest.raises(ValidationError) as caught:
        top.full_clean()
    assert caught.value.message_dict["parent"] == ["A source cannot be its own ancestor."]


def test_a_source_under_another_tree_is_fine():
    top = SourceFactory(name="United States")
    other = SourceFactory(name="NATO")
    top.parent = other
    top.full_clean()
    assert not top.would_be_own_ancestor(other)


def test_the_api_refuses_a_parent_below_the_source(editor_client):
    top = SourceFactory(name="United States", slug="united-states")
    SourceFactory(name="John Kirby", slug="john-kirby", parent=top)
    response = editor_client.patch(
        "/api/v1/sources/united-states/", {"parent": "john-kirby"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"parent": ["A source cannot speak for itself."]}
