"""Per-token request rates, one budget for reads and one for writes.

Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] ("read", "write"),
looked up on every request rather than at import, so override_settings in
tests (and a changed environment on restart) take effect.
"""

from __future__ import annotations

import hashlib
from typing import Any

from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """Counts requests per API token (per user for session logins), per scope.

    The scope is the view's ``throttle_scope`` if it names one, else "read"
    for GET/HEAD/OPTIONS and "write" for the rest.
    """

    scope_attr = "throttle_scope"

    def __init__(self) -> None:
        # The rate depends on the request's scope: chosen in allow_request.
        pass

    def get_rate(self) -> str | None:
        rates: dict[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        return rates.get(self.scope or "")

    def allow_request(self, request: Request, view: Any) -> bool:
        self.scope = getattr(view, self.scope_attr, None) or (
            "read" if request.method in SAFE_METHODS else "write"
        )
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if request.auth is not None and hasattr(request.auth, "key"):
            # The token itself is a secret: the cache sees only a digest of it.
            ident = "token:" + hashlib.sha256(request.auth.key.encode()).hexdigest()[:32]
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            # Behind no proxy and with no REMOTE_ADDR (a WSGI call in-process) there is no address.
            ident = "anon:" + (self.get_ident(request) or "unknown")
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def describe(self) -> str:
        """'60 read requests per minute', for the 429 message."""
        period = {1: "second", 60: "minute", 3600: "hour", 86400: "day"}.get(
            self.duration or 0, f"{self.duration} seconds"
        )
        return f"{self.num_requests} {self.scope} requests per {period}"
