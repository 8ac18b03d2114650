"""The claim page keeps a busy claim's timeline and chart by the claim's history version:
served again while nothing changed, and a change shows on the page at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Stance
from claims.web import claim_cache
from tests.api.recorded import changes_settled
from tests.factories import SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


def page(client, claim, query: str = "") -> str:
    response = client.get(reverse("claim-detail", args=[claim.slug]) + query)
    assert response.status_code == 200
    # Per response: the CSRF token and the policy's nonce.
    return re.sub(r'(value|nonce)="[^"]*"', r'\1=""', response.content.decode())


def stance_queries(client, claim) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, claim)
    return sum('FROM "claims_stance"' in q["sql"] and "ORDER BY" in q["sql"] for q in captured)


def test_an_unchanged_claim_page_is_drawn_from_the_kept_timeline(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=40, sources=6)
    changes_settled()
    client = client_for(reviewer)
    first = page(client, claim)
    assert stance_queries(client, claim) == 0  # the stances were not read again
    assert page(client, claim) == first
    # Grouped by speaker is another chart, kept apart.
    assert page(client, claim, "?lanes=speaker") != first
    assert page(client, claim) == first


def test_a_change_shows_on_the_page_at_once(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=20, sources=4)
    changes_settled()
    client = client_for(reviewer)
    assert "Freshly heard" not in page(client, claim)
    assert stance_queries(client, claim) == 0

    newcomer = SourceFactory(name="Freshly heard source")
    StanceFactory(claim=claim, source=newcomer, position="denies")
    assert "Freshly heard source" in page(client, claim)

    changes_settled()
    Stance.objects.filter(claim=claim, source=newcomer).delete()
    assert "Freshly heard source" not in page(client, claim)


def test_a_page_changed_under_two_seconds_ago_is_not_kept(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=10, sources=3)
    page(client_for(reviewer), claim)
    assert not claim_cache.kept._items


def test_public_readers_and_logged_in_readers_get_their_own_links(
    client_for, reviewer, busy_claim, settings
):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    claim = busy_claim(stances=10, sources=3)
    changes_settled()
    logged_in = page(client_for(reviewer), claim)
    public = page(client_for(None), claim)
    assert "/articles/" in logged_in
    assert 'href="/articles/' not in public
