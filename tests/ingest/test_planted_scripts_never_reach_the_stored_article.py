"""Scripts and handlers planted in a page's body reach neither the text nor the display HTML."""

import pytest

from tests.ingest import pages
from tests.ingest.site import run_task, url_job

pytestmark = pytest.mark.django_db


def test_the_stored_html_is_sanitised_and_the_text_is_plain(web):
    seed = pages.seeds()["003"]
    url = web.url("/planted")
    page = pages.seed_page(seed, url).replace(
        f"<p>{seed.paragraphs[3][:40]}",
        '<p><a href="javascript:alert(2)" onclick="alert(3)">Read more</a> '
        '<script>alert(4)</script><b onmouseover="x()">Kim</b> said.</p>'
        f"<p>{seed.paragraphs[3][:40]}",
    )
    web.add("/planted", body=page.encode())

    article = run_task(url_job(url)).article

    lowered = article.html.lower()
    assert "<script" not in lowered
    assert "onclick" not in lowered and "onmouseover" not in lowered
    assert "javascript:" not in lowered
    assert "<p>" in lowered  # still HTML for display
    assert "alert(" not in article.text
    assert "<" not in article.text
