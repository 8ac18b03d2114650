"""Fixtures of the suggestion tests: the sources and claims of the evaluation set."""

from __future__ import annotations

import datetime as dt

import pytest

from sources.models import Article
from tests.suggest.evaluation import evaluation_load, evaluation_setup
from tests.suggest.newsroom import newsroom_setup, two_doers_setup


@pytest.fixture
def world(db) -> dict:
    """The evaluation set's sources (the demo's, with aliases and parents) and its claims."""
    data = evaluation_load()
    evaluation_setup(data)
    return data


@pytest.fixture
def newsroom(db) -> None:
    """A newsroom's first day: one claim, and countries registered by name and capital."""
    newsroom_setup()


@pytest.fixture
def two_doers(db) -> None:
    """Two rival claims on one event, an Iranian torpedo or a Russian mine (newsroom.py)."""
    two_doers_setup()


def article_of(text: str, *, published_on: dt.date = dt.date(2024, 9, 13), **fields) -> Article:
    return Article.objects.create(
        title=fields.pop("title", "A story"),
        text=text,
        published_on=published_on,
        origin=Article.Origin.PASTE,
        **fields,
    )
