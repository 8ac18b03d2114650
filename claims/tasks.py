"""Claim tasks: thin, keyed by ids; the work lives in the claims/suggest/ package."""

from __future__ import annotations

from celery import shared_task

from claims.suggest import article_suggest


@shared_task(acks_late=True)
def suggest_stances_for_article(article_id: int) -> int:
    """Match an ingested article against active claims and file suggested stances.

    Returns the number of new suggestions. Queued on commit when ingestion stores an
    original (claims/receivers.py).
    """
    return article_suggest(article_id=article_id)
