"""A body named after its verb, with its short name and where it said so, still speaks, as
does its document on a topic; a classification it refuses is a denial, not a doubt."""

from __future__ import annotations

import pytest
from django.utils.text import slugify

from sources.models import Source, SourceAlias, SourceKind, normalize_alias
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def _register(name: str, *aliases: str) -> None:
    source = Source.objects.create(name=name, slug=slugify(name), kind=SourceKind.GROUP)
    for alias in (name, *aliases):
        SourceAlias.objects.create(source=source, alias=alias, normalized=normalize_alias(alias))


@pytest.mark.parametrize(
    "text",
    [
        "Sudan's army received no missiles, says Washington in a report out on Friday.",
        "Sudan's army received no missiles, says the Arms Survey Office (ASO) in its annual "
        "review of the region's arsenals.",
    ],
)
def test_a_speaker_after_its_verb_may_say_where_it_said_so(newsroom, text):
    _register("Arms Survey Office", "ASO")
    actor = "United States" if "Washington" in text else "Arms Survey Office"

    assert triples(text) == {(CLAIM, actor, "denies")}


def test_a_classification_refused_is_a_denial(newsroom):
    _register("Arms Survey Office", "ASO")
    text = (
        "Sudan's army cannot be classified as a buyer of missiles, says the Arms Survey "
        "Office. The office met in May. In its earlier report it also did not classify "
        "Sudan's army as a buyer of missiles."
    )

    assert triples(text) == {(CLAIM, "Arms Survey Office", "denies")}


def test_a_bodys_document_about_a_topic_speaks_for_the_body(newsroom):
    _register("Arms Survey Office", "ASO")
    text = (
        "An Arms Survey Office draft analysis of the region's arsenals says Sudan's army "
        "received no missiles, a trade newsletter said Tuesday."
    )

    assert triples(text) == {(CLAIM, "Arms Survey Office", "denies")}


def test_a_parent_named_in_apposition_does_not_take_the_subjects_place(newsroom):
    _register("Arms Survey Office", "ASO")
    text = (
        "The Arms Survey Office, an agency of Washington, classified "
        "Sudan's army as a probable buyer of missiles."
    )

    assert triples(text) == {(CLAIM, "Arms Survey Office", "hedges")}
