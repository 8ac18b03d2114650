"""The band of the position a source holds ends at today (or at as_of), not at the edge of the
axis: the axis reaches that day, and a dotted line marks it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from claims.timeline import (
    ArticleRef,
    Lane,
    Timeline,
    TimelineStance,
    claim_timeline,
    statements_group,
)
from claims.web.chart import PLOT_RIGHT, render_chart, scale_for
from sources.models import Source
from tests.factories import ClaimFactory

SOURCE = Source(pk=1, name="Russia")


def stance(pk: int, day: dt.date, position: str) -> TimelineStance:
    return TimelineStance(
        id=pk,
        speaker=SOURCE,
        position=position,
        stated_on=day,
        stated_on_precision="day",
        quote_exact="q",
        quote_prefix="",
        quote_suffix="",
        quote_start=0,
        quote_end=1,
        attributed_via="",
        article=ArticleRef(id=pk, url="", title="t", outlet="o", published_on=None),
    )


def band_ends(until: dt.date) -> tuple[list[float], float]:
    stances = [stance(1, dt.date(2024, 1, 10), "denies"), stance(2, dt.date(2024, 6, 1), "hedges")]
    lane = Lane(source=SOURCE, stances=stances, statements=statements_group(stances))
    timeline = Timeline(claim=None, lanes=[lane], until=until)  # type: ignore[arg-type]
    chart = render_chart(timeline, stance_href=lambda s: None, group_href=lambda *a: "#")
    bands = re.findall(
        r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*class="band ', chart.lanes_svg
    )
    return [float(x) + float(w) for x, w in bands], scale_for(timeline).x(until)


@pytest.mark.parametrize("until", [dt.date(2024, 8, 1), dt.date(2026, 1, 15)])
def test_the_last_band_ends_at_the_day_the_timeline_is_told(until):
    ends, x_until = band_ends(until)

    assert len(ends) == 2
    assert ends[-1] == pytest.approx(x_until, abs=0.11)
    assert ends[-1] < PLOT_RIGHT - 10  # not the edge of the axis


@pytest.mark.django_db
def test_the_timeline_ends_today_or_at_as_of():
    claim = ClaimFactory()

    assert claim_timeline(claim=claim).until == timezone.localdate()
    as_of = dt.datetime(2024, 8, 1, 12, 0, tzinfo=dt.UTC)
    assert claim_timeline(claim=claim, as_of=as_of).until == dt.date(2024, 8, 1)
