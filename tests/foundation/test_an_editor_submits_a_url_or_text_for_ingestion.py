"""The ingest job admin hands a pasted URL or text to the ingest services; the job is queued on commit."""

import datetime as dt

import pytest
from django.urls import reverse

from sources.models import IngestJob
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

ADD = "admin:sources_ingestjob_add"
EMPTY = {"url": "", "text": "", "title": "", "published_on": "", "outlet": ""}


def test_pasted_text_becomes_a_queued_text_job(client, editor, django_capture_on_commit_callbacks):
    outlet = OutletFactory(name="Reuters")
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(
            reverse(ADD),
            {
                **EMPTY,
                "text": "  Seoul says North Korean troops are fighting in Kursk.  ",
                "title": "Troops in Kursk",
                "published_on": "2025-01-03",
                "outlet": outlet.pk,
            },
        )
    assert response.status_code == 302
    job = IngestJob.objects.get()
    assert response["Location"] == reverse("admin:sources_ingestjob_changelist")
    assert (job.kind, job.status, job.created_by) == ("text", "queued", editor)
    assert (job.title, job.published_on, job.outlet) == (
        "Troops in Kursk",
        dt.date(2025, 1, 3),
        outlet,
    )
    assert job.text == "Seoul says North Korean troops are fighting in Kursk."
    assert len(queued) == 1  # sources.tasks.ingest_job_run, sent once the job is committed


def test_a_url_becomes_a_queued_url_job(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse(ADD), {**EMPTY, "url": "https://apnews.com/article/x"})
    assert response.status_code == 302
    job = IngestJob.objects.get()
    assert (job.kind, job.url, job.status) == ("url", "https://apnews.com/article/x", "queued")
    assert len(queued) == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Give a URL to fetch or paste the article text."),
        (
            {"url": "https://apnews.com/a", "text": "Some text"},
            "Give either a URL or pasted text, not both.",
        ),
        (
            {"url": "https://apnews.com/a", "title": "My title"},
            "A fetched page brings its own title and date",
        ),
    ],
)
def test_a_form_that_says_neither_or_both_is_refused(client, editor, data, error):
    client.force_login(editor)
    response = client.post(reverse(ADD), {**EMPTY, **data})
    assert response.status_code == 200
    assert error in response.context["adminform"].form.non_field_errors()[0]
    assert not IngestJob.objects.exists()


def test_pasted_text_needs_a_title(client, editor):
    client.force_login(editor)
    response = client.post(reverse(ADD), {**EMPTY, "text": "Some text"})
    assert response.context["adminform"].form.errors["title"] == ["Pasted text needs a title."]


def test_a_job_is_a_record_nobody_edits(client, editor):
    job = IngestJob.objects.create(
        kind="url", url="https://apnews.com/a", status="failed", error="HTTP 404"
    )
    client.force_login(editor)
    listing = client.get(reverse("admin:sources_ingestjob_changelist")).content.decode()
    assert "HTTP 404" in listing and "Failed" in listing
    page = client.get(reverse("admin:sources_ingestjob_change", args=[job.pk]))
    assert page.context["adminform"].form.fields == {}
