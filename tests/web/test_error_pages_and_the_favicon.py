"""Error pages (404, 403, 400, 500, an expired form) are the site's own pages, and there is a favicon.

Django's plain error pages, and its CSRF page with an inline style the policy
blocks, looked like another site; browsers asking for /favicon.ico got a 404.
"""

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Stance
from factcheck.middleware import DEFAULT_POLICY

pytestmark = pytest.mark.django_db

FAILING = "tests.web.failing_urls"


def assert_site_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    assert response["Content-Security-Policy"] == DEFAULT_POLICY
    page = response.content.decode()
    assert f'<h1 id="error-title">{heading}</h1>' in page
    assert "/static/web/app.css" in page
    assert 'rel="icon"' in page
    assert "<style" not in page and "style=" not in page and "<script" not in page
    return page


def test_a_missing_page_says_what_was_not_found(client_for, reviewer):
    response = client_for(reviewer).get("/no-such-page/")
    page = assert_site_page(response, 404, "Page not found")
    assert "<code>/no-such-page/</code>" in page


def test_an_action_without_the_role_gets_the_sites_403(client_for, api_consumer, arms_claim):
    stance = Stance.objects.filter(status="suggested").first()
    response = client_for(api_consumer).post(
        reverse("stance-confirm", args=[stance.pk]), {"version": stance.version}
    )
    assert_site_page(response, 403, "You may not do this")


def test_an_expired_form_says_so_in_the_sites_style(reviewer):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reviewer)
    assert_site_page(strict.post(reverse("logout")), 403, "This form has expired")


def test_a_bad_request_and_a_server_error_get_the_sites_pages(client, settings):
    settings.ROOT_URLCONF = FAILING
    assert_site_page(client.get("/fail/400/"), 400, "This request cannot be answered")
    client.raise_request_exception = False
    assert_site_page(client.get("/fail/500/"), 500, "Something went wrong on our side")


def test_a_host_the_site_does_not_serve_gets_the_400_page(client):
    response = client.get("/", HTTP_HOST="elsewhere.invalid")
    assert_site_page(response, 400, "This request cannot be answered")


def test_the_favicon_is_served_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header
