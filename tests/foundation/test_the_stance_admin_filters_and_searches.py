"""Stances are filtered by position, status, source and date, and found by their quote or their source's alias."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SourceAliasFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db

TEXT = "Moscow denied the reports in 2024. Shoigu thanked North Korea for its assist in 2025."


@pytest.fixture
def stances():
    article = ArticleFactory(text=TEXT)
    russia = SourceFactory(name="Russia")
    SourceAliasFactory(source=russia, alias="the Kremlin")
    hedge_at = TEXT.index("Shoigu")
    return {
        "denial": StanceFactory(
            article=article, source=russia, position="denies", stated_on=dt.date(2024, 5, 1)
        ),
        "hedge": StanceFactory(
            claim__slug="other",
            article=article,
            source=russia,
            position="hedges",
            stated_on=dt.date(2025, 3, 21),
            quote_start=hedge_at,
            quote_exact=TEXT[hedge_at:],
        ),
        "suggestion": StanceFactory(
            article=article,
            source=SourceFactory(name="Ukraine"),
            position="denies",
            status="suggested",
            reviewed_at=None,
            stated_on=dt.date(2024, 6, 1),
        ),
    }


def listed(client, **params):
    response = client.get(reverse("admin:claims_stance_changelist"), params)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def test_filters_by_position_status_source_and_date(client, editor, stances):
    client.force_login(editor)
    russia = stances["denial"].source
    assert listed(client, position__exact="denies") == {stances["denial"], stances["suggestion"]}
    assert listed(client, status__exact="suggested") == {stances["suggestion"]}
    assert listed(client, source__id__exact=russia.pk) == {stances["denial"], stances["hedge"]}
    assert listed(client, stated_on__gte="2025-01-01", stated_on__lt="2026-01-01") == {
        stances["hedge"]
    }
    assert listed(client, position__exact="denies", status__exact="confirmed") == {
        stances["denial"]
    }


def test_search_finds_quote_words_and_source_aliases(client, editor, stances):
    client.force_login(editor)
    assert listed(client, q="assist") == {stances["hedge"]}
    assert listed(client, q="Kremlin") == {stances["denial"], stances["hedge"]}


@pytest.mark.parametrize(
    "query",
    ["status__exact=%00", "position__exact=den%00ies", "q=Mos%00cow", "%00=1"],
)
def test_a_nul_in_an_admin_filter_is_dropped_not_a_500(query, stances, client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:claims_stance_changelist") + "?" + query)
    assert response.status_code in (200, 302)  # the list, or Django's "?e=1" for a bad filter


def test_a_nul_in_the_admin_autocomplete_is_dropped_not_a_500(stances, client, editor):
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Rus\x00sia",
            "app_label": "claims",
            "model_name": "stance",
            "field_name": "source",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Russia"]
