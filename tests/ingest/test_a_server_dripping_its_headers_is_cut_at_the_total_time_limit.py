"""A server that drips its headers a byte at a time never trips the read timeout; the total
time limit stops it all the same."""

import time

import pytest

from sources.fetch import fetch
from sources.fetch.errors import TotalTimeLimitError
from tests.ingest.site import Route


def drip_headers(handler) -> None:
    """A header byte every half second for 8 s, then hang up without finishing them."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Drip: ")
    for _ in range(16):
        time.sleep(0.5)
        handler.wfile.write(b"a")


def test_the_fetch_fails_with_the_total_limit_while_headers_drip_in(web, settings):
    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 2
    settings.FACTCHECK_FETCH_READ_TIMEOUT = 10  # never reached: a byte comes every 0.5 s
    url = web.add("/drip", Route(stream=drip_headers))

    with pytest.raises(TotalTimeLimitError) as stopped:
        fetch(url)

    assert stopped.value.reason == "the fetch took longer than the total time limit (2 s)"
    assert stopped.value.transient
    assert stopped.value.url == url


@pytest.mark.django_db
def test_a_feed_behind_a_dripping_server_records_the_total_limit(web, settings):
    from sources.feeds import feed_poll
    from sources.models import Feed

    settings.FACTCHECK_FETCH_TOTAL_TIMEOUT = 2
    feed = Feed.objects.create(url=web.add("/drip.xml", Route(stream=drip_headers)))

    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert feed.last_error == "the fetch took longer than the total time limit (2 s)"
    assert feed.consecutive_failures == 1
