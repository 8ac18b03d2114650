"""Pages whose charset header is wrong or missing still come out as the right text."""

import pytest

from sources.ingest import job_run
from sources.models import IngestJob
from tests.ingest import pages
from tests.ingest.site import url_job

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "Le café de la place, où l’on parle de Pyongyang et de Moscou, était plein ce matin-là "
    "et les habitués commentaient la visite du ministre russe de la défense.",
    "« Personne ne sera surpris », disait un retraité, en évoquant les munitions que "
    "Washington accuse la Corée du Nord de livrer à la Russie depuis des mois.",
    "Le propriétaire, lui, préférait parler du prix du pain et de la météo de la saison.",
]


def page(url: str) -> str:
    return pages.article_page(
        title="Au café, la visite de Choïgou",
        paragraphs=PARAGRAPHS,
        url=url,
        site="Le Quotidien",
        date=pages.seeds()["000"].spec.date,
    )


def ingest(web, path: str, body: bytes, content_type: str) -> IngestJob:
    url = web.add(path, body=body, content_type=content_type)
    job = url_job(url)
    job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_utf8_served_as_latin1_is_read_as_utf8(web):
    url = web.url("/wrong-latin1")
    job = ingest(web, "/wrong-latin1", page(url).encode("utf-8"), "text/html; charset=iso-8859-1")
    assert job.status == IngestJob.Status.DONE
    assert "Le café de la place, où l’on parle" in job.article.text
    assert "Ã" not in job.article.text


def test_latin1_served_as_utf8_is_read_as_latin1(web):
    url = web.url("/wrong-utf8")
    body = page(url).replace("’", "'").encode("iso-8859-1")
    job = ingest(web, "/wrong-utf8", body, "text/html; charset=utf-8")
    assert job.status == IngestJob.Status.DONE
    assert "Le café de la place, où l'on parle" in job.article.text
    assert "\ufffd" not in job.article.text


def test_a_page_without_any_charset_is_read(web):
    url = web.url("/no-charset")
    body = page(url).replace('<meta charset="utf-8">', "").replace("’", "'").encode("cp1252")
    job = ingest(web, "/no-charset", body, "text/html")
    assert job.status == IngestJob.Status.DONE
    assert "« Personne ne sera surpris »" in job.article.text
