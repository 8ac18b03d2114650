"""Each role, each endpoint, each method: the status its permissions call for.

Anonymous requests get 401 everywhere (with WWW-Authenticate); a user with no
role gets 403; API consumers only read; reviewers also write stances; editors
also write claims and sources and submit articles.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sources.models import IngestJob
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "consumer", "reviewer", "editor"]
GROUPS = {"consumer": "API consumers", "reviewer": "Reviewers", "editor": "Editors"}


@dataclass
class World:
    claim: object
    source: object
    article: object
    confirmed: object
    suggested: object
    job: object


@pytest.fixture
def world(db) -> World:
    claim = ClaimFactory(slug="arms")
    source = SourceFactory(name="Russia", slug="russia")
    article = ArticleFactory()
    confirmed = StanceFactory(claim=claim, source=source, article=article)
    denial = "Pyongyang has denied it."
    suggested = StanceFactory(
        claim=claim,
        source=SourceFactory(name="North Korea", slug="north-korea"),
        article=article,
        position="denies",
        status="suggested",
        reviewed_at=None,
        quote_exact=denial,
        quote_start=article.text.index(denial),
    )
    job = IngestJob.objects.create(kind=IngestJob.Kind.URL, url="https://example.org/a")
    return World(claim, source, article, confirmed, suggested, job)


def request_for(case: str, w: World) -> tuple[str, str, dict | None]:
    """(method, path, JSON body) of each case."""
    stance_body = {
        "claim": w.claim.slug,
        "source": w.source.slug,
        "article": w.article.pk,
        "position": "denies",
        "stated_on": "2024-09-13",
        "quote_exact": "Moscow declined to comment on the report.",
    }
    return {
        "claims list GET": ("get", "/api/v1/claims/", None),
        "claims list POST": ("post", "/api/v1/claims/", {"text": "A new claim to check"}),
        "claim GET": ("get", f"/api/v1/claims/{w.claim.slug}/", None),
        "claim PATCH": ("patch", f"/api/v1/claims/{w.claim.pk}/", {"verdict": "false"}),
        "claim PUT": ("put", f"/api/v1/claims/{w.claim.pk}/", {"text": "Reworded", "slug": "arms"}),
        "claim DELETE": ("delete", f"/api/v1/claims/{w.claim.pk}/", None),
        "history GET": ("get", f"/api/v1/claims/{w.claim.slug}/history/", None),
        "history POST": ("post", f"/api/v1/claims/{w.claim.slug}/history/", {}),
        "claimreview GET": ("get", f"/api/v1/claims/{w.claim.pk}/claimreview/", None),
        "sources list GET": ("get", "/api/v1/sources/", None),
        "sources list POST": (
            "post",
            "/api/v1/sources/",
            {"name": "Ukraine", "kind": "government", "aliases": ["Kyiv"]},
        ),
        "source GET": ("get", f"/api/v1/sources/{w.source.slug}/", None),
        "source PATCH": ("patch", f"/api/v1/sources/{w.source.pk}/", {"aliases": ["Moscow"]}),
        "source DELETE": ("delete", f"/api/v1/sources/{w.source.pk}/", None),
        "articles list GET": ("get", "/api/v1/articles/", None),
        "articles list POST": ("post", "/api/v1/articles/", {"url": "https://example.org/new"}),
        "article GET": ("get", f"/api/v1/articles/{w.article.pk}/", None),
        "article PATCH": ("patch", f"/api/v1/articles/{w.article.pk}/", {"title": "x"}),
        "ingest job GET": ("get", f"/api/v1/ingest-jobs/{w.job.pk}/", None),
        "stances list GET": ("get", "/api/v1/stances/", None),
        "stances list POST": ("post", "/api/v1/stances/", stance_body),
        "stance GET": ("get", f"/api/v1/stances/{w.confirmed.pk}/", None),
        "stance DELETE": ("delete", f"/api/v1/stances/{w.confirmed.pk}/", None),
        "stance confirm POST": (
            "post",
            f"/api/v1/stances/{w.suggested.pk}/confirm/",
            {"version": w.suggested.version},
        ),
        "stance reject POST": (
            "post",
            f"/api/v1/stances/{w.suggested.pk}/reject/",
            {"version": w.suggested.version, "note": "not a denial"},
        ),
        "annotation GET": ("get", f"/api/v1/stances/{w.confirmed.pk}/annotation/", None),
    }[case]


# Expected status for (consumer, reviewer, editor); anonymous is 401 and a user
# without a role 403 on every line.
MATRIX: dict[str, tuple[int, int, int]] = {
    "claims list GET": (200, 200, 200),
    "claims list POST": (403, 403, 201),
    "claim GET": (200, 200, 200),
    "claim PATCH": (403, 403, 200),
    "claim PUT": (403, 403, 200),
    "claim DELETE": (403, 403, 405),  # editors may delete in the admin, not over the API
    "history GET": (200, 200, 200),
    "history POST": (403, 403, 405),
    "claimreview GET": (200, 200, 200),
    "sources list GET": (200, 200, 200),
    "sources list POST": (403, 403, 201),
    "source GET": (200, 200, 200),
    "source PATCH": (403, 403, 200),
    "source DELETE": (403, 403, 405),
    "articles list GET": (200, 200, 200),
    "articles list POST": (403, 403, 202),
    "article GET": (200, 200, 200),
    "article PATCH": (403, 403, 405),  # articles are immutable snapshots
    "ingest job GET": (403, 200, 200),
    "stances list GET": (200, 200, 200),
    "stances list POST": (403, 201, 201),
    "stance GET": (200, 200, 200),
    "stance DELETE": (403, 403, 405),
    "stance confirm POST": (403, 200, 200),
    "stance reject POST": (403, 200, 200),
    "annotation GET": (200, 200, 200),
}

CASES = [
    (case, role, {"anonymous": 401, "nobody": 403}.get(role) or MATRIX[case][ROLES.index(role) - 2])
    for case in MATRIX
    for role in ROLES
]


@pytest.mark.parametrize(("case", "role", "expected"), CASES)
def test_each_role_gets_the_status_its_permissions_call_for(
    case, role, expected, world, client_for
):
    user = None
    if role != "anonymous":
        user = UserFactory(username=f"{role}-user", role=GROUPS.get(role))
    method, path, body = request_for(case, world)

    response = getattr(client_for(user), method)(path, body, format="json")

    assert response.status_code == expected, response.content
    if expected == 401:
        assert response["WWW-Authenticate"] == "Token"
    if expected >= 400:
        assert "detail" in response.json()
