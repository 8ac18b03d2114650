"""The real-news families (bench/realnews/) are well formed: labels name their family's
claims and actors and a real position, items can be fetched again by query and URL, and
no article text is committed (the excerpts are other people's writing)."""

from __future__ import annotations

import re

import pytest

from claims.models import Position
from tests.suggest.realnews import families

SPLITS = {"dev", "heldout", "fresh"}
# Kept for an independent check: no family on these subjects (bench/realnews/README.md).
RESERVED = re.compile(r"north.korea|pyongyang|shahed|iran.*drone|covid|lab.leak|wuhan", re.I)


@pytest.mark.parametrize("family", families(), ids=lambda f: f["family"])
def test_each_family_holds_together(family):
    assert family["split"] in SPLITS
    assert not RESERVED.search(family["family"]), family["family"]
    slugs = {claim["slug"] for claim in family["claims"]}
    actors = {actor["name"] for actor in family["actors"]}
    assert slugs and actors
    for claim in family["claims"]:
        assert claim["text"] and claim["search_terms"], claim
    ids = [item["id"] for item in family["items"]]
    assert len(ids) == len(set(ids)), "item ids repeat"
    for item in family["items"]:
        assert set(item) <= {"id", "query", "url", "date", "date_inferred", "labels", "note"}, item[
            "id"
        ]
        assert item["query"].strip() and item["url"].startswith("http"), item["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["date"]), item["id"]
        for slug, actor, position in item["labels"]:
            assert slug in slugs and actor in actors, (item["id"], slug, actor)
            assert position in Position.values, (item["id"], position)


def test_there_are_enough_real_labels_in_every_position():
    labels = [
        label[2]
        for family in families()
        if family["split"] in {"dev", "heldout"}
        for item in family["items"]
        for label in item["labels"]
    ]
    assert len(labels) >= 300
    assert set(labels) == set(Position.values)
