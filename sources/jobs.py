"""Ingest jobs on the queue: the task that runs one, its retry policy, sending it, and the
sweep that sends again the jobs whose task was lost.

This module sits below everything that queues a job (sources/services.py, sources/feeds.py,
the ingest command) and above what runs one (sources/ingest.py), so the task can be sent
from anywhere in sources without an import cycle; the beat and feed tasks that call back
into services and feeds live in sources/tasks.py.

Every task is safe to run twice (acks_late: a task whose worker died runs again).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import random
import re
from collections.abc import Callable

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sources.ingest import TransientIngestError, job_run
from sources.models import IngestJob, IngestStatus

logger = logging.getLogger(__name__)

# Transient failures (timeouts, 5xx, 429) are retried this many times, up to 15 s, 30 s,
# 60 s... apart (full jitter); then the job is marked failed with the reason.
INGEST_MAX_RETRIES = 4
RETRY_BACKOFF_FACTOR = 15
RETRY_BACKOFF_MAX = 300


def retry_backoff_max() -> float:
    """The longest retry countdown: RETRY_BACKOFF_MAX, or less if the broker needs it.

    On Redis a worker holds a task unacknowledged while it waits for its countdown and
    then runs it; held past the visibility timeout, the task is handed out a second time.
    So the countdown plus the task's time limit stays under the visibility timeout.
    """
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    return max(1.0, min(RETRY_BACKOFF_MAX, visibility - settings.CELERY_TASK_TIME_LIMIT - 1))


def stalled_after() -> float:
    """Seconds without news after which a queued or running job has lost its task.

    The longest a live job can stay silent: a worker holds its retry for at most the
    longest countdown and runs it within the task time limit; a worker that dies meanwhile
    has its task handed out again after the visibility timeout.
    """
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    return visibility + retry_backoff_max() + settings.CELERY_TASK_TIME_LIMIT


def _full_jitter(ceiling: float) -> float:
    # Spreads the retries of many jobs that failed together (a site down for everyone).
    return random.uniform(0, ceiling)


def retry_countdown(
    *,
    retries: int,
    retry_after: float | None = None,
    jitter: Callable[[float], float] = _full_jitter,
) -> float:
    """Seconds to wait before the next try, after `retries` retries.

    Exponential (15 s, 30 s, 60 s...), jittered, capped by retry_backoff_max(); never
    less than the server's Retry-After, within the same cap.
    """
    cap = retry_backoff_max()
    countdown = jitter(min(cap, RETRY_BACKOFF_FACTOR * 2.0 ** min(retries, 32)))
    if retry_after is not None:
        countdown = max(countdown, min(retry_after, cap))
    return countdown


# Named as it was when it lived in sources/tasks.py: queued messages and routes say so.
@shared_task(
    bind=True, acks_late=True, max_retries=INGEST_MAX_RETRIES, name="sources.tasks.ingest_job_run"
)
def ingest_job_run(self, job_id: int) -> int | None:
    """Run one IngestJob (URL, feed item or pasted text) to a stored article; its id."""
    try:
        article = job_run(job_id=job_id, final_attempt=self.request.retries >= self.max_retries)
    except TransientIngestError as exc:
        countdown = retry_countdown(retries=self.request.retries, retry_after=exc.retry_after)
        raise self.retry(exc=exc, countdown=countdown) from exc
    return article.pk if article is not None else None


def ingest_job_publish(*, job_id: int) -> None:
    """Send the job's task now (call it on commit); a broker that fails is logged, not raised."""
    try:
        ingest_job_run.delay(job_id)
    except Exception:
        # The job is committed; the editor's request must not fail for want of a broker.
        # ingest_jobs_requeue_stalled (below, run by beat) sends it again later.
        logger.exception(
            "ingest_job job=%s publish_failed (the stalled-job sweep re-queues it)", job_id
        )


# A job is sent again at most this many times after losing its task, then failed.
MAX_INTERRUPTIONS = 3
# Jobs looked at per sweep; the rest wait for the next one (beat runs it every 5 minutes).
STALLED_BATCH = 500
_INTERRUPTED = re.compile(r"^interrupted (\d+) times?\b")


def ingest_jobs_requeue_stalled(*, now: dt.datetime | None = None) -> tuple[list[int], list[int]]:
    """Send again the jobs whose task was lost; returns (re-queued ids, given-up ids).

    A job is committed before its task is sent (on commit): a process that dies in
    between, or a broker that refuses the message, leaves it queued with no task; a task
    lost with its worker in a way the broker does not redeliver leaves it running. Either
    way nothing moves it again. A job quiet for longer than any live one can be
    (stalled_after) is sent again, or failed once it has been interrupted more than
    MAX_INTERRUPTIONS times (a page that kills its worker every time must not loop).

    Locking: the stalled rows are held FOR UPDATE SKIP LOCKED while their updated_at is
    bumped to `now`, so two sweeps at once never send one job twice. Running the job
    twice would be harmless anyway (job_run is idempotent), only wasteful.
    """
    now = now or timezone.now()
    idle = stalled_after()
    requeued: list[int] = []
    gave_up: list[int] = []
    with transaction.atomic():
        stalled = list(
            IngestJob.objects.select_for_update(skip_locked=True)
            .filter(
                status__in=[IngestStatus.QUEUED, IngestStatus.RUNNING],
                updated_at__lt=now - dt.timedelta(seconds=idle),
            )
            .order_by("updated_at")[:STALLED_BATCH]
        )
        for job in stalled:
            counted = _INTERRUPTED.match(job.error)
            times = (int(counted.group(1)) if counted else 0) + 1
            why = "worker lost" if job.status == IngestStatus.RUNNING else "never picked up"
            plural = "s" if times > 1 else ""
            # The count lives in the error text, which a retry overwrites: the number of
            # runs (attempts) bounds the loop all the same.
            if times > MAX_INTERRUPTIONS or job.attempts > INGEST_MAX_RETRIES + MAX_INTERRUPTIONS:
                status, error = (
                    IngestStatus.FAILED,
                    f"interrupted {times} time{plural} ({why}); gave up",
                )
                gave_up.append(job.pk)
            else:
                status, error = (
                    IngestStatus.QUEUED,
                    f"interrupted {times} time{plural} ({why}); re-queued",
                )
                requeued.append(job.pk)
                transaction.on_commit(functools.partial(ingest_job_publish, job_id=job.pk))
            IngestJob.objects.filter(pk=job.pk).update(status=status, error=error, updated_at=now)
            logger.warning(
                "ingest_job job=%s stalled status_was=%s idle_seconds=%d attempts=%d "
                "interruptions=%d action=%s",
                job.pk,
                job.status,
                (now - job.updated_at).total_seconds(),
                job.attempts,
                times,
                "gave_up" if status == IngestStatus.FAILED else "requeued",
            )
    if stalled:
        logger.info(
            "ingest_jobs_requeue_stalled requeued=%d gave_up=%d threshold_seconds=%d",
            len(requeued),
            len(gave_up),
            idle,
        )
    return requeued, gave_up
