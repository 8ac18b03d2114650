from __future__ import annotations

import pytest

from claims.models import Stance
from claims.suggest import article_suggest
from tests.suggest.conftest import article_of

TEXT = "Washington has accused North Korea of supplying ammunition to Russia, though Pyongyang has denied it."


@pytest.mark.django_db
def test_a_copy_of_a_stored_article_gets_no_suggestions(world):
    original = article_of(TEXT, url="https://wire.example/original")
    copy = article_of(
        TEXT + " ", url="https://farm.example/copy", duplicate_of=original, duplicate_kind="exact"
    )
    assert article_suggest(article_id=original.pk) == 2
    assert article_suggest(article_id=copy.pk) == 0
    assert not Stance.objects.filter(article=copy).exists()
