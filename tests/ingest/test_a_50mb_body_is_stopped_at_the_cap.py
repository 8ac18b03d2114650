"""A 50 MB answer is refused from its Content-Length, or cut off at the cap while reading."""

import pytest

from sources.fetch import fetch
from sources.fetch.errors import BodyTooLargeError
from sources.models import Article, IngestJob
from tests.ingest.site import Route, run_task, url_job

pytestmark = pytest.mark.django_db

FIFTY_MB = 50 * 1024 * 1024
CHUNK = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"


def endless_page(sent: list[int]):
    def stream(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")  # no length: the body ends when we close
        handler.end_headers()
        total = 0
        while total < FIFTY_MB:
            handler.wfile.write(CHUNK)
            total += len(CHUNK)
            sent[0] = total
        handler.close_connection = True

    return stream


def test_a_declared_50mb_body_is_refused_before_reading(web, stored_article):
    url = web.add("/big", body=b"", headers={"X-Note": "lies about its length"})
    web.routes[("127.0.0.1", "/big")] = Route(
        stream=lambda h: (
            h.send_response(200),
            h.send_header("Content-Type", "text/html"),
            h.send_header("Content-Length", str(FIFTY_MB)),
            h.end_headers(),
        )
    )
    job = run_task(url_job(url))

    assert job.status == IngestJob.Status.FAILED
    assert "exceeds the 5,242,880-byte limit" in job.error
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_an_undeclared_50mb_body_is_cut_off_at_the_cap(web, settings, stored_article):
    sent = [0]
    url = web.add("/endless", Route(stream=endless_page(sent)))

    with pytest.raises(BodyTooLargeError, match="stopped reading"):
        fetch(url)

    job = run_task(url_job(url))
    assert job.status == IngestJob.Status.FAILED
    assert "exceeds the 5,242,880-byte limit (stopped reading)" in job.error
    # the server was stopped well before it could send its 50 MB
    assert sent[0] < FIFTY_MB
    assert Article.objects.filter(pk=stored_article.pk).exists()
