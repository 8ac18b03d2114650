"""Ingestion tasks: thin, keyed by ids; the work lives in sources/ingest.py and sources/feeds.py.

Every task is safe to run twice (acks_late: a task whose worker died runs again).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable

from celery import shared_task
from django.conf import settings

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


@shared_task(bind=True, acks_late=True, max_retries=INGEST_MAX_RETRIES)
def ingest_job_run(self, job_id: int) -> int | None:
    """Run one IngestJob (URL, feed item or pasted text) to a stored article; its id."""
    from sources.ingest import TransientIngestError, job_run

    try:
        article = job_run(job_id=job_id, final_attempt=self.request.retries >= self.max_retries)
    except TransientIngestError as exc:
        countdown = retry_countdown(retries=self.request.retries, retry_after=exc.retry_after)
        raise self.retry(exc=exc, countdown=countdown) from exc
    return article.pk if article is not None else None


@shared_task(acks_late=True)
def ingest_jobs_requeue_stalled() -> int:
    """Beat: send again the jobs whose task was lost; fail those lost too often."""
    from sources.services import ingest_jobs_requeue_stalled as sweep

    requeued, _ = sweep()
    return len(requeued)


@shared_task(acks_late=True)
def feed_poll(feed_id: int, force: bool = False) -> str | None:
    """Poll one feed if it is due; returns its new status line."""
    from sources.feeds import feed_poll as poll

    result = poll(feed_id=feed_id, force=force)
    return result.status if result is not None else None


@shared_task(acks_late=True)
def feeds_poll_due() -> int:
    """Beat: queue a poll for each feed whose next_poll_at has come."""
    from sources.feeds import feeds_due

    due = feeds_due()
    for feed_id in due:
        feed_poll.delay(feed_id)
    if due:
        logger.info("feeds_poll_due queued=%d feeds=%s", len(due), due)
    return len(due)
