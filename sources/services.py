"""Writes on sources, feeds and articles: submitting URLs and text for ingestion, feeds."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from sources.models import Feed, IngestJob, IngestStatus, Outlet

logger = logging.getLogger(__name__)


def ingest_job_publish(*, job_id: int) -> None:
    """Send the job's task now (call it on commit); a broker that fails is logged, not raised."""
    from sources.tasks import ingest_job_run

    try:
        ingest_job_run.delay(job_id)
    except Exception:
        # The job is committed; the editor's request must not fail for want of a broker.
        # sources.tasks.ingest_jobs_requeue_stalled sends it again later.
        logger.exception(
            "ingest_job job=%s publish_failed (the stalled-job sweep re-queues it)", job_id
        )


def _queue(job: IngestJob) -> None:
    transaction.on_commit(lambda: ingest_job_publish(job_id=job.pk))


def ingest_url_submit(*, url: str, user: Any = None, outlet: Outlet | None = None) -> IngestJob:
    """Queue the fetch and extraction of one article URL; the job tells how it went."""
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.URL,
        url=url,
        outlet=outlet,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    _queue(job)
    return job


def ingest_text_submit(
    *,
    text: str,
    title: str,
    published_on: dt.date | None = None,
    outlet: Outlet | None = None,
    url: str = "",
    user: Any = None,
) -> IngestJob:
    """Queue pasted text (no HTML) with the editor's title, date and outlet.

    NUL characters are dropped: PostgreSQL text cannot hold them, and they carry nothing.
    """
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.TEXT,
        text=text.replace("\x00", ""),
        title=title.replace("\x00", ""),
        published_on=published_on,
        outlet=outlet,
        url=url,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    _queue(job)
    return job


def feed_enable(*, feed: Feed, poll_now: bool = False) -> Feed:
    """Enable a feed with a clean slate, and with `poll_now` queue a poll on commit.

    A feed disabled after N failures in a row keeps its count, its reason and its backoff;
    enabled as it stood, its next failure would disable it again at once. The last status
    and error stay, as the record of what went wrong.
    """
    Feed.objects.filter(pk=feed.pk).update(
        enabled=True, consecutive_failures=0, disabled_reason="", next_poll_at=timezone.now()
    )
    feed.refresh_from_db(
        fields=["enabled", "consecutive_failures", "disabled_reason", "next_poll_at"]
    )
    logger.info("feed_enabled feed=%s poll_now=%s", feed.pk, poll_now)
    if poll_now:
        from sources.tasks import feed_poll

        transaction.on_commit(lambda: feed_poll.delay(feed.pk, True))
    return feed


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
    (tasks.stalled_after) is sent again, or failed once it has been interrupted more than
    MAX_INTERRUPTIONS times (a page that kills its worker every time must not loop).

    Locking: the stalled rows are held FOR UPDATE SKIP LOCKED while their updated_at is
    bumped to `now`, so two sweeps at once never send one job twice. Running the job
    twice would be harmless anyway (job_run is idempotent), only wasteful.
    """
    from sources.tasks import INGEST_MAX_RETRIES, stalled_after

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
