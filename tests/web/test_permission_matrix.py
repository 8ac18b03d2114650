"""Each role, each web page, each method: the status its permissions call for, and suggested
stances only for those who review them (the API's rule, claims.roles.may_review).

Anonymous readers are sent to log in. A user with no role and an API consumer read every
page except the review queue (403), may not act (403), and see confirmed stances only:
no suggested quote on an article, no waiting count, no queue link. Reviewers and editors
see and do everything. tests/api/test_permission_matrix.py holds the API to the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse

from claims.models import Claim, Stance
from sources.models import Article
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "consumer", "reviewer", "editor"]
GROUPS = {"consumer": "API consumers", "reviewer": "Reviewers", "editor": "Editors"}
DENIAL = "Pyongyang has denied it."


@dataclass
class World:
    claim: Claim
    article: Article
    confirmed: Stance
    suggested: Stance


@pytest.fixture
def world(db) -> World:
    claim = ClaimFactory(text="Ammunition goes from Pyongyang to Moscow", slug="arms")
    article = ArticleFactory(title="Shipments reported")
    confirmed = StanceFactory(
        claim=claim, source=SourceFactory(name="United States"), article=article
    )
    suggested = StanceFactory(
        claim=claim,
        source=SourceFactory(name="KCNA"),
        article=article,
        position="denies",
        status="suggested",
        reviewed_at=None,
        quote_exact=DENIAL,
        quote_start=article.text.index(DENIAL),
    )
    return World(claim, article, confirmed, suggested)


def request_for(case: str, w: World) -> tuple[str, str, dict]:
    """(method, path, form data) of each case."""
    review = {"version": w.suggested.version}
    edit = {
        "version": w.suggested.version,
        "source": "KCNA",
        "position": "hedges",
        "stated_on": "2023-07-26",
        "stated_on_precision": "day",
    }
    filing = {
        "claim": w.claim.pk,
        "source": "United States",
        "position": "asserts",
        "stated_on": "2023-07-26",
        "stated_on_precision": "day",
        "quote_exact": "Moscow declined to comment on the report.",
    }
    return {
        "login GET": ("get", reverse("login"), {}),
        "home GET": ("get", reverse("home"), {}),
        "claim GET": ("get", reverse("claim-detail", args=[w.claim.slug]), {}),
        "articles GET": ("get", reverse("article-list"), {}),
        "article GET": ("get", reverse("article-detail", args=[w.article.pk]), {}),
        "source lookup GET": ("get", reverse("source-lookup"), {"q": "kcna"}),
        "review queue GET": ("get", reverse("review-queue"), {}),
        "stance edit GET": ("get", reverse("stance-edit", args=[w.suggested.pk]), {}),
        "stance edit POST": ("post", reverse("stance-edit", args=[w.suggested.pk]), edit),
        "stance confirm POST": ("post", reverse("stance-confirm", args=[w.suggested.pk]), review),
        "stance reject POST": ("post", reverse("stance-reject", args=[w.suggested.pk]), review),
        "file a stance POST": (
            "post",
            reverse("article-stance-create", args=[w.article.pk]),
            filing,
        ),
    }[case]


# Expected status for (anonymous, nobody, consumer, reviewer, editor); 302 for anonymous is the
# way to the login page, 302 for reviewers and editors the way back after a done action.
MATRIX: dict[str, tuple[int, int, int, int, int]] = {
    "login GET": (200, 200, 200, 200, 200),
    "home GET": (302, 200, 200, 200, 200),
    "claim GET": (302, 200, 200, 200, 200),
    "articles GET": (302, 200, 200, 200, 200),
    "article GET": (302, 200, 200, 200, 200),
    "source lookup GET": (302, 200, 200, 200, 200),
    "review queue GET": (302, 403, 403, 200, 200),
    "stance edit GET": (302, 403, 403, 200, 200),
    "stance edit POST": (302, 403, 403, 302, 302),
    "stance confirm POST": (302, 403, 403, 302, 302),
    "stance reject POST": (302, 403, 403, 302, 302),
    "file a stance POST": (302, 403, 403, 302, 302),
}

CASES = [(case, role, MATRIX[case][ROLES.index(role)]) for case in MATRIX for role in ROLES]


def user_for(role: str):
    if role == "anonymous":
        return None
    user = UserFactory(username=f"{role}-user", role=GROUPS.get(role))
    user.save()  # the factory saves the password only along with a role
    return user


@pytest.mark.parametrize(("case", "role", "expected"), CASES)
def test_each_role_gets_the_status_its_permissions_call_for(
    case, role, expected, world, client_for
):
    method, path, data = request_for(case, world)

    response = getattr(client_for(user_for(role)), method)(path, data)

    assert response.status_code == expected, response.content[:500]
    if role == "anonymous" and expected == 302:
        assert response["Location"].startswith(reverse("login") + "?next=")


def test_a_refused_action_changes_nothing(world, client_for):
    for role in ("nobody", "consumer"):
        client = client_for(user_for(role))
        for case in ("stance edit POST", "stance confirm POST", "stance reject POST"):
            _, path, data = request_for(case, world)
            client.post(path, data)
        _, path, data = request_for("file a stance POST", world)
        client.post(path, data)
    world.suggested.refresh_from_db()
    assert (world.suggested.status, world.suggested.position) == ("suggested", "denies")
    assert Stance.objects.count() == 2


# What of the suggested stance each page would show a reviewer.
SUGGESTED_ON = {
    "home GET": ['id="review-count"', "waiting for review"],
    "articles GET": ["+1 suggested"],
    "article GET": ["KCNA", "(suggested)", "<em>suggested</em>"],
}


def suggested_marks(case: str, w: World) -> list[str]:
    marks = [f'href="{reverse("review-queue")}"', *SUGGESTED_ON.get(case, [])]
    if case == "article GET":
        marks.append(f'id="stance-{w.suggested.pk}"')
    return marks


READ_PAGES = ["home GET", "claim GET", "articles GET", "article GET"]


@pytest.mark.parametrize("case", READ_PAGES)
@pytest.mark.parametrize("role", ["nobody", "consumer"])
def test_readers_who_do_not_review_see_confirmed_stances_only(case, role, world, client_for):
    _, path, _ = request_for(case, world)

    page = client_for(user_for(role)).get(path).content.decode()

    for mark in suggested_marks(case, world):
        assert mark not in page, mark
    assert "KCNA" not in page
    if case in ("claim GET", "article GET"):
        assert "The United States says" in page  # the confirmed stance's quote is there


@pytest.mark.parametrize("case", READ_PAGES)
@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_reviewers_and_editors_see_suggested_stances_where_they_review_them(
    case, role, world, client_for
):
    _, path, _ = request_for(case, world)

    page = client_for(user_for(role)).get(path).content.decode()

    for mark in suggested_marks(case, world):
        assert mark in page, mark
    if case == "claim GET":
        # The timeline is a record of confirmed statements, for every reader.
        assert "KCNA" not in page


@pytest.mark.parametrize("case", ["home GET", "claim GET"])
def test_public_claim_pages_show_anonymous_readers_confirmed_stances_only(
    case, world, client, settings
):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    _, path, _ = request_for(case, world)

    page = client.get(path).content.decode()

    for mark in suggested_marks(case, world):
        assert mark not in page, mark
    assert "KCNA" not in page
