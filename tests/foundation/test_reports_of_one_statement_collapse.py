"""claim_timeline groups stances into statements: the same speaker's same position on dates at
most three days apart is one statement, whatever the quotes; its independent reports count
copies of one story, and one newsroom's stories, once."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.timeline import STATEMENT_DAYS, claim_timeline
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    StanceFactory,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 9, 13)


@pytest.fixture
def claim():
    return ClaimFactory()


@pytest.fixture
def us():
    return SourceFactory(name="United States")


def said(claim, source, day, position="asserts", article=None, **kw):
    return StanceFactory(
        claim=claim,
        source=source,
        stated_on=day,
        position=position,
        article=article or ArticleFactory(),
        **kw,
    )


def statements(claim):
    [lane] = claim_timeline(claim=claim).lanes
    return lane.statements


def test_reports_within_three_days_are_one_statement_and_a_week_later_is_another(claim, us):
    first = said(claim, us, DAY)
    second = said(claim, us, DAY + dt.timedelta(days=STATEMENT_DAYS))
    later = said(claim, us, DAY + dt.timedelta(days=7))

    grouped = statements(claim)

    assert [[r.id for r in s.reports] for s in grouped] == [[first.pk, second.pk], [later.pk]]
    assert grouped[0].stated_on == DAY
    assert [s.independent_reports for s in grouped] == [2, 1]


def test_a_statement_is_measured_from_its_first_report_so_repeats_do_not_chain(claim, us):
    days = [said(claim, us, DAY + dt.timedelta(days=n)) for n in (0, 2, 4, 6)]

    grouped = statements(claim)

    assert [[r.id for r in s.reports] for s in grouped] == [
        [days[0].pk, days[1].pk],
        [days[2].pk, days[3].pk],
    ]


def test_another_position_or_another_speaker_is_another_statement(claim, us):
    kirby = SourceFactory(name="John Kirby", parent=us, kind="official")
    said(claim, us, DAY)
    said(claim, us, DAY, position="hedges")
    said(claim, kirby, DAY)

    grouped = statements(claim)

    assert sorted((s.speaker.name, s.position) for s in grouped) == [
        ("John Kirby", "asserts"),
        ("United States", "asserts"),
        ("United States", "hedges"),
    ]


def test_a_date_known_to_the_month_joins_a_report_of_that_month_which_dates_it(claim, us):
    vague = said(claim, us, dt.date(2023, 7, 1), stated_on_precision="month")
    exact = said(claim, us, dt.date(2023, 7, 26))

    [statement] = statements(claim)

    assert statement.lead.id == exact.pk  # the more precise date stands for the statement
    assert [r.id for r in statement.reports] == [exact.pk, vague.pk]
    assert (statement.stated_on, statement.stated_on_precision) == (dt.date(2023, 7, 26), "day")


def test_copies_of_one_story_count_once_and_each_newsroom_once(claim, us):
    ap, hill, farm, spinner = (
        OutletFactory(name=n) for n in ("AP", "The Hill", "Content Farm", "Spinner")
    )
    wire = ArticleFactory(outlet=ap)
    republished = ArticleFactory(outlet=farm, duplicate_of=wire, duplicate_kind="republished")
    spun = ArticleFactory(outlet=spinner, duplicate_of=wire, duplicate_kind="spun")
    # A wire story seen only on another site, its original not stored: AP's reporting too.
    carried = ArticleFactory(outlet=farm, original_outlet=ap, duplicate_kind="republished")
    own = ArticleFactory(outlet=hill)
    for article in (wire, republished, spun, carried, own):
        said(claim, us, DAY, article=article)

    [statement] = statements(claim)

    assert len(statement.reports) == 5
    assert (statement.independent_reports, statement.copies) == (2, 3)
    assert [name for name, _ in statement.origins()] == ["AP", "The Hill"]
    assert statement.article.id == wire.pk  # an original leads before its copies
