"""load_demo: the demo data set from the seed articles, loaded twice gives the same rows."""

import datetime as dt

import pytest
from django.core.management import call_command

from claims.models import Claim, Stance
from claims.timeline import claim_timeline
from sources.models import Article, Outlet, Source, SourceAlias

pytestmark = pytest.mark.django_db

MODELS = [Claim, Stance, Article, Outlet, Source, SourceAlias]


def snapshot() -> dict[str, list]:
    return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in MODELS}


def test_loading_the_demo_twice_gives_the_same_rows(demo):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before
    assert len(before["Article"]) == 5
    assert len(before["Claim"]) >= 3


def test_every_demo_quote_is_anchored_in_its_article(demo):
    for stance in Stance.objects.select_related("article"):
        text = stance.article.text
        assert text[stance.quote_start : stance.quote_end] == stance.quote_exact
        assert text[: stance.quote_start].endswith(stance.quote_prefix)
        assert text[stance.quote_end :].startswith(stance.quote_suffix)


def test_copies_carry_their_original_dates_not_the_page_dates(demo):
    farm = Article.objects.get(outlet__name="Wealth Navigators Hub")
    spun = Article.objects.get(duplicate_kind="spun")
    assert (farm.published_on, farm.page_date) == (dt.date(2023, 7, 27), dt.date(2025, 4, 17))
    assert (spun.published_on, spun.page_date) == (dt.date(2025, 3, 21), dt.date(2025, 3, 24))
    assert farm.duplicate_kind == "republished"
    assert farm.original_outlet.name == spun.original_outlet.name == "The Associated Press"


def test_demo_text_leaves_the_page_furniture_out(demo):
    hill = Article.objects.get(outlet__name="The Hill")
    assert hill.text.startswith("North Korean leader Kim Jong Un met with Russian Defense Minister")
    assert "Most Popular" not in hill.text
    assert "Load more" not in hill.text


def test_the_arms_claim_shows_who_asserts_and_who_denies(demo):
    timeline = claim_timeline(claim=Claim.objects.get(slug="north-korea-arms-to-russia"))
    current = {lane.source.name: lane.current_position for lane in timeline.lanes}
    assert current["United States"] == "asserts"
    assert current["North Korea"] == "denies"
    russia = next(lane for lane in timeline.lanes if lane.source.name == "Russia")
    assert [str(change) for change in russia.changes] == ["Russia: denies → hedges, 2025-03-21"]


def test_the_demo_has_suggestions_waiting_for_review(demo):
    assert Stance.objects.filter(status="suggested").count() >= 3
