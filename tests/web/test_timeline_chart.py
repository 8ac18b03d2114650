"""The SVG chart's layout: the time axis, shapes per position, aggregation of close marks."""

import datetime as dt

from claims.timeline import ArticleRef, Lane, Timeline, TimelineStance, statements_group
from claims.web.chart import glyph, scale_for, ticks_for
from sources.models import Source


def stance(
    pk: int, day: dt.date, position: str = "asserts", precision: str = "day"
) -> TimelineStance:
    return TimelineStance(
        id=pk,
        speaker=Source(pk=1, name="Somebody"),
        position=position,
        stated_on=day,
        stated_on_precision=precision,
        quote_exact="q",
        quote_prefix="",
        quote_suffix="",
        quote_start=0,
        quote_end=1,
        attributed_via="",
        article=ArticleRef(id=1, url="", title="t", outlet="o", published_on=None),
    )


def timeline(*stances: TimelineStance) -> Timeline:
    lane = Lane(
        source=Source(pk=1, name="Somebody"),
        stances=list(stances),
        statements=statements_group(list(stances)),
    )
    # As of the last statement: the axis runs to the day the bands end.
    return Timeline(claim=None, lanes=[lane], until=max(s.stated_on for s in stances))  # type: ignore[arg-type]


def test_the_axis_has_a_tick_for_each_year_and_labelled_months():
    scale = scale_for(timeline(stance(1, dt.date(2023, 7, 27)), stance(2, dt.date(2025, 3, 21))))
    ticks = ticks_for(scale)
    assert [t.year_label for t in ticks if t.major] == ["2024", "2025"]
    assert ticks[0].year_label == "2023"  # the first tick names its year
    assert "Jul" in [t.label for t in ticks]


def test_a_long_span_keeps_year_ticks_and_drops_month_labels():
    scale = scale_for(timeline(stance(1, dt.date(2000, 1, 1)), stance(2, dt.date(2024, 1, 1))))
    ticks = ticks_for(scale)
    assert len([t for t in ticks if t.major]) == 25  # 2000 to 2024
    assert not [t for t in ticks if t.label]


def test_each_position_has_its_own_shape():
    shapes = {
        p: glyph(p, 10, 10).split(" ", 1)[0] for p in ("asserts", "denies", "hedges", "no_comment")
    }
    assert shapes == {
        "asserts": "<circle",
        "denies": "<rect",
        "hedges": "<polygon",
        "no_comment": "<circle",
    }
    assert "glyph-no_comment" in glyph("no_comment", 10, 10)  # hollow, by its class
