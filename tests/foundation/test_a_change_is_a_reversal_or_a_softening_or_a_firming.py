"""A lane's changes say their kind: asserts <-> denies is a reversal; to hedges from a firm position,
or to no comment, is a softening; the other way a firming. Only confirmed statements make one."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import ReviewStatus
from claims.timeline import change_kind, claim_timeline
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("asserts", "denies", "reversal"),
        ("denies", "asserts", "reversal"),
        ("asserts", "hedges", "softening"),
        ("denies", "hedges", "softening"),
        ("hedges", "no_comment", "softening"),
        ("asserts", "no_comment", "softening"),
        ("hedges", "asserts", "firming"),
        ("hedges", "denies", "firming"),
        ("no_comment", "denies", "firming"),
        ("no_comment", "hedges", "firming"),
    ],
)
def test_each_pair_of_positions_has_its_kind(before, after, kind):
    assert change_kind(before, after) == kind


def said(claim, source, day, position, **kw):
    return StanceFactory(
        claim=claim, source=source, stated_on=day, position=position, article=ArticleFactory(), **kw
    )


def test_a_suggested_stance_makes_no_change_even_when_the_timeline_shows_it():
    claim, moscow = ClaimFactory(), SourceFactory(name="Russia")
    said(claim, moscow, dt.date(2024, 1, 10), "denies")
    said(
        claim,
        moscow,
        dt.date(2024, 3, 1),
        "asserts",
        status=ReviewStatus.SUGGESTED,
        reviewed_at=None,
    )
    said(claim, moscow, dt.date(2024, 6, 1), "hedges")

    for statuses in ([ReviewStatus.CONFIRMED], [ReviewStatus.CONFIRMED, ReviewStatus.SUGGESTED]):
        [lane] = claim_timeline(claim=claim, statuses=statuses).lanes
        assert [(c.from_position, c.to_position, c.kind) for c in lane.changes] == [
            ("denies", "hedges", "softening")
        ]
        assert lane.current_position == "hedges"
    [lane] = claim_timeline(
        claim=claim, statuses=[ReviewStatus.CONFIRMED, ReviewStatus.SUGGESTED]
    ).lanes
    assert [s.position for s in lane.statements] == ["denies", "asserts", "hedges"]
