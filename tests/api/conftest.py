"""Fixtures for the API tests: token clients per role, a clean throttle cache, the arms claim."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.api import history_cache
from claims.models import Claim
from tests.factories import UserFactory

ARMS = "north-korea-arms-to-russia"


@pytest.fixture(autouse=True)
def _fresh_throttle_counts() -> None:
    # Throttle counters and rendered histories live in the cache; a test must not inherit
    # another's.
    cache.clear()
    history_cache.bodies.clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    # The demo and the role fixtures set passwords; PBKDF2 would cost seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_for() -> Callable[[User | None], APIClient]:
    """An API client sending the user's token (anonymous for None)."""

    def make(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


@pytest.fixture
def consumer_client(api_consumer: User, client_for) -> APIClient:
    return client_for(api_consumer)


@pytest.fixture
def reviewer_client(reviewer: User, client_for) -> APIClient:
    return client_for(reviewer)


@pytest.fixture
def editor_client(editor: User, client_for) -> APIClient:
    return client_for(editor)


@pytest.fixture
def no_role_user(db) -> User:
    return UserFactory(username="nobody")


@pytest.fixture
def arms_claim(demo) -> Claim:
    return Claim.objects.get(slug=ARMS)
