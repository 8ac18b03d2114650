"""Editors submit an article by URL or pasted text: 202, a queued IngestJob and a URL to poll."""

from __future__ import annotations

import pytest

from sources.models import IngestJob

pytestmark = pytest.mark.django_db


def test_a_url_is_accepted_and_queued(editor_client, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        response = editor_client.post(
            "/api/v1/articles/", {"url": "https://example.org/story"}, format="json"
        )

    assert response.status_code == 202
    job = IngestJob.objects.get(pk=response.json()["id"])
    assert (job.kind, job.url, job.status, job.created_by) == (
        "url",
        "https://example.org/story",
        "queued",
        editor,
    )
    assert len(queued) == 1  # ingest_job_run.delay(job.pk), once the transaction commits
    assert response["Location"] == response.json()["url"]
    assert response.json()["url"].endswith(f"/api/v1/ingest-jobs/{job.pk}/")


def test_pasted_text_is_accepted_with_its_title_and_date(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        response = editor_client.post(
            "/api/v1/articles/",
            {"text": "Moscow denied it.", "title": "Briefing", "published_on": "2024-09-13"},
            format="json",
        )

    assert response.status_code == 202
    job = IngestJob.objects.get(pk=response.json()["id"])
    assert (job.kind, job.title, str(job.published_on)) == ("text", "Briefing", "2024-09-13")
    assert len(queued) == 1


def test_the_job_can_be_polled(editor_client):
    job_url = editor_client.post(
        "/api/v1/articles/", {"url": "https://example.org/poll"}, format="json"
    ).json()["url"]

    response = editor_client.get(job_url)

    assert response.status_code == 200
    assert response.json()["status"] == "queued"
    assert response.json()["article"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "ftp://example.org/x"}, "url"),
        ({"text": "Some text"}, "title"),
        ({"url": "https://example.org/x", "outlet": 999999}, "outlet"),
    ],
)
def test_incomplete_submissions_get_field_errors_and_queue_nothing(body, field, editor_client):
    response = editor_client.post("/api/v1/articles/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not IngestJob.objects.exists()
