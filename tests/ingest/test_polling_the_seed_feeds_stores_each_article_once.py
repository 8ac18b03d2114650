"""The acceptance run: RSS + Atom feeds of the five seeds and a content farm's copies."""

from __future__ import annotations

import pytest

from sources.feeds import feed_poll
from sources.models import Article, Feed, IngestJob
from tests.ingest import pages
from tests.ingest.site import (
    REPUBLISHED_DATE,
    SPUN_DATE,
    run_jobs,
    serve_copies,
    serve_seed_feeds,
)

pytestmark = pytest.mark.django_db


def folded(text: str) -> str:
    return " ".join(text.split())


def poll_all(feeds: list[Feed]) -> list:
    results = [feed_poll(feed_id=f.pk, force=True) for f in feeds]
    run_jobs()
    return results


@pytest.fixture
def polled(web):
    rss, atom = serve_seed_feeds(web)
    farm = serve_copies(web)
    feeds = [Feed.objects.create(url=url) for url in (rss, atom, farm)]
    poll_all(feeds)
    return feeds


def article_of(key: str) -> Article:
    return Article.objects.get(canonical_url__endswith=f"/news/{key}")


def test_each_seed_is_stored_once_with_its_title_and_date(polled):
    for key, seed in pages.seeds().items():
        article = article_of(key)
        assert article.title == seed.title
        # The date in the page's markup, to the day (htmldate reads it as written).
        assert article.published_on == seed.spec.date.date(), key
    # five seeds + two copies; the Atom feed's tracking-tagged links add nothing
    assert Article.objects.count() == 7
    atom_jobs = IngestJob.objects.filter(feed__url__endswith=".atom")
    assert atom_jobs.count() == 5
    assert {j.article_id for j in atom_jobs} == {article_of(k).pk for k in pages.seeds()}


def test_the_main_text_is_kept_and_the_page_furniture_cut(polled):
    for key, seed in pages.seeds().items():
        text = folded(article_of(key).text)
        assert folded(seed.paragraphs[0])[:80] in text, key
        assert folded(seed.paragraphs[-1])[-60:] in text, key
        for line in seed.furniture:
            if len(line) > 25:
                assert folded(line) not in text, (key, line)
        assert "Most Popular" not in text
        assert "<" not in article_of(key).text  # plain text


def test_the_republished_and_spun_copies_are_linked_to_their_originals(polled):
    republished = Article.objects.get(canonical_url__contains="kim-shoigu-cooperation")
    spun = Article.objects.get(canonical_url__contains="shoigu-kim-pyongyang-talks")

    assert republished.duplicate_of == article_of("003")
    assert republished.duplicate_kind == "republished"
    assert republished.duplicate_similarity > 0.9
    # the earliest original date wins; the page's own later date is kept apart
    assert republished.published_on == article_of("003").published_on
    assert republished.page_date == REPUBLISHED_DATE.date()

    assert spun.duplicate_of == article_of("002")
    assert spun.duplicate_kind == "spun"
    assert 0.2 <= spun.duplicate_similarity < 0.8
    assert spun.published_on == article_of("002").published_on
    assert spun.page_date == SPUN_DATE.date()


def test_two_reports_of_one_event_are_not_linked(polled):
    hill, farm_ap = article_of("000"), article_of("001")
    assert hill.duplicate_of is None
    assert farm_ap.duplicate_of is None
    assert not Article.objects.filter(duplicate_of__in=[hill, farm_ap]).exists()


def test_polling_again_adds_nothing_and_uses_the_304_path(polled, web):
    before = Article.objects.count()
    jobs_before = IngestJob.objects.count()
    results = poll_all(polled)
    assert Article.objects.count() == before
    assert IngestJob.objects.count() == jobs_before
    assert [r.new_jobs for r in results] == [[], [], []]
    for feed in Feed.objects.all():
        assert feed.last_status == "304 Not Modified"
        assert feed.consecutive_failures == 0
    assert web.seen("/feeds/world.rss")[-1].headers["if-none-match"] == '"rss-v1"'
    assert web.seen("/feeds/world.rss")[-1].status == 304
