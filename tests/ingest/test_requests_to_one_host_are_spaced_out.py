"""The per-host pause: a second request to a host waits; another host does not.

Workers are separate processes, so the pause is kept in Redis, where every worker sees it.
"""

import uuid

import pytest
import redis
from django.conf import settings

from sources.throttle import HostBusy, HostThrottle, RedisHostThrottle, host_throttle


class Clock:
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_the_second_request_to_a_host_waits_for_the_delay():
    clock = Clock()
    throttle = HostThrottle(clock=clock, sleep=clock.sleep)

    assert throttle.wait("news.example", 2.0) == 0
    clock.now += 0.5
    assert throttle.wait("news.example", 2.0) == 1.5
    assert throttle.wait("other.example", 2.0) == 0
    assert clock.slept == [1.5]


def test_a_host_asked_after_the_delay_does_not_wait():
    clock = Clock()
    throttle = HostThrottle(clock=clock, sleep=clock.sleep)
    throttle.wait("news.example", 2.0)
    clock.now += 5
    assert throttle.wait("news.example", 2.0) == 0
    assert clock.slept == []


def test_two_workers_share_one_pause_per_host_through_redis():
    # Two throttles on two connections stand for two worker processes.
    slept: list[float] = []
    first, second = (
        RedisHostThrottle(redis.Redis.from_url(settings.CACHE_URL), sleep=slept.append)
        for _ in range(2)
    )
    host = f"{uuid.uuid4().hex}.example"

    assert first.wait(host, 60.0) == 0
    # The second worker is given the slot a minute after the first one's (less the moments
    # that passed between the two calls), the third the one after that.
    assert 59 < second.wait(host, 60.0) <= 60
    assert 119 < first.wait(host, 60.0) <= 120
    assert second.wait(f"other-{host}", 60.0) == 0
    assert len(slept) == 2


def test_a_slot_further_away_than_the_worker_can_wait_is_left_for_others():
    # Two worker processes; the second has only 10 s of its time limit left.
    slept: list[float] = []
    first, second = (
        RedisHostThrottle(redis.Redis.from_url(settings.CACHE_URL), sleep=slept.append)
        for _ in range(2)
    )
    host = f"{uuid.uuid4().hex}.example"
    first.wait(host, 60.0)

    with pytest.raises(HostBusy) as busy:
        second.wait(host, 60.0, max_wait=10.0)

    assert 59 < busy.value.wait <= 60  # what the caller tells its retry to wait
    assert slept == []  # nobody slept towards a slot it would not live to use
    # Nothing was reserved: the next worker gets the slot a minute after the first one's.
    assert 59 < first.wait(host, 60.0, max_wait=120.0) <= 60
    assert 119 < second.wait(host, 60.0) <= 120


def test_within_one_process_a_slot_too_far_is_left_untaken_too():
    clock = Clock()
    throttle = HostThrottle(clock=clock, sleep=clock.sleep)
    throttle.wait("news.example", 30.0)

    with pytest.raises(HostBusy):
        throttle.wait("news.example", 30.0, max_wait=5.0)
    assert throttle.wait("news.example", 30.0, max_wait=30.0) == 30.0
    assert clock.slept == [30.0]


def test_the_fetcher_uses_the_shared_throttle_when_the_cache_is_redis():
    assert settings.CACHE_URL.startswith(("redis://", "unix://"))
    assert isinstance(host_throttle(), RedisHostThrottle)
