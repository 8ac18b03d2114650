"""Only HTML, XHTML, XML and plain text are accepted."""

import pytest

from sources.feeds import feed_poll
from sources.models import Article, Feed, IngestJob
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db


def test_a_pdf_article_is_refused_with_the_reason(web, stored_article):
    url = web.add("/report.pdf", body=b"%PDF-1.7 ...", content_type="application/pdf")

    job = run_task(url_job(url))

    assert job.status == IngestJob.Status.FAILED
    assert job.error == "content type application/pdf is not accepted"
    assert job.attempts == 1
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_an_answer_without_a_content_type_is_refused(web):
    url = web.add("/mystery", body=b"\x89PNG....", content_type="")

    job = run_task(url_job(url))

    assert job.error == "the answer has no Content-Type"


def test_a_feed_served_as_an_image_is_refused(web):
    feed = Feed.objects.create(url=web.add("/feed.png", body=b"\x89PNG", content_type="image/png"))

    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert feed.last_error == "content type image/png is not accepted"
