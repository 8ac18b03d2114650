"""After an original is stored, claims.tasks.suggest_stances_for_article is queued on commit."""

import pytest
from kombu import Queue

from factcheck.celery import app
from sources.models import IngestJob
from tests.ingest import pages
from tests.ingest.site import FARM, REPUBLISHED_DATE, run_task, serve_seeds, url_job
from tests.ingest.worker import new_queue_name, purge, route_tasks_to, set_routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    name = new_queue_name()
    previous = route_tasks_to(name)
    with app.connection_for_write() as conn:
        Queue(name, routing_key=name).bind(conn.default_channel).declare()
    yield name
    purge(name)
    set_routes(previous)


def queued(name: str) -> list[tuple[str, list]]:
    """The tasks waiting on the queue (taken off it), as (task name, args)."""
    out = []
    with app.connection_for_write() as conn, conn.SimpleQueue(name) as q:
        while True:
            try:
                message = q.get(timeout=0.5)
            except q.Empty:
                return out
            out.append((message.headers["task"], message.payload[0]))
            message.ack()


def test_an_original_queues_suggestions_and_a_copy_does_not(
    web, queue, django_capture_on_commit_callbacks
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
    assert queued(queue) == [("claims.tasks.suggest_stances_for_article", [original.pk])]
    assert IngestJob.objects.filter(status=IngestJob.Status.DONE).count() == 2
