"""A body's short name in brackets after its full name stands between the speaker and its
verb without ending the speaker: "the Defence Intelligence Agency (DIA) said"."""

from __future__ import annotations

import pytest
from django.utils.text import slugify

from sources.models import Source, SourceAlias, SourceKind, normalize_alias
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def register(name: str, *aliases: str) -> None:
    source = Source.objects.create(name=name, slug=slugify(name), kind=SourceKind.GROUP)
    for alias in (name, *aliases):
        SourceAlias.objects.create(source=source, alias=alias, normalized=normalize_alias(alias))


def test_a_registered_short_name_in_brackets(newsroom):
    register("Defence Intelligence Agency", "DIA")
    text = "The Defence Intelligence Agency (DIA) said Sudan's army had probably received missiles."

    assert triples(text) == {(CLAIM, "Defence Intelligence Agency", "hedges")}


def test_an_unregistered_short_name_in_brackets(newsroom):
    register("Defence Intelligence Agency")
    text = "The Defence Intelligence Agency (DIA) said Sudan's army had received missiles."

    assert triples(text) == {(CLAIM, "Defence Intelligence Agency", "asserts")}
