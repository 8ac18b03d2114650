"""Politeness: requests to one host are spaced at least `delay` seconds apart.

Every worker process fetches, and a feed's items usually sit on one host, so the pause must
hold across processes, not only within one: the next free slot per host lives in Redis (the
shared cache, settings.CACHE_URL) and a Lua script reserves it atomically on the Redis
server's clock, so workers on several machines agree without trusting each other's clocks.
Without a Redis cache (CACHE_URL=locmem://) the pause holds per process.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

KEY_PREFIX = "factcheck:host-slot:"

# Reserve the next slot for a host unless it is more than ARGV[2] seconds away (negative:
# no limit). Returns {1, wait} when reserved, {0, wait} when not (nothing is written then).
# The key expires a second after its slot, so idle hosts leave nothing behind.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = string.format('%.6f', start - now)
local max_wait = tonumber(ARGV[2])
if max_wait >= 0 and start - now > max_wait then
  return {0, wait}
end
local delay = tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.6f', start + delay),
           'PX', math.ceil((start + delay - now) * 1000) + 1000)
return {1, wait}
"""


class HostBusy(Exception):
    """The host's next free slot is further away than the caller can wait; none was taken."""

    def __init__(self, host: str, wait: float) -> None:
        super().__init__(f"the next free slot for {host} is {wait:.1f} s away")
        self.host = host
        self.wait = wait


class HostThrottle:
    """The pause between two requests to one host, within this process."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, host: str, delay: float, max_wait: float | None = None) -> float:
        """Take the host's next free slot; the seconds until it comes.

        With `max_wait`, a slot further away than that is left for others and HostBusy
        raised: a worker that would sleep past its own time limit wastes the slot.
        """
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            if max_wait is not None and start - now > max_wait:
                raise HostBusy(host, start - now)
            self._next[host] = start + delay
        return start - now

    def wait(self, host: str, delay: float, max_wait: float | None = None) -> float:
        """Sleep until this host may be asked again; returns the seconds slept."""
        pause = self.reserve(host, delay, max_wait)
        if pause > 0:
            self._sleep(pause)
        return pause


class RedisHostThrottle(HostThrottle):
    """The pause between two requests to one host, across every process that shares Redis.

    If Redis cannot be reached the pause falls back to this process's own bookkeeping:
    a fetch is never refused for want of a politeness counter.
    """

    def __init__(self, client: Any, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(sleep=sleep)
        self._script = client.register_script(_RESERVE)

    def reserve(self, host: str, delay: float, max_wait: float | None = None) -> float:
        limit = -1.0 if max_wait is None else max(0.0, max_wait)
        try:
            reserved, wait = self._script(keys=[KEY_PREFIX + host.lower()], args=[delay, limit])
        except redis.RedisError as exc:
            logger.warning("host_throttle fallback=process host=%s error=%s", host, exc)
            return super().reserve(host, delay, max_wait)
        if not int(reserved):
            raise HostBusy(host, float(wait))
        return float(wait)


@functools.cache
def _throttle_for(cache_url: str) -> HostThrottle:
    if cache_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHostThrottle(redis.Redis.from_url(cache_url))
    return HostThrottle()


def host_throttle() -> HostThrottle:
    """The throttle every fetch in this process uses (shared through Redis where there is one)."""
    return _throttle_for(settings.CACHE_URL)
