"""PostgreSQL text cannot hold NUL: a page or paste carrying some is stored without them."""

import pytest

from sources.ingest import job_run
from sources.models import IngestJob
from sources.services import ingest_text_submit
from tests.ingest import pages
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db


def test_a_plain_text_page_with_nul_characters_is_stored_without_them(web):
    text = pages.seeds()["003"].text
    body = text.replace(". ", ".\x00 ").encode()
    web.add("/story.txt", body=body, content_type="text/plain; charset=utf-8")

    job = run_task(url_job(web.url("/story.txt")))

    assert job.status == IngestJob.Status.DONE, job.error
    assert "\x00" not in job.article.text
    assert " ".join(job.article.text.split()) == " ".join(text.split())


def test_pasted_text_with_nul_characters_is_stored_without_them(editor):
    job = ingest_text_submit(
        text="Kim met Shoigu in Pyongyang.\x00 " * 20, title="Talks", user=editor
    )
    job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == IngestJob.Status.DONE, job.error
    assert "\x00" not in job.article.text
