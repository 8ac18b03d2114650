"""Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name
from one address, the right password is refused too, on the site's login page and the
admin's, with a page that says why and for how long. Editors see the lockout in the admin
and can lift it; API tokens keep working."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGINS = {"site": "login", "admin": "admin:login"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    # Each attempt checks a password; PBKDF2 would cost seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(client: Client, page: str, username: str, password: str):
    return client.post(
        reverse(LOGINS[page]), {"username": username, "password": password, "next": "/"}
    )


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(client: Client, page: str, username: str, times: int) -> None:
    """Wrong passwords, fewer than the limit: each answered by the form with its error."""
    for _ in range(times):
        response = log_in(client, page, username, "not-the-password")
        assert response.status_code == 200
        assert not logged_in(client)


def lock_out(client: Client, username: str, limit: int) -> None:
    fail(client, "site", username, limit - 1)
    assert log_in(client, "site", username, "not-the-password").status_code == 429


@pytest.mark.parametrize("page", ["site", "admin"])
def test_the_right_password_after_too_many_wrong_ones_is_refused_with_the_reason(
    page, client, reviewer, settings
):
    fail(client, page, "reviewer", settings.AXES_FAILURE_LIMIT - 1)
    locked = log_in(client, page, "reviewer", "not-the-password")

    response = log_in(client, page, "reviewer", PASSWORD)

    for answer in (locked, response):
        assert answer.status_code == 429
        text = answer.content.decode()
        assert "Too many failed logins as <strong>reviewer</strong>" in text
        assert f"after {settings.AXES_FAILURE_LIMIT} wrong passwords" in text
        assert "paused for 15 minutes, even with the right password" in text
        assert '<link rel="stylesheet" href="/static/web/app.css">' in text  # the site's page
    assert not logged_in(client)


def test_fewer_wrong_passwords_than_the_limit_do_not_lock(client, reviewer, settings):
    fail(client, "site", "reviewer", settings.AXES_FAILURE_LIMIT - 1)

    assert log_in(client, "site", "reviewer", PASSWORD).status_code == 302
    assert logged_in(client)
    # The right password forgave the wrong ones: a later slip starts from nothing.
    client.logout()
    fail(client, "site", "reviewer", settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, "site", "reviewer", PASSWORD).status_code == 302


def test_a_lockout_holds_one_user_name_not_everybody_on_the_address(
    client, reviewer, editor, settings
):
    lock_out(client, "reviewer", settings.AXES_FAILURE_LIMIT)

    assert log_in(client, "site", "editor", PASSWORD).status_code == 302
    assert logged_in(client)


def test_an_editor_sees_the_lockout_in_the_admin_and_lifting_it_lets_the_user_in(
    client, reviewer, editor, settings
):
    lock_out(client, "reviewer", settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get(username="reviewer")
    admin = Client()
    admin.force_login(editor)

    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    lifted = admin.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert "reviewer" in listing.content.decode()
    assert lifted.status_code == 302
    assert log_in(client, "site", "reviewer", PASSWORD).status_code == 302


def test_a_reviewer_cannot_see_the_lockouts(client, reviewer):
    client.force_login(reviewer)

    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_the_api_token_of_a_locked_out_user_still_works(client, api_consumer, settings):
    lock_out(client, "consumer", settings.AXES_FAILURE_LIMIT)
    token = Token.objects.create(user=api_consumer)

    response = Client().get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
