"""A small gzip body that inflates to 200 MB: decompression stops at the cap."""

import gzip
import zlib
from functools import cache

import pytest

from sources.fetch import fetch
from sources.fetch.errors import BodyTooLargeError
from sources.models import Article, IngestJob
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db

INFLATED = 200 * 1024 * 1024


@cache
def bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1024 * 1024)
    parts = [packer.compress(b"<html><body><p>")]
    parts += [packer.compress(zeros) for _ in range(INFLATED // len(zeros))]
    parts.append(packer.flush())
    return b"".join(parts)


@pytest.fixture
def bomb_url(web):
    return web.add(
        "/bomb", body=bomb(), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )


def test_the_bomb_is_small_on_the_wire():
    assert len(bomb()) < 1024 * 1024  # well under the 5 MB cap: only inflating can catch it


def test_the_fetcher_stops_inflating_at_the_cap(bomb_url):
    with pytest.raises(BodyTooLargeError, match="stopped reading"):
        fetch(bomb_url)


def test_the_job_fails_with_the_reason(bomb_url, stored_article):
    job = run_task(url_job(bomb_url))

    assert job.status == IngestJob.Status.FAILED
    assert "exceeds the 5,242,880-byte limit" in job.error
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_an_ordinary_gzip_page_is_decoded(web):
    page = b"<html><body><p>" + b"Kim met Shoigu. " * 500 + b"</p></body></html>"
    url = web.add(
        "/gz",
        body=gzip.compress(page),
        content_type="text/html",
        headers={"Content-Encoding": "gzip"},
    )
    assert fetch(url).content == page
