"""Every request carries the honest User-Agent from settings."""

import pytest

from sources.fetch import fetch


@pytest.mark.django_db
def test_pages_and_robots_txt_are_asked_for_with_our_user_agent(web, settings):
    settings.FACTCHECK_USER_AGENT = "factcheck-workbench/test (+https://example.org/about)"
    web.add("/page", body=b"<html></html>")

    fetch(web.url("/page"))

    assert {r.path for r in web.requests} == {"/robots.txt", "/page"}
    assert {r.headers["user-agent"] for r in web.requests} == {settings.FACTCHECK_USER_AGENT}
