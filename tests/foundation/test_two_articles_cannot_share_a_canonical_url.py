"""One article per canonical URL; pasted texts (no URL) are not held to it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sources.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

URL = "https://apnews.com/article/north-korea-russia-arms"


def test_full_clean_refuses_a_second_article_with_the_same_canonical_url():
    ArticleFactory(url=URL)
    second = ArticleFactory.build(url=URL + "?utm_source=feed", canonical_url=URL)
    second.outlet.save()
    second.outlet_id = second.outlet.pk
    with pytest.raises(ValidationError, match="article_unique_canonical_url"):
        second.full_clean()


def test_the_database_refuses_a_second_article_with_the_same_canonical_url():
    ArticleFactory(url=URL)
    with pytest.raises(IntegrityError, match="article_unique_canonical_url"), transaction.atomic():
        ArticleFactory(url=URL + "?utm_source=feed", canonical_url=URL)
    assert Article.objects.count() == 1


def test_pasted_texts_without_a_url_do_not_clash():
    ArticleFactory(url="", canonical_url=None, origin="paste")
    ArticleFactory(url="", canonical_url=None, origin="paste")
    assert Article.objects.filter(canonical_url__isnull=True).count() == 2
