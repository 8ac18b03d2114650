"""Celery tasks of feeds and of the beat: thin, keyed by ids; the work lives in sources/feeds.py
and sources/jobs.py (which also holds the task that runs one ingest job).

Every task is safe to run twice (acks_late: a task whose worker died runs again).
"""

from __future__ import annotations

import logging

from celery import shared_task

from sources import feeds, jobs

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def ingest_jobs_requeue_stalled() -> int:
    """Beat: send again the jobs whose task was lost; fail those lost too often."""
    requeued, _ = jobs.ingest_jobs_requeue_stalled()
    return len(requeued)


@shared_task(acks_late=True)
def feed_poll(feed_id: int, force: bool = False) -> str | None:
    """Poll one feed if it is due; returns its new status line."""
    result = feeds.feed_poll(feed_id=feed_id, force=force)
    return result.status if result is not None else None


@shared_task(acks_late=True)
def feeds_poll_due() -> int:
    """Beat: queue a poll for each feed whose next_poll_at has come."""
    due = feeds.feeds_due()
    for feed_id in due:
        feed_poll.delay(feed_id)
    if due:
        logger.info("feeds_poll_due queued=%d feeds=%s", len(due), due)
    return len(due)
