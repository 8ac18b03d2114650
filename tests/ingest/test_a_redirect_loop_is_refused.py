"""Redirect loops and chains longer than five hops are refused with the reason."""

import pytest

from sources.fetch import fetch
from sources.fetch.errors import RedirectError
from sources.models import Article, IngestJob
from tests.ingest.site import redirect, run_task, url_job

pytestmark = pytest.mark.django_db


def test_a_redirect_loop_fails_the_job_with_the_reason(web, stored_article):
    web.add("/a", redirect("/b"))
    web.add("/b", redirect(web.url("/a"), status=301))

    job = run_task(url_job(web.url("/a")))

    assert job.status == IngestJob.Status.FAILED
    assert job.error.startswith("redirect loop back to")
    assert job.attempts == 1
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_more_than_five_redirects_are_refused(web):
    for n in range(7):
        web.add(f"/hop{n}", redirect(f"/hop{n + 1}", status=307))

    with pytest.raises(RedirectError, match="more than 5 redirects"):
        fetch(web.url("/hop0"))
    assert len(web.seen("/hop5")) == 1
    assert web.seen("/hop6") == []


def test_five_redirects_are_followed(web):
    for n in range(5):
        web.add(f"/step{n}", redirect(f"/step{n + 1}"))
    web.add("/step5", body=b"<html><body>arrived</body></html>")

    response = fetch(web.url("/step0"))

    assert response.content.endswith(b"arrived</body></html>")
    assert response.url == web.url("/step5")
    assert len(response.redirects) == 5
