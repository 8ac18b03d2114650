"""Rendered history bodies, kept by the ETag the endpoint computes anyway.

An unchanged history is answered with the bytes rendered last time: the request
runs the same queries as a 304 (the version, for the ETag) and then reads the body
from a per-process LRU (HISTORY_LRU_BYTES in all, none over HISTORY_LRU_MAX_BODY),
else from Django's cache (shared by the processes), else renders it and keeps it.

The key is ``history:<database alias>:<database name>:<ETag>``; the ETag covers the
format, the claim, its version, as_of, since, source and group_by, so a change to
anything the history shows gives a new key. A history whose latest change is under
LAST_MODIFIED_SETTLE old is not kept: a transaction committing later with an earlier
timestamp could still change it without moving the version (the reason Last-Modified
waits too). FACTCHECK_HISTORY_CACHE_SECONDS (default 3600) is how long Django's cache
keeps a body; 0 turns the cache off.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from claims.api.conditional import LAST_MODIFIED_SETTLE

HISTORY_LRU_BYTES = 64 * 1024 * 1024
HISTORY_LRU_MAX_BODY = 16 * 1024 * 1024


class BytesLRU:
    """Least recently used bodies first out, within a total size."""

    def __init__(self, *, max_bytes: int, max_item: int) -> None:
        self.max_bytes = max_bytes
        self.max_item = max_item
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        if len(body) > self.max_item:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._items[key] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


bodies = BytesLRU(max_bytes=HISTORY_LRU_BYTES, max_item=HISTORY_LRU_MAX_BODY)


def cache_seconds() -> int:
    return int(getattr(settings, "FACTCHECK_HISTORY_CACHE_SECONDS", 3600))


def history_key(etag: str) -> str:
    return f"history:{connection.alias}:{connection.settings_dict['NAME']}:{etag}"


def cached_body(*, etag: str, changed: dt.datetime, render: Callable[[], bytes]) -> bytes:
    """The history's body for ``etag``: kept from before, or ``render()``ed (and kept
    when the cache is on and the latest change, ``changed``, has settled)."""
    seconds = cache_seconds()
    if seconds <= 0:
        return render()
    key = history_key(etag)
    body = bodies.get(key)
    if body is not None:
        return body
    body = cache.get(key)
    if isinstance(body, bytes):
        bodies.put(key, body)
        return body
    body = render()
    if timezone.now() - changed >= LAST_MODIFIED_SETTLE:
        bodies.put(key, body)
        cache.set(key, body, seconds)
    return body
