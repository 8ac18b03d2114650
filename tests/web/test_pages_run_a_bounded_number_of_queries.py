"""Home, claim, article and queue pages run the same few queries whatever the number of stances."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Stance

pytestmark = pytest.mark.django_db

BUDGET = 12


def urls(claim) -> list[str]:
    article = Stance.objects.filter(claim=claim).order_by("pk").first().article
    return [
        reverse("home"),
        reverse("claim-detail", args=[claim.slug]),
        reverse("claim-detail", args=[claim.slug]) + "?lanes=speaker&position=denies",
        reverse("article-detail", args=[article.pk]),
        reverse("review-queue"),
    ]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_each_page_stays_within_its_query_budget_with_many_stances(
    client_for, reviewer, busy_claim, django_assert_max_num_queries
):
    claim = busy_claim(stances=120, sources=12, suggested=25)
    client = client_for(reviewer)
    for url in urls(claim):
        with django_assert_max_num_queries(BUDGET):
            client.get(url)


def test_the_query_count_does_not_grow_with_the_number_of_stances(client_for, reviewer, busy_claim):
    client = client_for(reviewer)
    small = busy_claim(stances=6, sources=3, suggested=2)
    counts_small = [queries(client, url) for url in urls(small)]
    Stance.objects.all().delete()
    large = busy_claim(stances=90, sources=15, articles=6, suggested=30)
    counts_large = [queries(client, url) for url in urls(large)]
    assert counts_small == counts_large
