"""The demo's articles are stored as ingestion stores them, so dedupe sees them: the five seed
stories fetched again from a content farm (other page furniture, a later date) are each
linked to the demo article they copy, and none of them queues a second set of suggestions."""

import datetime as dt

import pytest
from django.core.management import call_command

from claims.demo import data as demo_data
from claims.models import Stance
from claims.suggest import article_suggest
from sources.dedupe import signature_from_json
from sources.models import Article, content_hash
from tests.ingest import pages
from tests.ingest.site import FARM, run_task, url_job
from tests.ingest.worker import queued

pytestmark = pytest.mark.django_db

# After every demo date, so each page is the copy and the demo article stays the original.
LATER = dt.datetime(2025, 6, 2, 9, 0, tzinfo=dt.UTC)


def farm_page(seed: pages.Seed, url: str) -> str:
    """The seed's story on a content farm: its own furniture around the body and some inside
    it (a share line, a newsletter plug, the last paragraph trimmed), so the text extracted
    is not the demo's word for word."""
    return pages.article_page(
        title=seed.title,
        paragraphs=[
            "Share this story with your friends and family.",
            *seed.paragraphs[:-1],
            "Subscribe to our newsletter for the latest world news, every morning.",
        ],
        url=url,
        site="Daily Wire Digest",
        date=LATER,
        furniture=pages.FARM_FURNITURE,
        style="farm",
    )


def demo_article(key: str) -> Article:
    spec = next(a for a in demo_data.ARTICLES if a.key == key)
    return Article.objects.get(origin=Article.Origin.DEMO, title=spec.title)


def test_each_seed_page_in_other_furniture_is_a_copy_of_its_demo_article(
    web, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    # The demo's stances are hand-checked: loading it queues no machine suggestions.
    assert queued(task_queue) == []

    for key, seed in pages.seeds().items():
        path = f"/farm/{key}"
        url = web.url(path, FARM)
        web.add(path, host=FARM, body=farm_page(seed, url).encode())
        with django_capture_on_commit_callbacks(execute=True):
            copy = run_task(url_job(url)).article

        demo = demo_article(key)
        assert copy.text != demo.text, key  # not word for word: the MinHash found it
        assert copy.duplicate_of == demo, key
        assert copy.duplicate_kind in {"republished", "spun"}, key
        assert copy.published_on == demo.published_on, key

    assert queued(task_queue) == []
    for copy in Article.objects.exclude(origin=Article.Origin.DEMO):
        assert article_suggest(article_id=copy.pk) == 0
        assert not Stance.objects.filter(article=copy).exists()


def test_every_demo_article_carries_a_signature_and_its_content_hash(demo):
    for article in Article.objects.filter(origin=Article.Origin.DEMO):
        assert signature_from_json(article.minhash) is not None, article.title
        assert article.content_hash == content_hash(article.text)
