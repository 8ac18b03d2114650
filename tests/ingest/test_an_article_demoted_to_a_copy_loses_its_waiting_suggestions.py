"""An older original arrives after its copy: the copy's unreviewed suggestions go, reviewed ones stay."""

import datetime as dt

import pytest

from claims.models import Stance
from claims.receivers import article_suggestions_queue
from claims.services import stance_confirm, stance_reject
from claims.suggest import article_suggest
from sources.ingest import ArticleDraft, article_store
from tests.suggest.evaluation import evaluation_load, evaluation_setup

pytestmark = pytest.mark.django_db

TEXT = (
    "Washington has accused North Korea of supplying ammunition to Russia, though Pyongyang "
    "has denied it. The White House said the shipments continued through the autumn, while "
    "Moscow declined to comment on the report. Officials in Seoul said they were watching "
    "the border closely and would share what they learned with their allies in the region."
)


def store(url: str, published_on: dt.date):
    article, created = article_store(
        draft=ArticleDraft(
            url=url, canonical_url=url, title="Ammunition", text=TEXT, published_on=published_on
        )
    )
    assert created
    return article


def test_the_demoted_copy_keeps_only_its_reviewed_stances(
    reviewer, django_capture_on_commit_callbacks
):
    evaluation_setup(evaluation_load())  # the sources and claims the suggester knows
    copy = store("https://farm.example/ammunition", dt.date(2024, 9, 20))
    assert article_suggest(article_id=copy.pk) >= 3
    first, second, *waiting = Stance.objects.filter(article=copy).order_by("quote_start", "pk")
    confirmed = stance_confirm(stance=first, reviewer=reviewer)
    rejected = stance_reject(stance=second, reviewer=reviewer)

    with django_capture_on_commit_callbacks() as queued:
        original = store("https://wire.example/ammunition", dt.date(2024, 9, 13))

    copy.refresh_from_db()
    assert copy.duplicate_of == original
    assert set(Stance.objects.filter(article=copy)) == {confirmed, rejected}
    assert not Stance.objects.filter(pk__in=[s.pk for s in waiting]).exists()
    # The new original is queued for its own set of suggestions, and only it.
    assert [(c.func, c.args) for c in queued] == [(article_suggestions_queue, (original.pk,))]
