"""Home: each claim with every source's current position, the latest changes, the queue's size."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_shows_each_claim_with_labelled_current_positions(client_for, reviewer, arms_claim):
    page = client_for(reviewer).get(reverse("home")).content.decode()
    card = page.split(arms_claim.text)[1].split("</article>")[0]
    assert '<span class="who">United States</span><span class="badge badge-asserts">' in card
    assert '<span class="who">North Korea</span><span class="badge badge-denies">' in card
    assert '<span class="who">Russia</span><span class="badge badge-hedges">' in card


def test_home_lists_the_latest_position_changes_and_the_review_count(
    client_for, reviewer, arms_claim
):
    page = client_for(reviewer).get(reverse("home")).content.decode()
    assert "Russia: denies → hedges, 2025-03" in page
    assert '<span class="queue-count" id="review-count">3</span>' in page
