"""Webhook signatures: HMAC-SHA256 over the timestamp and the body, in Stripe's header scheme.

    Factcheck-Signature: t=1712345678,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

``v1`` is the hex HMAC-SHA256, keyed with the subscription's secret, of the timestamp,
a full stop and the raw body: ``f"{t}.{body}"``. Signing the timestamp lets a receiver
refuse an old message replayed (verify's ``tolerance``); a repeat delivery is signed
afresh with its own timestamp but carries the same idempotency key in its body and in
the ``Idempotency-Key`` header. A receiver compares in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Factcheck-Signature"
SCHEME = "v1"
# How old a signed message a receiver accepts by default (Stripe's libraries use 300 s).
DEFAULT_TOLERANCE = 300


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(*, secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},{SCHEME}={signature(secret=secret, timestamp=timestamp, body=body)}"


def signature_verify(
    *, secret: str, header: str, body: bytes, tolerance: int = DEFAULT_TOLERANCE
) -> bool:
    """What a receiver does (the README's receiver is this in ten lines)."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, parts.get(SCHEME, ""))
