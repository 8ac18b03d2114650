"""Politeness: robots.txt is honoured (RFC 9309, parsed by Protego) and requests to one
host are spaced out (sources/throttle.py), at least its Crawl-delay apart; a host whose next
free slot lies past the fetch's deadline is tried later (HostBusyError, with retry_after).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from protego import Protego

from sources.fetch.errors import (
    BodyTooLargeError,
    ContentTypeError,
    HostBusyError,
    HTTPStatusError,
    RobotsDisallowedError,
    TransientFetchError,
)
from sources.throttle import HostBusy, host_throttle

ROBOTS_CACHE_SECONDS = 3600
ROBOTS_MAX_BYTES = 512 * 1024
# The longest Crawl-delay we honour; a robots.txt asking for more is capped, not obeyed.
MAX_CRAWL_DELAY = 30.0


def host_wait(url: str, *, deadline: float, robots: Callable[[str], bytes] | None) -> None:
    """Refuse a URL robots.txt disallows, then wait for its host's next free slot.

    With ``robots`` (how to load a robots.txt) the rules are read; without, only the
    pause between requests holds (robots.txt itself is fetched so).
    """
    host = urlsplit(url).hostname or ""
    delay = settings.FACTCHECK_FETCH_HOST_DELAY
    if robots is not None:
        rules = _robots(url, robots)
        if not rules.can_fetch(url, settings.FACTCHECK_USER_AGENT):
            raise RobotsDisallowedError(f"robots.txt of {host} disallows {url}")
        crawl_delay = rules.crawl_delay(settings.FACTCHECK_USER_AGENT)
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
    if delay > 0:
        _wait_for_slot(host, delay, deadline, url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _robots(url: str, load: Callable[[str], bytes]) -> Protego:
    """The parsed robots.txt of the URL's origin (cached), read by Protego (RFC 9309: the
    longest matching rule wins, `*` and `$` wildcards); RFC 9309 on failures too.

    ``load(robots_url)`` fetches it (the fetcher itself, without robots rules).
    """
    origin = _origin(url)
    key = f"factcheck:robots:{origin}"
    text = cache.get(key)
    if text is None:
        try:
            text = load(origin + "/robots.txt").decode("utf-8", "replace")
        except HTTPStatusError as exc:
            if exc.status >= 500:
                # RFC 9309: robots.txt unreachable means "assume complete disallow" for now.
                raise TransientFetchError(
                    f"robots.txt of {origin} unreachable ({exc.reason})", url=url
                ) from exc
            text = ""  # 4xx: no robots.txt, everything allowed
        except (ContentTypeError, BodyTooLargeError):
            text = ""
        cache.set(key, text, ROBOTS_CACHE_SECONDS)
    return Protego.parse(text)


def _wait_for_slot(host: str, delay: float, deadline: float, url: str) -> None:
    """Wait for the host's next free slot, unless it comes too late for this fetch.

    The request itself keeps half the time left, at most a connect timeout; a slot beyond
    that is not taken (another worker can use it) and the caller retries when it comes.
    """
    left = deadline - time.monotonic()
    max_wait = left - min(settings.FACTCHECK_FETCH_CONNECT_TIMEOUT, left / 2)
    try:
        host_throttle().wait(host, delay, max_wait=max(0.0, max_wait))
    except HostBusy as exc:
        raise HostBusyError(
            f"{host} asks for a pause between requests and its next free slot is "
            f"{exc.wait:.0f} s away, past this fetch's time limit; trying later",
            url=url,
            retry_after=exc.wait,
        ) from exc
