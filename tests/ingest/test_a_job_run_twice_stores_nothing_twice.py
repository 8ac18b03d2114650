"""A task delivered twice (acks_late after a crash) finds its work done."""

import pytest

from sources.ingest import job_run
from sources.models import Article
from tests.ingest.site import serve_seeds, url_job

pytestmark = pytest.mark.django_db


def test_running_a_done_job_again_does_nothing(web):
    job = url_job(serve_seeds(web)["000"])

    first = job_run(job_id=job.pk)
    second = job_run(job_id=job.pk)

    assert first == second
    assert Article.objects.count() == 1
    assert len(web.seen("/news/000")) == 1


def test_a_second_job_for_a_stored_url_does_not_fetch_it_again(web):
    url = serve_seeds(web)["000"]
    job_run(job_id=url_job(url).pk)

    again = job_run(job_id=url_job(url + "?utm_campaign=newsletter#comments").pk)

    assert again == Article.objects.get()
    assert len(web.seen("/news/000")) == 1


def test_a_job_whose_row_is_gone_returns_quietly():
    assert job_run(job_id=987654321) is None
