"""Every HTML response carries a Content-Security-Policy: error pages, login and admin too."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from claims.models import Stance
from factcheck.middleware import (
    API_DOCS_POLICY,
    DEFAULT_POLICY,
    ContentSecurityPolicyMiddleware,
)

pytestmark = pytest.mark.django_db


def policy(response) -> str:
    assert response["Content-Type"].startswith("text/html"), response["Content-Type"]
    return response["Content-Security-Policy"]


def test_login_and_error_pages_forbid_inline_script(client, client_for, api_consumer, arms_claim):
    login = client.get(reverse("login"))
    assert policy(login) == DEFAULT_POLICY
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and policy(missing) == DEFAULT_POLICY
    no_claim = client_for(api_consumer).get(reverse("claim-detail", args=["no-such-claim"]))
    assert no_claim.status_code == 404 and policy(no_claim) == DEFAULT_POLICY
    stance = Stance.objects.filter(status="suggested").first()
    forbidden = client_for(api_consumer).post(
        reverse("stance-confirm", args=[stance.pk]), {"version": stance.version}
    )
    assert forbidden.status_code == 403 and policy(forbidden) == DEFAULT_POLICY


def test_the_csrf_failure_page_has_the_policy(reviewer):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reviewer)
    refused = strict.post(reverse("logout"))
    assert refused.status_code == 403 and policy(refused) == DEFAULT_POLICY


def test_the_web_pages_and_the_admin_forbid_inline_script(client_for, editor, planted):
    client = client_for(editor)
    for url in (
        reverse("home"),
        reverse("claim-detail", args=[planted["claim"].slug]),
        reverse("review-queue"),
        reverse("admin:index"),
        reverse("admin:claims_stance_changelist"),
        reverse("admin:claims_stance_change", args=[planted["stance"].pk]),
    ):
        found = policy(client.get(url))
        assert found == DEFAULT_POLICY, url
        assert "script-src 'self';" in found and "unsafe-inline" not in found


def test_the_api_docs_get_the_policy_swagger_ui_needs(client_for, reviewer):
    docs = client_for(reviewer).get("/api/docs/")
    assert docs.status_code == 200
    assert policy(docs) == API_DOCS_POLICY
    assert "object-src 'none'" in API_DOCS_POLICY and "default-src 'self'" in API_DOCS_POLICY
    assert "script-src 'self';" in API_DOCS_POLICY  # Swagger UI's start-up script is a file


def test_json_is_left_alone_and_a_policy_set_by_a_view_is_kept():
    request = RequestFactory().get("/")
    own = HttpResponse("<p>x</p>", headers={"Content-Security-Policy": "default-src 'none'"})
    kept = ContentSecurityPolicyMiddleware(lambda r: own)(request)
    assert kept["Content-Security-Policy"] == "default-src 'none'"
    data = HttpResponse("{}", content_type="application/json")
    assert "Content-Security-Policy" not in ContentSecurityPolicyMiddleware(lambda r: data)(request)
