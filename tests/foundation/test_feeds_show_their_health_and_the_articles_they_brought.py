"""The feed list shows each feed's health and links to the articles it brought; articles show their copies."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sources.models import Feed
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_the_feed_list_shows_health_and_links_to_its_articles(client, editor):
    feed = Feed.objects.create(
        url="https://apnews.com/feed.xml",
        title="AP top news",
        last_polled_at=timezone.now(),
        last_status="500 Server Error",
        consecutive_failures=3,
        last_new_items=0,
        disabled_reason="",
    )
    brought = ArticleFactory(feed=feed)
    ArticleFactory()  # from elsewhere
    client.force_login(editor)

    listing = client.get(reverse("admin:sources_feed_changelist"))
    page = listing.content.decode()
    assert "500 Server Error" in page
    assert f"?feed__id__exact={feed.pk}" in page
    assert "1 articles" in page

    filtered = client.get(reverse("admin:sources_article_changelist"), {"feed__id__exact": feed.pk})
    assert list(filtered.context["cl"].result_list) == [brought]


def test_an_article_page_lists_its_copies(client, editor):
    original = ArticleFactory(outlet=OutletFactory(name="The Associated Press"))
    copy = ArticleFactory(
        outlet=OutletFactory(name="Wealth Navigators Hub"),
        duplicate_of=original,
        duplicate_kind="republished",
        page_date=dt.date(2025, 4, 17),
    )
    client.force_login(editor)
    response = client.get(reverse("admin:sources_article_change", args=[original.pk]))
    [copies] = [i for i in response.context["inline_admin_formsets"]]
    assert [f.instance for f in copies.formset.forms] == [copy]
    assert "Wealth Navigators Hub" in response.content.decode()
