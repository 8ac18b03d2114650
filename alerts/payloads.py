"""The body of an event, built once when the change is made and kept on the Event row.

Every delivery of an event sends the same bytes (event_body), so a repeat delivery is the
same message with the same idempotency key; only the signature's timestamp differs.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings

from alerts.models import EventType
from claims.models import Claim
from claims.signals import StanceState
from claims.web.links import at_quote_url, http_url
from sources.models import Article, Source
from sources.selectors import article_heavy_fields

# The payload format; a receiver can tell a later shape apart.
PAYLOAD_VERSION = 1


def site_url(path: str) -> str:
    return settings.FACTCHECK_SITE_URL.rstrip("/") + path


def _source(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"id": source.pk, "slug": source.slug, "name": source.name}


def _article(article_id: int) -> dict[str, Any] | None:
    article = (
        Article.objects.select_related("outlet")
        .defer(*article_heavy_fields())
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        return None
    return {
        "id": article.pk,
        "url": http_url(article.url) or None,
        "title": article.title,
        "outlet": article.outlet.name if article.outlet else None,
        "published_on": article.published_on.isoformat() if article.published_on else None,
    }


def statement(state: StanceState) -> dict[str, Any]:
    """The stance the event is about: position, date, the quote with its W3C anchor, the article."""
    article = _article(state.article_id)
    at_quote = ""
    if article and article["url"]:
        at_quote = at_quote_url(
            article["url"],
            exact=state.quote_exact,
            prefix=state.quote_prefix,
            suffix=state.quote_suffix,
        )
    return {
        "id": state.id,
        "status": state.status,
        "position": state.position,
        "stated_on": state.stated_on.isoformat(),
        "stated_on_precision": state.stated_on_precision,
        "attributed_via": state.attributed_via,
        "quote": {
            "exact": state.quote_exact,
            "prefix": state.quote_prefix,
            "suffix": state.quote_suffix,
            "start": state.quote_start,
            "end": state.quote_end,
        },
        "article": article,
        "url_at_quote": at_quote or None,
    }


def summary(
    *,
    type: str,
    claim: Claim | None,
    lane: Source | None,
    speaker: Source | None,
    before: str | None,
    after: str | None,
    change: str,
    state: StanceState | None,
) -> str:
    """One line for the digest, the feed and the admin."""
    said = state.position.replace("_", " ") if state else ""
    if type == EventType.POSITION_CHANGED:
        moved = f"{(before or '').replace('_', ' ')} → {(after or '').replace('_', ' ')}"
        return f"{lane}: {moved} ({change}) on “{claim}”"
    if type == EventType.STATEMENT_CONFIRMED:
        return f"New statement: {speaker} {said} “{claim}”"
    if type == EventType.SUGGESTION_FILED:
        return f"Waiting for review: {speaker} {said} “{claim}”"
    return "Test ping"


def event_payload(
    *,
    key: str,
    type: str,
    topics: list[str],
    cause: str,
    created_at: dt.datetime,
    claim: Claim | None = None,
    lane: Source | None = None,
    speaker: Source | None = None,
    before: str | None = None,
    after: str | None = None,
    change: str = "",
    state: StanceState | None = None,
) -> dict[str, Any]:
    return {
        "version": PAYLOAD_VERSION,
        "idempotency_key": key,
        "type": type,
        "topics": topics,
        "cause": cause,
        "created_at": created_at.isoformat(),
        "summary": summary(
            type=type,
            claim=claim,
            lane=lane,
            speaker=speaker,
            before=before,
            after=after,
            change=change,
            state=state,
        ),
        "claim": (
            {
                "id": claim.pk,
                "slug": claim.slug,
                "text": claim.text,
                "url": site_url(claim.get_absolute_url()),
            }
            if claim is not None
            else None
        ),
        "source": _source(lane),
        "speaker": _source(speaker),
        "position": {"before": before, "after": after, "change": change or None},
        "statement": statement(state) if state is not None else None,
    }


def event_body(payload: dict[str, Any]) -> bytes:
    """The bytes every delivery of the event sends (UTF-8 JSON, keys in a fixed order)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
