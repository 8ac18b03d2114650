"""Ingestion tasks: thin, keyed by ids, the work lives in services (filled in by the ingestion issue)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def ingest_job_run(job_id: int) -> None:
    """Run one IngestJob (URL or pasted text) to a stored article."""
    from sources.ingest import job_run

    job_run(job_id=job_id)
