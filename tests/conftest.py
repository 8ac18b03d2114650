"""Role fixtures shared by every test package (see tests/factories.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def editor(db) -> User:
    return UserFactory(username="editor", role="Editors")


@pytest.fixture
def reviewer(db) -> User:
    return UserFactory(username="reviewer", role="Reviewers")


@pytest.fixture
def second_reviewer(db) -> User:
    return UserFactory(username="reviewer2", role="Reviewers")


@pytest.fixture
def api_consumer(db) -> User:
    return UserFactory(username="consumer", role="API consumers")


@pytest.fixture
def demo(db) -> None:
    """The demo data set (the five seed articles, their sources, claims and stances)."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
