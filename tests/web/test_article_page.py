"""The article page: provenance (original, copies, page date) and every quote linked to its stance."""

import datetime as dt

import pytest
from django.urls import reverse

from sources.models import Article, Outlet
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_copy_names_its_stored_original_and_the_original_lists_its_copies(client_for, reviewer):
    ap = Outlet.objects.create(name="The Associated Press")
    original = ArticleFactory(title="Kim meets Shoigu", outlet=ap)
    copy = ArticleFactory(
        title="Kim meets Shoigu (copy)",
        duplicate_of=original,
        duplicate_kind="republished",
        duplicate_similarity=0.97,
        page_date=dt.date(2025, 4, 17),
    )
    client = client_for(reviewer)
    page = client.get(reverse("article-detail", args=[copy.pk])).content.decode()
    assert "Republished wire copy" in page
    assert f'href="/articles/{original.pk}/">Kim meets Shoigu</a> (The Associated Press' in page
    assert "0.97 similar" in page
    assert "page shows 17 Apr 2025" in page
    original_page = client.get(reverse("article-detail", args=[original.pk])).content.decode()
    assert "Copies stored here" in original_page
    assert f'href="/articles/{copy.pk}/"' in original_page


def test_a_copy_whose_original_is_not_stored_names_the_original_outlet(
    client_for, reviewer, arms_claim
):
    farm = Article.objects.get(outlet__name="Wealth Navigators Hub")
    page = client_for(reviewer).get(reverse("article-detail", args=[farm.pk])).content.decode()
    assert "Republished wire copy" in page
    assert "of a story by <strong>The Associated Press</strong>" in page
    assert "the original is not stored here" in page


def test_every_evidence_quote_is_marked_and_listed(client_for, reviewer, arms_claim):
    reuters = Article.objects.get(outlet__name="Reuters")
    page = client_for(reviewer).get(reverse("article-detail", args=[reuters.pk])).content.decode()
    stances = reuters.stances.exclude(status="rejected")
    assert stances.count() == 7
    for stance in stances:
        assert f'<mark id="stance-{stance.pk}"' in page
        assert f'<a href="#stance-{stance.pk}">' in page
    assert 'class="quote quote-asserts quote-suggested' in page  # the analysts, not yet reviewed


def test_a_missing_article_is_a_404(client_for, reviewer):
    assert client_for(reviewer).get(reverse("article-detail", args=[999999])).status_code == 404
