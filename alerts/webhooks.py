"""One webhook POST: the event's body, signed, through the one safe HTTP client.

sources.fetch.post holds the rules: no internal address (checked when connecting, so a
host that now resolves inside is refused), no redirect followed, a total time limit
(FACTCHECK_WEBHOOK_TIMEOUT) and at most FACTCHECK_WEBHOOK_RESPONSE_BYTES of the answer
read. A slow, huge or redirecting receiver costs a worker that much and no more.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from django.conf import settings

from alerts.models import Event
from alerts.payloads import event_body
from alerts.signing import SIGNATURE_HEADER, signature_header
from sources.fetch import parse_retry_after, post
from sources.fetch.errors import FetchError

IDEMPOTENCY_HEADER = "Idempotency-Key"
EVENT_HEADER = "Factcheck-Event"
DELIVERY_HEADER = "Factcheck-Delivery"


@dataclass(frozen=True)
class PostResult:
    ok: bool
    outcome: str  # in words, for the attempt log
    status_code: int | None = None
    excerpt: str = ""
    permanent: bool = False  # trying again cannot help (an internal address, a bad URL)
    retry_after: float | None = None


def webhook_headers(*, secret: str, event: Event, delivery_id: int, body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        IDEMPOTENCY_HEADER: str(event.key),
        EVENT_HEADER: event.type,
        DELIVERY_HEADER: str(delivery_id),
        SIGNATURE_HEADER: signature_header(secret=secret, body=body),
    }


def webhook_post(*, url: str, secret: str, event: Event, delivery_id: int) -> PostResult:
    body = event_body(event.payload)
    try:
        response = post(
            url,
            body=body,
            headers=webhook_headers(secret=secret, event=event, delivery_id=delivery_id, body=body),
            timeout=settings.FACTCHECK_WEBHOOK_TIMEOUT,
            max_bytes=settings.FACTCHECK_WEBHOOK_RESPONSE_BYTES,
        )
    except FetchError as exc:
        return PostResult(
            ok=False,
            outcome=exc.reason,
            permanent=not exc.transient,
            retry_after=exc.retry_after,
        )
    status = response.status
    excerpt = response.excerpt.decode("utf-8", "replace")
    if response.truncated:
        excerpt += " […]"
    phrase = httpx.codes.get_reason_phrase(status) or "answer"
    if 200 <= status < 300:
        return PostResult(
            ok=True, outcome=f"HTTP {status} {phrase}", status_code=status, excerpt=excerpt
        )
    if 300 <= status < 400:
        location = response.headers.get("location", "")[:300]
        outcome = f"HTTP {status} {phrase}: a redirect to {location or 'nowhere'}; webhooks follow no redirect"
    else:
        outcome = f"HTTP {status} {phrase}"
    return PostResult(
        ok=False,
        outcome=outcome,
        status_code=status,
        excerpt=excerpt,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
    )
