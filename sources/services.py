"""Writes on sources, feeds and articles: submitting URLs and text for ingestion."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from sources.models import IngestJob, Outlet


def _queue(job: IngestJob) -> None:
    from sources.tasks import ingest_job_run

    transaction.on_commit(lambda: ingest_job_run.delay(job.pk))


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
