"""Readers with any role may read every page but the review queue; only reviewers and editors
may open the queue, file and review (403 otherwise). test_permission_matrix.py has every case."""

import pytest
from django.urls import reverse

from claims.models import Claim, Stance
from sources.models import Article

pytestmark = pytest.mark.django_db


def read_urls(claim) -> list[str]:
    article = Article.objects.order_by("pk").first()
    return [
        reverse("home"),
        reverse("claim-detail", args=[claim.slug]),
        reverse("article-list"),
        reverse("article-detail", args=[article.pk]),
        reverse("source-lookup") + "?q=kremlin",
    ]


def action_posts(stance: Stance, article: Article, claim: Claim) -> list[tuple[str, dict]]:
    return [
        (reverse("stance-confirm", args=[stance.pk]), {"version": stance.version}),
        (reverse("stance-reject", args=[stance.pk]), {"version": stance.version}),
        (
            reverse("stance-edit", args=[stance.pk]),
            {
                "version": stance.version,
                "source": "Russia",
                "position": "denies",
                "stated_on": "2024-09-13",
                "stated_on_precision": "day",
            },
        ),
        (
            reverse("article-stance-create", args=[article.pk]),
            {
                "claim": claim.pk,
                "source": "Russia",
                "position": "denies",
                "stated_on": "2024-09-13",
                "stated_on_precision": "day",
                "quote_exact": article.text[:40],
                "quote_start": 0,
            },
        ),
    ]


@pytest.mark.parametrize("role", ["api_consumer", "no_role_user", "reviewer", "editor"])
def test_every_logged_in_role_may_read_every_page_but_the_queue(
    role, request, client_for, arms_claim
):
    client = client_for(request.getfixturevalue(role))
    for url in read_urls(arms_claim):
        assert client.get(url).status_code == 200, url
    queue = client.get(reverse("review-queue")).status_code
    assert queue == (200 if role in ("reviewer", "editor") else 403)


@pytest.mark.parametrize("role", ["api_consumer", "no_role_user"])
def test_readers_without_a_reviewing_role_get_403_for_every_action(
    role, request, client_for, arms_claim
):
    client = client_for(request.getfixturevalue(role))
    stance = Stance.objects.filter(status="suggested").order_by("pk").first()
    article = Article.objects.get(outlet__name="The Japan News")
    stances_before = Stance.objects.count()
    for url, data in action_posts(stance, article, arms_claim):
        assert client.post(url, data).status_code == 403, url
    assert client.get(reverse("stance-edit", args=[stance.pk])).status_code == 403
    stance.refresh_from_db()
    assert stance.status == "suggested"
    assert Stance.objects.count() == stances_before


def test_readers_without_a_reviewing_role_see_no_action_forms(client_for, api_consumer, arms_claim):
    client = client_for(api_consumer)
    article = Article.objects.get(outlet__name="The Japan News")
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert 'id="stance-form"' not in page


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_reviewers_and_editors_may_confirm_and_file(role, request, client_for, arms_claim):
    client = client_for(request.getfixturevalue(role))
    stance = Stance.objects.filter(status="suggested").order_by("pk").first()
    response = client.post(reverse("stance-confirm", args=[stance.pk]), {"version": stance.version})
    assert response.status_code == 302
    stance.refresh_from_db()
    assert stance.status == "confirmed"
    article = Article.objects.get(outlet__name="The Japan News")
    url, data = action_posts(stance, article, arms_claim)[3]
    assert client.post(url, data).status_code == 302
    assert Stance.objects.filter(article=article, quote_start=0, status="suggested").exists()
