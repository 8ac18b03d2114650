"""The retry countdown doubles, is capped under the visibility timeout, and honours Retry-After."""

import pytest

from sources.jobs import RETRY_BACKOFF_FACTOR, RETRY_BACKOFF_MAX, retry_countdown


def no_jitter(limit: float) -> float:
    return limit  # no jitter: the top of each jittered range


def visibility_timeout(settings) -> float:
    return settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]


def test_the_countdown_doubles_with_each_retry_up_to_the_cap():
    countdowns = [retry_countdown(retries=n, jitter=no_jitter) for n in range(8)]

    assert countdowns[:5] == [RETRY_BACKOFF_FACTOR * 2**n for n in range(5)]
    assert countdowns[5:] == [RETRY_BACKOFF_MAX] * 3


@pytest.mark.parametrize("retries", range(8))
def test_the_jittered_countdown_stays_within_its_range(retries):
    top = retry_countdown(retries=retries, jitter=no_jitter)
    drawn = [retry_countdown(retries=retries) for _ in range(200)]

    assert all(0 <= c <= top for c in drawn)
    assert len(set(drawn)) > 1  # spread, so jobs that failed together do not retry together


def test_countdown_plus_task_time_limit_stays_under_the_visibility_timeout(settings):
    limit = settings.CELERY_TASK_TIME_LIMIT
    for retries in range(40):
        assert retry_countdown(retries=retries, jitter=no_jitter) + limit < visibility_timeout(
            settings
        )


def test_a_shorter_visibility_timeout_lowers_the_cap(settings):
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        **settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "visibility_timeout": 240,
    }
    settings.CELERY_TASK_TIME_LIMIT = 150

    assert retry_countdown(retries=10, jitter=no_jitter) < 240 - 150
    assert retry_countdown(retries=0, retry_after=3600) < 240 - 150


def test_retry_after_is_honoured_within_the_cap():
    assert retry_countdown(retries=0, retry_after=200) >= 200
    assert retry_countdown(retries=0, retry_after=200, jitter=lambda c: 0.0) == 200
    assert retry_countdown(retries=0, retry_after=86_400, jitter=no_jitter) == RETRY_BACKOFF_MAX
    # A short Retry-After does not cut the backoff short.
    assert retry_countdown(retries=3, retry_after=1, jitter=no_jitter) == RETRY_BACKOFF_FACTOR * 8
