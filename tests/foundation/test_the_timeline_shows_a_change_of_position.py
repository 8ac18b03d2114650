"""claim_timeline: a lane's stances in stated order, its changes and its current position."""

import datetime as dt

import pytest

from claims.timeline import claim_timeline
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db

TEXT = "Russia denied the reports. Shoigu thanked North Korea for its assist."


def test_a_denial_then_a_hedge_is_one_change_and_the_hedge_is_current():
    claim = ClaimFactory()
    article = ArticleFactory(text=TEXT)
    russia = SourceFactory(name="Russia")
    shoigu = SourceFactory(name="Sergei Shoigu", parent=russia, kind="official")
    hedge_at = TEXT.index("Shoigu")
    hedge = StanceFactory(
        claim=claim,
        source=shoigu,
        article=article,
        position="hedges",
        stated_on=dt.date(2025, 3, 21),
        quote_start=hedge_at,
        quote_exact=TEXT[hedge_at:],
    )
    denial = StanceFactory(
        claim=claim,
        source=russia,
        article=article,
        position="denies",
        stated_on=dt.date(2024, 6, 1),
    )
    StanceFactory(
        claim=claim,
        source=SourceFactory(name="Ukraine"),
        article=article,
        position="asserts",
        stated_on=dt.date(2024, 1, 1),
        status="suggested",
        reviewed_at=None,
    )

    timeline = claim_timeline(claim=claim)

    [lane] = timeline.lanes  # the suggested stance stays out; Shoigu sits in Russia's lane
    assert lane.source == russia
    assert [s.id for s in lane.stances] == [denial.pk, hedge.pk]
    assert [s.speaker for s in lane.stances] == [russia, shoigu]
    assert lane.current_position == "hedges"
    assert [str(c) for c in lane.changes] == ["Russia: denies → hedges, 2025-03-21"]

    by_speaker = claim_timeline(claim=claim, group_by="speaker")
    assert {lane.source.name: lane.current_position for lane in by_speaker.lanes} == {
        "Russia": "denies",
        "Sergei Shoigu": "hedges",
    }
    assert all(not lane.changes for lane in by_speaker.lanes)
