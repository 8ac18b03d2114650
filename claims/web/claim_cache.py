"""The claim page's timeline and chart, kept in process by the claim's history version.

Computing a busy claim's timeline and drawing its chart is most of the page's time;
both depend only on the claim's history (claims.selectors.claim_history_version covers
its stances, their articles and outlets, the sources and the claim), on how lanes are
grouped, on whether the reader is logged in (where a mark leads) and on today (where
the bands end). Kept by all of these, a change shows at once: it gives a new version.
As for the history API (claims/api/history_cache.py), nothing is kept while the latest
change is under LAST_MODIFIED_SETTLE old.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.db import connection
from django.utils import timezone

from claims.api.conditional import LAST_MODIFIED_SETTLE

CLAIM_PAGES_KEPT = 8


class KeptParts:
    """The last CLAIM_PAGES_KEPT computed parts, least recently used out first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


kept = KeptParts(CLAIM_PAGES_KEPT)


def claim_page_parts(
    *, claim_id: int, version: str, changed: dt.datetime, varies: tuple, compute: Callable[[], Any]
) -> Any:
    """``compute()``'s result for this claim version (and ``varies``), kept or computed."""
    key = (
        connection.alias,
        connection.settings_dict["NAME"],
        claim_id,
        version,
        timezone.localdate(),
        *varies,
    )
    found = kept.get(key)
    if found is not None:
        return found
    found = compute()
    if timezone.now() - changed >= LAST_MODIFIED_SETTLE:
        kept.put(key, found)
    return found
