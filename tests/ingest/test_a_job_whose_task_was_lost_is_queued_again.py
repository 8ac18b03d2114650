"""A job committed whose task never arrived (the process died between commit and publish,
the broker refused it) or died with its worker is sent again by the beat's sweep, once
per sweep, and failed with a reason after a bounded number of interruptions."""

import datetime as dt
import functools
import logging

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from sources.jobs import (
    MAX_INTERRUPTIONS,
    ingest_job_publish,
    ingest_jobs_requeue_stalled,
    retry_backoff_max,
    stalled_after,
)
from sources.models import Article, IngestJob
from sources.tasks import ingest_jobs_requeue_stalled as sweep_task
from tests.ingest.site import serve_seeds, url_job

STATUS = IngestJob.Status


def idle_for(job: IngestJob, seconds: float) -> IngestJob:
    """The job as it stands after `seconds` without news (update() leaves auto_now alone)."""
    IngestJob.objects.filter(pk=job.pk).update(
        updated_at=timezone.now() - dt.timedelta(seconds=seconds)
    )
    job.refresh_from_db()
    return job


def published(callbacks) -> list[int]:
    return [
        c.keywords["job_id"]
        for c in callbacks
        if isinstance(c, functools.partial) and c.func is ingest_job_publish
    ]


def test_the_threshold_is_the_visibility_timeout_plus_the_longest_backoff_plus_the_time_limit(
    settings,
):
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert stalled_after() == visibility + retry_backoff_max() + settings.CELERY_TASK_TIME_LIMIT

    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 120}
    settings.CELERY_TASK_TIME_LIMIT = 30
    assert stalled_after() == 120 + 89 + 30  # the backoff shrinks under a shorter timeout


def test_the_sweep_runs_on_the_beat_schedule():
    schedule = django_settings.CELERY_BEAT_SCHEDULE.values()
    assert "sources.tasks.ingest_jobs_requeue_stalled" in {entry["task"] for entry in schedule}


@pytest.mark.django_db
def test_only_jobs_quiet_for_longer_than_the_threshold_are_sent_again(
    django_capture_on_commit_callbacks, caplog
):
    limit = stalled_after()
    lost = idle_for(url_job("https://news.example.org/lost"), limit + 60)
    running = idle_for(url_job("https://news.example.org/running"), limit + 60)
    IngestJob.objects.filter(pk=running.pk).update(status=STATUS.RUNNING, attempts=1)
    waiting = idle_for(url_job("https://news.example.org/waiting"), limit - 60)
    done = idle_for(url_job("https://news.example.org/done"), limit * 10)
    IngestJob.objects.filter(pk=done.pk).update(status=STATUS.DONE)

    with django_capture_on_commit_callbacks() as callbacks, caplog.at_level(logging.INFO):
        requeued, gave_up = ingest_jobs_requeue_stalled()

    assert sorted(requeued) == sorted([lost.pk, running.pk]) == sorted(published(callbacks))
    assert gave_up == []
    lost.refresh_from_db()
    running.refresh_from_db()
    assert (lost.status, lost.error) == (
        STATUS.QUEUED,
        "interrupted 1 time (never picked up); re-queued",
    )
    assert (running.status, running.error) == (
        STATUS.QUEUED,
        "interrupted 1 time (worker lost); re-queued",
    )
    assert timezone.now() - lost.updated_at < dt.timedelta(seconds=limit)  # bumped
    waiting.refresh_from_db()
    done.refresh_from_db()
    assert (waiting.status, waiting.error) == (STATUS.QUEUED, "")
    assert (done.status, done.error) == (STATUS.DONE, "")
    assert any(
        f"ingest_job job={running.pk} stalled status_was=running" in r.getMessage()
        and "action=requeued" in r.getMessage()
        for r in caplog.records
    )


@pytest.mark.django_db
def test_a_second_sweep_right_after_sends_nothing_twice(django_capture_on_commit_callbacks):
    idle_for(url_job("https://news.example.org/lost"), stalled_after() + 60)

    with django_capture_on_commit_callbacks() as callbacks:
        first, _ = ingest_jobs_requeue_stalled()
        second, _ = ingest_jobs_requeue_stalled()

    assert len(first) == 1 and second == []
    assert len(published(callbacks)) == 1


@pytest.mark.django_db
def test_a_job_interrupted_again_and_again_is_given_up_with_the_reason(
    django_capture_on_commit_callbacks,
):
    job = idle_for(url_job("https://news.example.org/kills-its-worker"), 0)
    IngestJob.objects.filter(pk=job.pk).update(status=STATUS.RUNNING)
    now = timezone.now()

    with django_capture_on_commit_callbacks() as callbacks:
        for sweep in range(1, MAX_INTERRUPTIONS + 2):
            now += dt.timedelta(seconds=stalled_after() + 1)
            IngestJob.objects.filter(pk=job.pk).update(status=STATUS.RUNNING)  # ran, died
            ingest_jobs_requeue_stalled(now=now)

    job.refresh_from_db()
    assert len(published(callbacks)) == MAX_INTERRUPTIONS
    assert job.status == STATUS.FAILED
    assert job.error == f"interrupted {MAX_INTERRUPTIONS + 1} times (worker lost); gave up"


@pytest.mark.django_db
def test_a_job_run_too_many_times_is_given_up_even_if_its_count_was_overwritten():
    job = idle_for(url_job("https://news.example.org/flaky"), stalled_after() + 60)
    IngestJob.objects.filter(pk=job.pk).update(
        status=STATUS.RUNNING, attempts=20, error="attempt 19: HTTP 503; retrying"
    )

    requeued, gave_up = ingest_jobs_requeue_stalled()

    job.refresh_from_db()
    assert (requeued, gave_up) == ([], [job.pk])
    assert job.error == "interrupted 1 time (worker lost); gave up"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_sweep_and_then_the_lost_job(web, worker):
    urls = serve_seeds(web)
    # Committed, but its task was never sent: the process died right after the commit.
    job = idle_for(url_job(urls["003"]), stalled_after() + 60)
    worker.start()

    sweep_task.delay()

    worker.wait_until(
        lambda: IngestJob.objects.filter(pk=job.pk, status=STATUS.DONE).exists(),
        "the lost job done after the sweep",
    )
    job.refresh_from_db()
    assert job.error == ""
    assert job.attempts == 1
    assert Article.objects.filter(pk=job.article_id).exists()
    logs = "".join(path.read_text() for path in worker.log_dir.glob("worker-*.log"))
    assert f"ingest_job job={job.pk} stalled status_was=queued" in logs
