"""Conditional GET (RFC 9110) for answers that are costly to render: an ETag from what the
answer depends on, a Last-Modified only once it can be honest, and a 304 when the client's
copy is current."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

# A Last-Modified names a whole second, so a change later in that same second
# would look unmodified to a client sending it back in If-Modified-Since. No
# Last-Modified is sent (and If-Modified-Since is not trusted) until the latest
# change is this old: by then its second can receive no more changes. Two
# seconds leave room for a commit landing after its timestamp was taken.
LAST_MODIFIED_SETTLE = dt.timedelta(seconds=2)


def settled_last_modified(changed: dt.datetime) -> dt.datetime | None:
    """``changed`` as a Last-Modified, or None while it is less than LAST_MODIFIED_SETTLE
    old (or ahead of this server's clock)."""
    if timezone.now() - changed < LAST_MODIFIED_SETTLE:
        return None
    return changed


def not_modified(request: Request, *, etag: str, last_modified: dt.datetime | None) -> bool:
    """RFC 9110 conditional GET: If-None-Match, when sent, decides alone; If-Modified-Since
    counts only where a Last-Modified is given."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        tags = parse_etags(if_none_match)
        # Weak comparison: W/"x" matches "x".
        return "*" in tags or etag in {t.removeprefix("W/") for t in tags}
    if last_modified is None:
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    # Whole seconds, as HTTP dates are; the settle time makes that safe.
    return since is not None and int(last_modified.timestamp()) <= since


def conditional_response(
    request: Request,
    *,
    depends_on: Iterable[str],
    last_modified: dt.datetime | None,
    render: Callable[[str], Any],
) -> Response:
    """A 304 when the client's copy is current, else ``render(etag)``'s data; with the ETag
    (a hash of ``depends_on``) and the Last-Modified (when given) either way.

    Clients may keep the answer but must ask again (cheaply, with If-None-Match).
    """
    etag = quote_etag(hashlib.sha256("|".join(depends_on).encode()).hexdigest()[:32])
    headers = {"ETag": etag}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified.timestamp())
    if not_modified(request, etag=etag, last_modified=last_modified):
        response = Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
    else:
        response = Response(render(etag), headers=headers)
    patch_cache_control(response, private=True, no_cache=True)
    return response
