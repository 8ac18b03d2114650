"""robots.txt is read (and cached) before fetching; disallowed pages are not fetched."""

import pytest
import redis
from django.conf import settings

from sources.fetch import fetch
from sources.fetch.errors import RobotsDisallowedError
from sources.models import IngestJob
from sources.throttle import HostBusy, RedisHostThrottle
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def test_a_disallowed_page_is_not_fetched_and_the_job_says_why(web):
    web.add("/robots.txt", body=ROBOTS, content_type="text/plain")
    web.add("/private/story", body=b"<html></html>")

    job = run_task(url_job(web.url("/private/story")))

    assert job.status == IngestJob.Status.FAILED
    assert job.error.startswith("robots.txt of 127.0.0.1 disallows")
    assert web.seen("/private/story") == []


def test_allowed_pages_are_fetched_and_robots_is_read_once(web):
    web.add("/robots.txt", body=ROBOTS, content_type="text/plain")
    web.add("/public/a", body=b"<html>a</html>")
    web.add("/public/b", body=b"<html>b</html>")

    fetch(web.url("/public/a"))
    fetch(web.url("/public/b"))

    assert len(web.seen("/robots.txt")) == 1


def test_rules_for_our_user_agent_apply(web, settings):
    web.add(
        "/robots.txt",
        body=b"User-agent: factcheck-workbench\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        content_type="text/plain",
    )
    with pytest.raises(RobotsDisallowedError):
        fetch(web.url("/anything"))


def test_an_unreachable_robots_txt_means_try_later(web):
    web.add("/robots.txt", status=503, content_type="text/plain")
    web.add("/page", body=b"<html></html>")

    job = run_task(url_job(web.url("/page")))

    assert job.status == IngestJob.Status.FAILED
    assert "robots.txt of http://127.0.0.1" in job.error
    assert "gave up after" in job.error  # retried as transient first
    assert web.seen("/page") == []


def test_a_crawl_delay_reserves_the_hosts_next_slot_that_far_ahead_for_every_worker(web):
    web.add("/robots.txt", body=b"User-agent: *\nCrawl-delay: 7\n", content_type="text/plain")
    web.add("/public/a", body=b"<html>a</html>")

    fetch(web.url("/public/a"))

    # Another worker's throttle (its own Redis connection) finds the slot 7 s ahead;
    # max_wait=0 only looks, it takes nothing.
    other_worker = RedisHostThrottle(redis.Redis.from_url(settings.CACHE_URL))
    with pytest.raises(HostBusy) as busy:
        other_worker.reserve("127.0.0.1", 0.0, max_wait=0.0)
    assert 6 < busy.value.wait <= 7


def test_the_longest_matching_rule_wins_as_rfc_9309_says(web):
    web.add(
        "/robots.txt",
        body=b"User-agent: *\nDisallow: /news\nAllow: /news/world\n",
        content_type="text/plain",
    )
    web.add("/news/world/x", body=b"<html>world</html>")
    web.add("/news/local/y", body=b"<html>local</html>")

    assert fetch(web.url("/news/world/x")).status == 200
    with pytest.raises(RobotsDisallowedError):
        fetch(web.url("/news/local/y"))
    assert web.seen("/news/local/y") == []


def test_wildcards_in_a_rule_are_understood(web):
    web.add(
        "/robots.txt",
        body=b"User-agent: *\nDisallow: /*?print=\nDisallow: /*.pdf$\n",
        content_type="text/plain",
    )
    web.add("/story", body=b"<html>story</html>")

    assert fetch(web.url("/story")).status == 200
    with pytest.raises(RobotsDisallowedError):
        fetch(web.url("/story?print=1"))
    with pytest.raises(RobotsDisallowedError):
        fetch(web.url("/files/report.pdf"))
    assert web.seen("/story") != []
