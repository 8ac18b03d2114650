"""The per-host pause: a second request to a host waits; another host does not."""

from sources.fetch import HostThrottle


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
