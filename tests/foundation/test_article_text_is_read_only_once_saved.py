"""Stance quotes are anchored in an article's text, so the admin never lets it (or anything extracted) change."""

import pytest
from django.urls import reverse

from sources.models import Article
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_the_change_form_offers_only_how_the_article_is_filed(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:sources_article_change", args=[article.pk]))
    assert sorted(response.context["adminform"].form.fields) == [
        "duplicate_kind",
        "duplicate_of",
        "original_outlet",
        "original_url",
        "outlet",
    ]
    assert article.text in response.content.decode()


def test_a_posted_text_is_ignored(client, editor):
    article = ArticleFactory()
    ap = OutletFactory(name="The Associated Press")
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_article_change", args=[article.pk]),
        {
            "text": "Rewritten text",
            "title": "Rewritten title",
            "outlet": article.outlet_id,
            "duplicate_of": "",
            "duplicate_kind": "",
            "original_outlet": ap.pk,
            "original_url": "https://apnews.com/article/original",
            "copies-TOTAL_FORMS": "0",
            "copies-INITIAL_FORMS": "0",
            "copies-MIN_NUM_FORMS": "0",
            "copies-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.text, stored.title) == (article.text, article.title)
    assert stored.original_outlet == ap
