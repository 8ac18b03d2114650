"""Malformed input gets a 4xx in DRF's format (detail, or field errors), never a 500."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(db):
    claim = ClaimFactory(slug="arms")
    StanceFactory(claim=claim)
    return claim


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"as_of": "yesterday"}, "as_of"),
        ({"as_of": "2024-13-45T99:00:00"}, "as_of"),
        ({"as_of": "9999-12-31T23:59:59-14:00"}, "as_of"),
        ({"since": "2024-02-30"}, "since"),
        ({"since": "\x00"}, "since"),
        ({"source": "no-such-source"}, "source"),
        ({"source": "a b\x00c"}, "source"),
        ({"group_by": "everything"}, "group_by"),
    ],
)
def test_bad_history_parameters_get_field_errors(params, field, claim, consumer_client):
    response = consumer_client.get("/api/v1/claims/arms/history/", params)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert isinstance(response.json()[field], list)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/0/",
        "/api/v1/claims/-1/",
        "/api/v1/claims/99999999999999999999999/",
        "/api/v1/claims/no%20such/",
        "/api/v1/claims/%00/history/",
        "/api/v1/claims/%E2%98%83/claimreview/",
        "/api/v1/sources/9223372036854775808/",
        "/api/v1/stances/99999999999999999999/",
        "/api/v1/stances/99999999999999999999/annotation/",
        "/api/v1/articles/abc/",
        "/api/v1/nothing-here/",
        "/api/v1/claims",
    ],
)
def test_bad_ids_and_unknown_paths_get_a_json_404(path, claim, consumer_client):
    response = consumer_client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()) == ["detail"]


def test_a_path_without_its_slash_says_where_the_endpoint_is(consumer_client):
    response = consumer_client.get("/api/v1/claims")

    assert "Did you mean /api/v1/claims/ ?" in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"status": "maybe"},
        {"position": "shrugs"},
        {"q": "x" * 500},
        {"tag": "\x00"},
        {"source": "nobody"},
    ],
)
def test_bad_list_filters_get_field_errors(params, claim, consumer_client):
    response = consumer_client.get("/api/v1/claims/", params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_a_bad_cursor_gets_a_404_with_a_detail(claim, consumer_client):
    response = consumer_client.get("/api/v1/claims/", {"cursor": "garbage"})

    assert response.status_code == 404
    assert "cursor" in response.json()["detail"]


def test_bad_json_gets_a_parse_error(editor_client):
    response = editor_client.generic(
        "POST", "/api/v1/claims/", '{"text": "unfinished', content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_a_form_body_gets_415(editor_client):
    response = editor_client.post("/api/v1/claims/", {"text": "x"}, format="multipart")

    assert response.status_code == 415
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ([], {"non_field_errors"}),
        ({"claim": True, "source": [], "article": "one"}, {"claim", "source", "article"}),
        ({"claim": 10**30, "source": "x\x00y", "article": 10**30}, {"claim", "source", "article"}),
        ({"position": "shrugs", "stated_on": "2024-02-30"}, {"position", "stated_on"}),
        ({"quote_start": -1, "confidence": 7}, {"quote_start", "confidence"}),
        ({"status": "rejected"}, {"status"}),
    ],
)
def test_wrong_types_in_a_stance_get_field_errors(body, fields, reviewer_client):
    response = reviewer_client.post("/api/v1/stances/", body, format="json")

    assert response.status_code == 400
    assert fields <= set(response.json())


def test_a_quote_not_in_the_article_is_refused_with_a_field_error(reviewer_client):
    claim, source, article = ClaimFactory(), SourceFactory(), ArticleFactory()

    response = reviewer_client.post(
        "/api/v1/stances/",
        {
            "claim": claim.pk,
            "source": source.slug,
            "article": article.pk,
            "position": "asserts",
            "stated_on": "2024-09-13",
            "quote_exact": "Pyongyang admitted everything.",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"quote_exact": ["The quote is not in the article text."]}


def test_a_quote_at_the_wrong_position_is_refused(reviewer_client):
    claim, source, article = ClaimFactory(), SourceFactory(), ArticleFactory()

    response = reviewer_client.post(
        "/api/v1/stances/",
        {
            "claim": claim.pk,
            "source": source.pk,
            "article": article.pk,
            "position": "denies",
            "stated_on": "2024-09-13",
            "quote_exact": "Pyongyang has denied it.",
            "quote_start": 3,
        },
        format="json",
    )

    assert response.status_code == 400
    assert "is not the article text at 3.." in response.json()["quote_exact"][0]


@pytest.mark.parametrize(
    "body",
    [{}, {"version": "one"}, {"version": 0}, {"version": 10**20}, {"version": None}],
)
def test_a_review_without_a_usable_version_gets_a_field_error(body, reviewer_client):
    stance = StanceFactory(status="suggested", reviewed_at=None)

    response = reviewer_client.post(f"/api/v1/stances/{stance.pk}/confirm/", body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["version"]


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "x" * 501},
        {"text": "ok", "slug": "123"},
        {"text": "ok", "slug": "not a slug"},
        {"text": "ok", "tags": "not-a-list"},
        {"text": "ok", "tags": ["x" * 51]},
        {"text": "ok", "verdict": "probably"},
        {"text": "ok", "status": 3},
        {"text": "ok", "slug": "arms"},
    ],
)
def test_bad_claims_get_field_errors(body, claim, editor_client):
    response = editor_client.post("/api/v1/claims/", body, format="json")

    assert response.status_code == 400
    assert set(response.json()) <= set(body) | {"non_field_errors"}


@pytest.mark.parametrize("endpoint", ["/api/v1/claims/", "/api/v1/stances/", "/api/v1/articles/"])
@pytest.mark.parametrize(
    "cursor",
    [
        "cD1hYmM=",  # p=abc
        "cD0lMDA=",  # p=%00
        "cD0xZTk5OQ==",  # p=1e999
        "cj0xJnA9eA==",  # r=1&p=x
        "not base64 at all",
    ],
)
def test_a_tampered_cursor_is_a_404_with_a_message(endpoint, cursor, claim, consumer_client):
    response = consumer_client.get(endpoint, {"cursor": cursor})

    assert response.status_code in (400, 404)
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", ["/api/v1/claims/", "/api/v1/articles/", "confirm"])
def test_deeply_nested_json_is_a_400(endpoint, claim, editor, client_for):
    if endpoint == "confirm":
        endpoint = f"/api/v1/stances/{claim.stances.get().pk}/confirm/"
    response = client_for(editor).post(
        endpoint, "[" * 1000 + "]" * 1000, content_type="application/json"
    )

    assert response.status_code == 400
    assert "nested deeper than" in response.json()["detail"]
