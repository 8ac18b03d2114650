"""The source and article admins show how many stances each has, and the article links to them."""

import pytest
from django.urls import reverse

from tests.factories import StanceFactory

pytestmark = pytest.mark.django_db


def test_the_source_list_counts_each_sources_stances(client, editor):
    stance = StanceFactory()
    StanceFactory(source=stance.source, claim=stance.claim)
    client.force_login(editor)
    page = client.get(reverse("admin:sources_source_changelist"))
    [row] = page.context["cl"].result_list
    assert row._stances == 2
    assert "stance_count" in page.context["cl"].list_display


def test_the_article_page_links_to_the_stances_quoting_it(client, editor):
    stance = StanceFactory()
    client.force_login(editor)
    listing = client.get(reverse("admin:sources_article_changelist"))
    assert [row._stances for row in listing.context["cl"].result_list] == [1]
    page = client.get(reverse("admin:sources_article_change", args=[stance.article_id]))
    link = f"{reverse('admin:claims_stance_changelist')}?article__id__exact={stance.article_id}"
    assert f'<a href="{link}">1 stances</a>' in page.content.decode()
