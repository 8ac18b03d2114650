"""What a fetch raises: FetchError and its kinds, each with a reason written for the editor."""

from __future__ import annotations

import httpx
from django.conf import settings


class FetchError(Exception):
    """A fetch that did not produce a usable body. `reason` is written for the editor."""

    transient = False

    def __init__(self, reason: str, *, url: str = "", retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.retry_after = retry_after


class TransientFetchError(FetchError):
    """Worth trying again later: a timeout, a refused connection, a 5xx, a 429."""

    transient = True


class TotalTimeLimitError(TransientFetchError):
    def __init__(
        self, *, url: str = "", limit: float | None = None, what: str = "the fetch"
    ) -> None:
        limit = settings.FACTCHECK_FETCH_TOTAL_TIMEOUT if limit is None else limit
        super().__init__(f"{what} took longer than the total time limit ({limit:g} s)", url=url)


class HostBusyError(TransientFetchError):
    """The host's next free slot (its pause, its Crawl-delay) lies past this fetch's deadline."""


class InvalidURLError(FetchError):
    """A URL (given, or a redirect's Location) that cannot be parsed or requested."""


class BlockedAddressError(FetchError):
    pass


class BodyTooLargeError(FetchError):
    pass


class ContentTypeError(FetchError):
    pass


class RedirectError(FetchError):
    pass


class RobotsDisallowedError(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, status: int, *, url: str = "", retry_after: float | None = None) -> None:
        phrase = httpx.codes.get_reason_phrase(status) or "error"
        super().__init__(f"HTTP {status} {phrase}", url=url, retry_after=retry_after)
        self.status = status
        self.transient = status in {408, 425, 429, 500, 502, 503, 504}
