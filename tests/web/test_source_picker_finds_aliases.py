"""The source picker's lookup finds sources by name or alias, also misspelt (trigram similarity)."""

import pytest
from django.urls import reverse

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
