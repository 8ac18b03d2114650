"""An article cannot be filed as a copy of itself: the model, the admin form and the database refuse it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from sources.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_full_clean_refuses_an_article_that_duplicates_itself():
    article = ArticleFactory()
    article.duplicate_of = article
    article.duplicate_kind = "exact"
    with pytest.raises(ValidationError, match="article_not_own_duplicate"):
        article.full_clean()


def test_the_database_refuses_an_article_that_duplicates_itself():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="article_not_own_duplicate"), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(duplicate_of=article, duplicate_kind="exact")


def test_the_article_admin_says_so_on_the_field(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_article_change", args=[article.pk]),
        {
            "outlet": article.outlet_id,
            "duplicate_of": article.pk,
            "duplicate_kind": "exact",
            "original_outlet": "",
            "original_url": "",
            "copies-TOTAL_FORMS": "0",
            "copies-INITIAL_FORMS": "0",
            "copies-MIN_NUM_FORMS": "0",
            "copies-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["duplicate_of"] == [
        "An article cannot be a duplicate of itself."
    ]
    article.refresh_from_db()
    assert article.duplicate_of is None


def test_a_copy_must_say_what_kind_of_copy_it_is(client, editor):
    original, copy = ArticleFactory(), ArticleFactory()
    with pytest.raises(IntegrityError, match="article_copy_has_kind"), transaction.atomic():
        Article.objects.filter(pk=copy.pk).update(duplicate_of=original, duplicate_kind="")
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_article_change", args=[copy.pk]),
        {
            "outlet": copy.outlet_id,
            "duplicate_of": original.pk,
            "duplicate_kind": "",
            "original_outlet": "",
            "original_url": "",
            "copies-TOTAL_FORMS": "0",
            "copies-INITIAL_FORMS": "0",
            "copies-MIN_NUM_FORMS": "0",
            "copies-MAX_NUM_FORMS": "0",
        },
    )
    assert response.context["adminform"].form.errors["duplicate_kind"] == [
        "Say what kind of copy it is (exact, republished or spun)."
    ]
