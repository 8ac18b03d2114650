"""After an original is stored, claims.tasks.suggest_stances_for_article is queued on commit."""

import pytest

from sources.models import IngestJob
from tests.ingest import pages
from tests.ingest.site import FARM, REPUBLISHED_DATE, run_task, serve_seeds, url_job
from tests.ingest.worker import queued

pytestmark = pytest.mark.django_db


def test_an_original_queues_suggestions_and_a_copy_does_not(
    web, task_queue, django_capture_on_commit_callbacks
):
    urls = serve_seeds(web)
    copy_url = web.url("/copy", FARM)
    web.add(
        "/copy",
        host=FARM,
        body=pages.republished_page(pages.seeds()["003"], copy_url, REPUBLISHED_DATE).encode(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        original = run_task(url_job(urls["003"])).article
    with django_capture_on_commit_callbacks(execute=True):
        copy = run_task(url_job(copy_url)).article

    assert copy.duplicate_of == original
    assert queued(task_queue) == [("claims.tasks.suggest_stances_for_article", [original.pk])]
    assert IngestJob.objects.filter(status=IngestJob.Status.DONE).count() == 2
