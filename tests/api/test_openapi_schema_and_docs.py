"""The OpenAPI 3 schema and the browsable docs are served by the app itself, no internet needed."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_and_lists_the_v1_endpoints():
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {
        "/api/v1/claims/",
        "/api/v1/claims/{id_or_slug}/",
        "/api/v1/claims/{id_or_slug}/history/",
        "/api/v1/claims/{id_or_slug}/claimreview/",
        "/api/v1/sources/",
        "/api/v1/articles/",
        "/api/v1/stances/{id}/annotation/",
        "/api/v1/stances/{id}/confirm/",
    } <= paths
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def local_assets_missing(urls: list[str]) -> list[str]:
    """The /static/ URLs no installed app provides (drf-spectacular-sidecar ships the UIs)."""
    return [u for u in urls if not finders.find(u.removeprefix("/static/").split("?")[0])]


def test_swagger_ui_loads_everything_from_this_server():
    html = Client().get("/api/docs/").content.decode()

    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("swagger-ui" in u for u in urls)
    assert [u for u in urls if u.startswith(("http:", "https:", "//"))] == []
    # Its start-up script is served by the docs view itself (no inline script).
    own = [u for u in urls if u.startswith("/api/docs")]
    assert own and Client().get(own[0]).status_code == 200
    assert local_assets_missing([u for u in urls if u not in own]) == []


def test_redoc_loads_its_script_from_this_server():
    # Its web fonts come from Google when online; offline it falls back to system fonts.
    html = Client().get("/api/redoc/").content.decode()

    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    assert local_assets_missing(scripts) == []
