"""schemathesis generates requests from /api/schema/ and sends them to the app in-process.

A bounded number of cases per operation, as an editor (so writes get past the
permission check): no response may be a server error, and every documented
response must match its schema.

Fuzzed ids and slugs almost never name a stored row, so a case would stop at
a 404 before its query parameters or body were looked at. The map_case hook
below points most cases at rows the ``rows`` fixture creates with fixed ids
and slugs (a claim with stances by Top -> Mid -> Leaf, an article and its
copy, an ingest job), and sometimes at known sources for the history's
``source`` and at the stance's current version for reviews; the coverage
phase's cases aimed at a path parameter, and one fuzzed case in five, keep
their generated ids. Each case runs in a savepoint rolled back after it, so
every case finds those rows as created. Each operation must answer 2xx at
least once: proof that real rows were reached.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.settings import api_settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import TestPhase
from schemathesis.specs.openapi.checks import response_schema_conformance

from alerts.models import Subscription
from claims.models import Claim, Stance
from sources.models import Article, IngestJob, Outlet, Source
from tests.factories import ARTICLE_TEXT, UserFactory

# Cases per operation in the fuzzing phase: enough to try odd ids, dates and bodies,
# few enough for CI (the examples and coverage phases add their own, bounded, cases).
MAX_EXAMPLES = 10

# Fixed ids, far above what the test database's sequences reach.
CLAIM = (900_001, "fuzz-claim")
TOP, MID, LEAF = (900_101, "fuzz-top"), (900_102, "fuzz-mid"), (900_103, "fuzz-leaf")
ARTICLE, COPY = 900_201, 900_202
CONFIRMED, SUGGESTED, REJECTED = 900_301, 900_302, 900_303
JOB = 900_401
SUBSCRIPTION = 900_501
FIRST_SENTENCE = ARTICLE_TEXT[: ARTICLE_TEXT.index(".") + 1]

# What a path parameter may name, by the path it is in.
KNOWN_IN_PATH = {
    "/api/v1/claims/": [str(CLAIM[0]), CLAIM[1]],
    "/api/v1/sources/": [str(MID[0]), MID[1], LEAF[1], str(TOP[0])],
    "/api/v1/stances/": [str(CONFIRMED), str(SUGGESTED), str(REJECTED)],
    "/api/v1/articles/": [str(ARTICLE), str(COPY)],
    "/api/v1/ingest-jobs/": [str(JOB)],
    "/api/v1/subscriptions/": [str(SUBSCRIPTION)],
}
KNOWN_SOURCES = [TOP[1], MID[1], str(LEAF[0])]

# Loaded from the app itself, as a client would (the schema view needs no database);
# schemathesis's WSGI client calls itself "localhost".
with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


def _pick(case: schemathesis.Case, choices: list[str], salt: str) -> str | None:
    """One of ``choices``, or None for about one case in five (to keep fuzzed values).

    Derived from the case itself, so the same case always maps the same way.
    """
    digest = zlib.crc32(f"{salt}|{case.path_parameters}|{case.query}|{case.body!r}".encode())
    return None if digest % 5 == 0 else choices[digest % len(choices)]


def _aimed_at(case: schemathesis.Case) -> tuple[object, str | None]:
    meta = case.meta
    if meta is None or meta.phase.name != TestPhase.COVERAGE:
        return None, None
    return meta.phase.data.parameter_location, meta.phase.data.parameter


@schema.hook
def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
    location, parameter = _aimed_at(case)
    path = case.operation.path
    if case.path_parameters and location != ParameterLocation.PATH:
        prefix = next((p for p in KNOWN_IN_PATH if path.startswith(p)), None)
        for name in list(case.path_parameters):
            known = _pick(case, KNOWN_IN_PATH[prefix], name) if prefix else None
            if known is not None:
                case.path_parameters[name] = known
    if path.endswith("/history/") and "source" in (case.query or {}) and parameter != "source":
        known = _pick(case, KNOWN_SOURCES, "source")
        if known is not None:
            case.query["source"] = known
    if location == ParameterLocation.BODY or not isinstance(case.body, dict):
        return case
    if path.endswith(("/confirm/", "/reject/")) and _pick(case, ["v"], "version"):
        case.body["version"] = 1  # every stance starts at version 1 in every case
    if path == "/api/v1/stances/" and case.method.upper() == "POST" and _pick(case, ["s"], "new"):
        case.body.update(claim=CLAIM[1], source=TOP[1], article=ARTICLE)
        case.body.update(quote_exact=FIRST_SENTENCE, quote_start=None)
    if path.startswith("/api/v1/subscriptions/") and _pick(case, ["s"], "subscription"):
        # One target, an event, the digest; no URL to resolve, the secret made for it.
        case.body.update(claim=CLAIM[1], source=None, tag="", events=["position.changed"])
        case.body.update(url="", digest=True)
        case.body.pop("secret", None)
    return case


@pytest.fixture
def editor_token(db) -> str:
    editor = UserFactory(username="fuzz-editor", role="Editors")
    return Token.objects.create(user=editor).key


@pytest.fixture
def subscription(rows, editor_token) -> None:
    """The editor's subscription the subscription paths name (a public address, not called:
    each case rolls back before its on-commit sends)."""
    Subscription.objects.create(
        id=SUBSCRIPTION,
        owner=Token.objects.get(key=editor_token).user,
        claim_id=CLAIM[0],
        events=["position.changed"],
        url="https://93.184.215.14/hook",
        digest=True,
    )


@pytest.fixture
def rows(db) -> None:
    """The rows path parameters name: fixed ids and slugs, the same for every operation."""
    top = Source.objects.create(id=TOP[0], slug=TOP[1], name="Fuzz Top", kind="government")
    mid = Source.objects.create(id=MID[0], slug=MID[1], name="Fuzz Mid", kind="agency", parent=top)
    leaf = Source.objects.create(
        id=LEAF[0], slug=LEAF[1], name="Fuzz Leaf", kind="official", parent=mid
    )
    wire, farm = Outlet.objects.create(name="Fuzz Wire"), Outlet.objects.create(name="Fuzz Farm")
    article = Article.objects.create(
        id=ARTICLE, url="https://fuzz.example.org/a", title="Fuzz", text=ARTICLE_TEXT, outlet=wire
    )
    copy = Article.objects.create(
        id=COPY,
        url="https://farm.example.org/a",
        title="Fuzz copy",
        text=ARTICLE_TEXT,
        outlet=farm,
        duplicate_of=article,
        duplicate_kind="republished",
    )
    claim = Claim.objects.create(id=CLAIM[0], slug=CLAIM[1], text="Fuzz claim is true")
    second = ARTICLE_TEXT.index("Pyongyang")
    reviewed = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for pk, source, on, start, status in [
        (CONFIRMED, leaf, article, 0, "confirmed"),
        (SUGGESTED, mid, article, second, "suggested"),
        (REJECTED, top, copy, 0, "rejected"),
    ]:
        exact = ARTICLE_TEXT[start : ARTICLE_TEXT.index(".", start) + 1]
        Stance.objects.create(
            id=pk,
            claim=claim,
            source=source,
            article=on,
            position="asserts",
            stated_on=dt.date(2023, 7, 26),
            quote_exact=exact,
            quote_start=start,
            quote_end=start + len(exact),
            status=status,
            reviewed_at=None if status == "suggested" else reviewed,
        )
    IngestJob.objects.create(id=JOB, kind="url", url="https://fuzz.example.org/a", article=article)


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


@pytest.fixture
def answers() -> Iterator[list[int]]:
    """The status codes the operation's cases got; after the last one, at least one 2xx."""
    codes: list[int] = []
    yield codes
    assert any(200 <= code < 300 for code in codes), (
        f"no case reached a stored row: only {sorted(set(codes))}"
    )


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_the_api_matches_its_schema_and_never_errs(
    case, editor_token, rows, subscription, app_in_test_transaction, answers
):
    with transaction.atomic():
        response = case.call_and_validate(
            headers={"Authorization": f"Token {editor_token}"},
            checks=[not_a_server_error, response_schema_conformance],
        )
        answers.append(response.status_code)
        transaction.set_rollback(True)
