"""Migration sources 0005 gives every stored article a MinHash signature (the demo's had none,
so dedupe could not see them), and makes again one made with other parameters."""

import importlib

import pytest
from django.apps import apps

from sources import dedupe
from sources.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("sources.migrations.0005_article_signatures_for_every_article")


def test_articles_without_a_signature_or_with_a_stale_one_are_signed():
    unsigned = ArticleFactory()
    stale = ArticleFactory(minhash={"shingle_words": 5, "num_perm": 64, "hashvalues": [1, 2]})
    signed = ArticleFactory()
    kept = dedupe.signature_to_json(dedupe.signature("another text entirely, kept as it was"))
    Article.objects.filter(pk=signed.pk).update(minhash=kept)

    migration.sign_articles(apps, None)

    expected = dedupe.signature_to_json(dedupe.signature(unsigned.text))
    assert Article.objects.get(pk=unsigned.pk).minhash == expected
    assert Article.objects.get(pk=stale.pk).minhash == expected
    assert Article.objects.get(pk=signed.pk).minhash == kept
