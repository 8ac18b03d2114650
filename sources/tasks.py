"""Ingestion tasks: thin, keyed by ids; the work lives in sources/ingest.py and sources/feeds.py.

Every task is safe to run twice (acks_late: a task whose worker died runs again).
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

logger = logging.getLogger(__name__)

# Transient failures (timeouts, 5xx, 429) are retried this many times, up to 15 s, 30 s,
# 60 s... apart (full jitter); then the job is marked failed with the reason. The longest
# countdown stays under the broker's visibility timeout (600 s): on Redis a task waiting
# for its countdown longer than that would be handed out a second time.
INGEST_MAX_RETRIES = 4
RETRY_BACKOFF_FACTOR = 15
RETRY_BACKOFF_MAX = 300


@shared_task(bind=True, acks_late=True, max_retries=INGEST_MAX_RETRIES)
def ingest_job_run(self, job_id: int) -> int | None:
    """Run one IngestJob (URL, feed item or pasted text) to a stored article; its id."""
    from sources.ingest import TransientIngestError, job_run

    try:
        article = job_run(job_id=job_id, final_attempt=self.request.retries >= self.max_retries)
    except TransientIngestError as exc:
        countdown = get_exponential_backoff_interval(
            RETRY_BACKOFF_FACTOR, self.request.retries, RETRY_BACKOFF_MAX, full_jitter=True
        )
        if exc.retry_after is not None:
            countdown = max(countdown, min(exc.retry_after, RETRY_BACKOFF_MAX))
        raise self.retry(exc=exc, countdown=countdown) from exc
    return article.pk if article is not None else None


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
