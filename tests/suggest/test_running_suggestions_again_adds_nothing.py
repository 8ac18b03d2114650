from __future__ import annotations

import pytest

from claims.models import Stance
from claims.suggest import article_suggest
from tests.suggest.conftest import article_of

TEXT = (
    "The visit took place at a critical juncture in the war in Ukraine, for which the United "
    "States says North Korea has supplied ammunition and ballistic missiles to Russia.\n\n"
    "Moscow and Pyongyang have denied arms transfers but have vowed to boost military ties."
)


@pytest.mark.django_db
def test_running_suggestions_again_adds_nothing(world):
    article = article_of(TEXT)
    first = article_suggest(article_id=article.pk)
    assert first == 3
    assert article_suggest(article_id=article.pk) == 0
    assert Stance.objects.filter(article=article).count() == 3


@pytest.mark.django_db
def test_a_rejected_suggestion_is_not_proposed_again(world, reviewer):
    from claims.services import stance_reject

    article = article_of(TEXT)
    article_suggest(article_id=article.pk)
    stance = Stance.objects.filter(article=article, source__name="Russia").get()
    stance_reject(stance=stance, reviewer=reviewer)
    assert article_suggest(article_id=article.pk) == 0


@pytest.mark.django_db
def test_an_article_that_is_gone_gets_nothing_and_no_error(world):
    assert article_suggest(article_id=987654) == 0
