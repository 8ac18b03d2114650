"""Anonymous readers are sent to log in; with FACTCHECK_PUBLIC_CLAIM_PAGES they may read claims."""

import pytest
from django.urls import reverse

from claims.models import Stance
from sources.models import Article

pytestmark = pytest.mark.django_db


def pages(claim) -> dict[str, str]:
    article = Article.objects.order_by("pk").first()
    return {
        "home": reverse("home"),
        "claim": reverse("claim-detail", args=[claim.slug]),
        "articles": reverse("article-list"),
        "article": reverse("article-detail", args=[article.pk]),
        "queue": reverse("review-queue"),
        "lookup": reverse("source-lookup") + "?q=pyong",
    }


def test_every_page_sends_an_anonymous_reader_to_log_in(client, arms_claim):
    for name, url in pages(arms_claim).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login") + "?next="), name


def test_public_claim_pages_let_anonymous_readers_see_home_and_claims_only(
    client, arms_claim, settings
):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    urls = pages(arms_claim)
    assert client.get(urls["home"]).status_code == 200
    claim_page = client.get(urls["claim"])
    assert claim_page.status_code == 200
    for name in ("articles", "article", "queue", "lookup"):
        assert client.get(urls[name]).status_code == 302, name


def test_a_public_claim_page_is_read_only_and_keeps_the_queue_private(client, arms_claim, settings):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    home = client.get(reverse("home")).content.decode()
    assert "waiting for review" not in home
    page = client.get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    assert '<form method="post"' not in page
    # Marks link to the original pages, not to our stored copies (which need a login).
    assert "https://thehill.com/policy/international/" in page
    assert "/articles/" not in page.split('id="stances"')[0].split("timeline-lanes")[1]


def test_anonymous_actions_go_to_the_login_page_and_change_nothing(client, arms_claim):
    stance = Stance.objects.filter(status="suggested").first()
    article = Article.objects.order_by("pk").first()
    for url in (
        reverse("stance-confirm", args=[stance.pk]),
        reverse("stance-reject", args=[stance.pk]),
        reverse("stance-edit", args=[stance.pk]),
        reverse("article-stance-create", args=[article.pk]),
    ):
        response = client.post(url, {"version": stance.version})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    stance.refresh_from_db()
    assert stance.status == "suggested"


def test_logging_in_and_out_works_through_the_forms(client, arms_claim):
    login = client.get(reverse("login"))
    assert login.status_code == 200
    assert b'name="password"' in login.content
    response = client.post(
        reverse("login"),
        {"username": "reviewer", "password": "reviewer-demo-2025", "next": "/review/"},
    )
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert client.get("/review/").status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get("/review/").status_code == 302


def test_a_wrong_password_shows_a_clear_error(client, arms_claim):
    response = client.post(reverse("login"), {"username": "reviewer", "password": "nope"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()
