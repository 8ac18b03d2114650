"""The source picker's lookup finds sources by name or alias, also misspelt (trigram similarity)."""

import pytest
from django.urls import reverse

from claims.models import Stance
from sources.models import SourceAlias
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def names(client, query: str) -> list[str]:
    response = client.get(reverse("source-lookup"), {"q": query})
    return [r["name"] for r in response.json()["results"]]


def test_an_alias_finds_its_source(client_for, reviewer, arms_claim):
    client = client_for(reviewer)
    assert names(client, "Pyongyang")[0] == "North Korea"
    assert names(client, "the kremlin")[0] == "Russia"
    assert names(client, "white house")[0] == "United States"


def test_a_misspelt_alias_still_finds_its_source(client_for, reviewer, arms_claim):
    assert "North Korea" in names(client_for(reviewer), "Pyongang")


def test_a_result_says_which_alias_matched(client_for, reviewer, arms_claim):
    response = client_for(reviewer).get(reverse("source-lookup"), {"q": "Kyiv"})
    assert response.json()["results"][0]["label"] == "Kyiv → Ukraine"


def test_an_empty_query_finds_nothing(client_for, reviewer, arms_claim):
    assert names(client_for(reviewer), "  ") == []


def test_pages_with_a_source_field_do_not_list_every_source(client_for, reviewer, arms_claim):
    # The picker asks /sources/lookup/ as the reviewer types; nothing is preloaded.
    for n in range(150):
        source = SourceFactory(name=f"Picker source {n}")
        SourceAlias.objects.create(source=source, alias=f"picker alias {n}")
    client = client_for(reviewer)
    stance = Stance.objects.filter(status="suggested").first()
    for url in (
        reverse("article-detail", args=[stance.article_id]),
        reverse("review-queue"),
        reverse("stance-edit", args=[stance.pk]),
    ):
        page = client.get(url).content.decode()
        assert 'list="source-options"' in page, url
        assert '<datalist id="source-options"></datalist>' in page, url
        assert f'data-lookup="{reverse("source-lookup")}"' in page, url
        assert "Picker source" not in page and "picker alias" not in page, url
        # Nor the demo's aliases: "Pyongyang" is typed, then looked up.
        assert "Democratic People" not in page, url


def test_a_name_with_markup_is_returned_as_inert_json(client_for, reviewer, planted):
    response = client_for(reviewer).get(reverse("source-lookup"), {"q": "planted source"})
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.content.decode()
    assert "<" not in body and ">" not in body
    assert response.json()["results"][0]["name"] == planted["stance"].source.name
