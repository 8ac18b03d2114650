"""manage.py ingest: a feed URL, an article URL, a local text file; it says what it did."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Article, Feed
from tests.ingest import pages
from tests.ingest.site import serve_seed_feeds, serve_seeds

pytestmark = pytest.mark.django_db


def ingest(*args) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_a_feed_url_is_added_polled_and_its_items_stored_with_progress(web):
    rss, _ = serve_seed_feeds(web)

    output = ingest(rss)

    feed = Feed.objects.get(url=rss)
    assert f"feed {feed.pk} added: {rss}" in output
    assert f"feed {feed.pk} polled: 200 OK: 5 new of 5" in output
    assert "[1/5] job" in output and "[5/5] job" in output
    assert "republished" in output  # the AP copy on the content farm
    assert Article.objects.count() == 5


def test_an_article_url_is_stored(web):
    url = serve_seeds(web)["003"]

    output = ingest(url)

    article = Article.objects.get()
    assert f"article {article.pk} '{pages.seeds()['003'].title[:60]}" in output
    assert "(2024-09-14)" in output


def test_a_text_file_is_pasted_with_title_and_date(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(pages.seeds()["002"].text, encoding="utf-8")

    output = ingest(str(path), "--title", "Shoigu in Pyongyang", "--date", "2024-09-13")

    article = Article.objects.get()
    assert article.title == "Shoigu in Pyongyang"
    assert str(article.published_on) == "2024-09-13"
    assert "[1/1] job" in output


def test_a_failing_target_is_reported_and_the_command_fails(web):
    with pytest.raises(CommandError, match="1 of 1 targets failed"):
        ingest(web.url("/nothing-here"))
