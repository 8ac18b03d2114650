"""Writes on sources, feeds and articles: submitting URLs and text for ingestion, feeds."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from sources.jobs import ingest_job_publish
from sources.models import Feed, IngestJob, Outlet
from sources.tasks import feed_poll

logger = logging.getLogger(__name__)


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
        transaction.on_commit(lambda: feed_poll.delay(feed.pk, True))
    return feed
