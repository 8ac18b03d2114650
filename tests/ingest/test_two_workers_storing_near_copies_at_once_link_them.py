"""Two real Celery workers store a story and a spun copy of it at the same moment: the copy
is linked to the original. Each worker's lookup goes to the shared band table (no worker has
an index of its own), and the band locks make the second store wait for the first's commit,
so neither misses the other."""

import threading

import pytest

from sources.jobs import ingest_job_run
from sources.models import Article, ArticleBand, IngestJob
from tests.ingest.site import FARM, NEWSROOM, seed_path, serve_copies, serve_seeds

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SPUN_PATH = "/world/asia/shoigu-kim-pyongyang-talks"  # seed 002, spun (tests/ingest/site.py)


def test_a_story_and_its_spun_copy_stored_at_once_by_two_workers_are_linked(web, worker):
    original_url = serve_seeds(web)["002"]
    serve_copies(web)
    spun_url = web.url(SPUN_PATH, FARM)
    release = threading.Event()
    web.routes[(NEWSROOM, seed_path("002"))].hold = release
    web.routes[(FARM, SPUN_PATH)].hold = release
    worker.start()
    worker.start()

    jobs = []
    for url, path, host in (
        (original_url, seed_path("002"), NEWSROOM),
        (spun_url, SPUN_PATH, FARM),
    ):
        job = IngestJob.objects.create(kind=IngestJob.Kind.URL, url=url)
        ingest_job_run.delay(job.pk)
        jobs.append(job)
        # The worker that took it waits in the fetch; the other worker takes the next job.
        web.wait_for_request(path)
    assert web.seen(seed_path("002"), NEWSROOM) and web.seen(SPUN_PATH, FARM)
    release.set()  # both pages answered at once: both workers extract and store together

    worker.wait_until(
        lambda: IngestJob.objects.filter(status=IngestJob.Status.DONE).count() == 2,
        "both jobs done",
    )
    original = Article.objects.get(canonical_url=original_url)
    spun = Article.objects.get(canonical_url=spun_url)
    assert original.duplicate_of is None
    assert spun.duplicate_of == original
    assert spun.duplicate_kind == "spun"
    assert ArticleBand.objects.filter(article=original).count() == 51
    assert ArticleBand.objects.filter(article=spun).count() == 51
    # One job each: the two stores really ran in two processes.
    for log in sorted(worker.log_dir.glob("worker-*.log")):
        ran = [line for line in log.read_text(errors="replace").splitlines() if "succeeded" in line]
        assert len([line for line in ran if "ingest_job_run" in line]) == 1, worker.logs()
