"""A claim with no statements says so; "no statement matches these filters" only when a filter is set."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_claim_with_no_statements_says_none_are_recorded(client_for, reviewer):
    claim = ClaimFactory(slug="nothing-yet")
    page = client_for(reviewer).get(reverse("claim-detail", args=[claim.slug])).content.decode()
    assert "No statements recorded for this claim yet." in page
    assert "No confirmed statements on this claim yet." in page
    assert "matches these filters" not in page
    # Nothing to filter, and no chart for a legend to explain.
    assert 'class="filters"' not in page
    assert 'class="legend"' not in page


def test_a_filter_that_matches_nothing_says_so_and_offers_the_rest(
    client_for, reviewer, arms_claim
):
    url = reverse("claim-detail", args=[arms_claim.slug])
    page = client_for(reviewer).get(url, {"date_from": "2030-01-01"}).content.decode()
    assert "No statement matches these filters." in page
    assert "Show all 9" in page
    assert "0 of 9 match" in page
    assert "No statements recorded" not in page


def test_a_filter_that_matches_every_statement_still_counts_as_a_filter(
    client_for, reviewer, arms_claim
):
    url = reverse("claim-detail", args=[arms_claim.slug])
    page = client_for(reviewer).get(url, {"date_from": "2000-01-01"}).content.decode()
    assert "9 of 9 match" in page
    assert ">Clear</a>" in page


def test_an_unfiltered_claim_page_shows_no_empty_message(client_for, reviewer, arms_claim):
    page = client_for(reviewer).get(reverse("claim-detail", args=[arms_claim.slug]))
    text = page.content.decode()
    assert "9 confirmed" in text
    assert "matches these filters" not in text
    assert "No statements recorded" not in text
