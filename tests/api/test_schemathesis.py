"""schemathesis generates requests from /api/schema/ and sends them to the app in-process.

A bounded number of cases per operation, as an editor (so writes get past the
permission check): no response may be a server error, and every documented
response must match its schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.settings import api_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import ClaimFactory, StanceFactory, UserFactory

# Cases per operation: enough to try odd ids, dates and bodies, few enough for CI.
MAX_EXAMPLES = 10

# Loaded from the app itself, as a client would (the schema view needs no database);
# schemathesis's WSGI client calls itself "localhost".
with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def editor_token(db) -> str:
    editor = UserFactory(username="fuzz-editor", role="Editors")
    # Something to find: ids 1.. and slugs exist for the cases that hit them.
    for _ in range(3):
        StanceFactory(claim=ClaimFactory())
    return Token.objects.create(user=editor).key


@pytest.fixture
def app_in_test_transaction():
    """Keep the test's database connection (and so its transaction) across WSGI requests,
    and lift the throttle: hundreds of requests come from one token.

    Django closes connections when a request finishes; its test client turns
    that off the same way, but schemathesis calls the plain WSGI app.
    """
    rest = {
        **api_settings.user_settings,
        "DEFAULT_THROTTLE_RATES": {"read": "100000/minute", "write": "100000/minute"},
    }
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    with override_settings(REST_FRAMEWORK=rest, ALLOWED_HOSTS=["localhost"]):
        yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_the_api_matches_its_schema_and_never_errs(case, editor_token, app_in_test_transaction):
    case.call_and_validate(
        headers={"Authorization": f"Token {editor_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
