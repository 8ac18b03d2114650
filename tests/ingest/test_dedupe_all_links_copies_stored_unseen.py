"""manage.py dedupe --all: articles stored with no signature (so dedupe never saw them) are
checked again: copies are linked to their original as ingestion links them, their waiting
suggestions are withdrawn, and a second run, or a run finishing an interrupted one, changes
nothing more."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from claims.models import Stance
from sources.dedupe import signature_from_json
from sources.models import Article
from tests.factories import ArticleFactory, StanceFactory
from tests.ingest import pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def unseen() -> dict[str, Article]:
    """An original, a trimmed republished copy and a spun copy, none of them with a signature,
    the copies stored first; and a story of its own."""
    s = pages.seeds()
    trimmed = [*s["003"].paragraphs[:-1], "Read more world news on our site."]
    rows = {
        "spun": ArticleFactory(
            text="\n\n".join(pages.spin(p) for p in s["003"].paragraphs),
            published_on=dt.date(2024, 9, 20),
        ),
        "republished": ArticleFactory(text="\n\n".join(trimmed), published_on=dt.date(2024, 10, 2)),
        "original": ArticleFactory(text=s["003"].text, published_on=dt.date(2024, 9, 14)),
        "other": ArticleFactory(text=s["000"].text, published_on=dt.date(2023, 7, 27)),
    }
    assert not Article.objects.filter(minhash__isnull=False).exists()
    return rows


def state() -> list[tuple]:
    return list(
        Article.objects.order_by("pk").values_list(
            "pk", "duplicate_of", "duplicate_kind", "published_on", "page_date", "minhash"
        )
    )


def test_it_links_the_copies_to_the_earliest_story_and_signs_every_article(unseen):
    waiting = StanceFactory(article=unseen["republished"], status="suggested", reviewed_at=None)
    kept = StanceFactory(article=unseen["spun"], status="confirmed")
    out = io.StringIO()

    call_command("dedupe", "--all", stdout=out, stderr=io.StringIO())

    rows = {key: Article.objects.get(pk=a.pk) for key, a in unseen.items()}
    assert rows["original"].duplicate_of is None
    assert rows["other"].duplicate_of is None
    assert rows["republished"].duplicate_of == rows["original"]
    assert rows["republished"].duplicate_kind == "republished"
    assert rows["spun"].duplicate_of == rows["original"]
    assert rows["spun"].duplicate_kind == "spun"
    # The earliest date wins; a copy keeps its own as the page date.
    assert rows["spun"].published_on == dt.date(2024, 9, 14)
    assert rows["spun"].page_date == dt.date(2024, 9, 20)
    assert all(signature_from_json(a.minhash) is not None for a in rows.values())
    assert not Stance.objects.filter(pk=waiting.pk).exists()
    assert Stance.objects.filter(pk=kept.pk).exists()
    assert "Checked 4 articles: 4 signatures computed, 2 articles linked as copies" in (
        out.getvalue()
    )


def test_running_it_again_changes_nothing(unseen):
    call_command("dedupe", "--all", verbosity=0)
    before = state()
    out = io.StringIO()

    call_command("dedupe", "--all", stdout=out, stderr=io.StringIO())

    assert state() == before
    assert "0 signatures computed, 0 articles linked as copies" in out.getvalue()


def test_a_run_stopped_part_way_is_finished_by_the_next(unseen):
    call_command("dedupe", "--all", verbosity=0)
    whole = [row[1:3] for row in state()]
    Article.objects.update(duplicate_of=None, duplicate_kind="", minhash=None, page_date=None)
    for key, day in [("spun", 20), ("republished", 2), ("original", 14)]:
        Article.objects.filter(pk=unseen[key].pk).update(
            published_on=dt.date(2024, 10 if key == "republished" else 9, day)
        )

    # Stopped after the newest article: it was checked alone, with no signature to meet.
    call_command("dedupe", unseen["republished"].pk, verbosity=0)
    call_command("dedupe", "--all", verbosity=0)

    assert [row[1:3] for row in state()] == whole


def test_it_asks_for_ids_or_all(db):
    with pytest.raises(CommandError, match="--all"):
        call_command("dedupe")
