"""The claim timeline as inline SVG, drawn on the server from claims.timeline.Timeline.

One lane per source, time along the bottom, each statement a mark whose colour
AND shape say its position (its card lists every report), the position held
between statements drawn as a patterned band up to today (or as_of), each
reversal called out with its words and each softening or firming marked with a
dashed tick. Marks that fall within a few pixels of each other are stacked (up
to STACK_MAX) or merged into one aggregate mark with a count, so 5,000
statements stay readable and the page stays small.

The SVG is built as strings, not in a template: a template loop over
thousands of marks costs a good part of a second; this costs a few
milliseconds. Every piece of text goes through ``escape`` in ``_attrs`` or
``_text``; nothing from the database is ever inserted unescaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from claims.models import Position
from claims.timeline import (
    Lane,
    PositionChange,
    Statement,
    Timeline,
    format_date,
    stance_period,
)
from claims.web.reports import reports_count, reports_text

# app.css repeats WIDTH, PLOT_LEFT and LANE_HEIGHT (.chart) to pin the lane labels on phones.
WIDTH = 1000
LABEL_WIDTH = 210
PLOT_LEFT = LABEL_WIDTH + 14
PLOT_RIGHT = WIDTH - 20
LANE_HEIGHT = 60
MARK_Y = 38  # centre line of the marks within a lane
CALLOUT_Y = 16
AXIS_HEIGHT = 44
MARK_R = 6
# Marks closer than this (in viewBox units) are drawn as one group...
CLUSTER_PX = 9
# ...and in a lane too crowded to show every mark (more than about one per 12 units),
# groups are wider, so they become a few numbered marks instead of a smear.
CROWDED_LANE = 60
CROWDED_CLUSTER_PX = 28
# A group of at most this many marks is stacked; a bigger one becomes an aggregate mark.
STACK_MAX = 3
STACK_STEP = 12
CHAR_WIDTH = 6.1  # average width of a character at the callout font size, for collisions
CALLOUTS_PER_LANE = 4
# Lanes per SVG: a printed page breaks only between SVGs, so each must fit on a page
# (12 lanes are 720 units high, about 13 cm at A4 width). On screen they stack seamlessly.
LANES_PER_SVG = 12

POSITIONS = [p.value for p in Position]
POSITION_LABELS = {p.value: p.label for p in Position}


def _attrs(attrs: dict[str, object]) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not None and value is not False
    )


def _el(tag: str, children: Iterable[str] = (), **attrs: object) -> str:
    body = "".join(children)
    return f"<{tag}{_attrs(attrs)}>{body}</{tag}>" if body else f"<{tag}{_attrs(attrs)}/>"


def _text(value: object) -> str:
    # The standard library's escape (what django.utils.html.escape calls) without the
    # lazy-string wrapper, which costs more than the escaping over thousands of marks.
    return html.escape(str(value), quote=True)


def glyph(position: str, x: float, y: float, r: float = MARK_R) -> str:
    """The shape for a position: asserts ●, denies ■, hedges ▲, no comment ○."""
    cls = f"glyph glyph-{position}"
    if position == Position.ASSERTS:
        return _el("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{r:.1f}", class_=cls)
    if position == Position.DENIES:
        s = r * 0.9
        return _el(
            "rect",
            x=f"{x - s:.1f}",
            y=f"{y - s:.1f}",
            width=f"{2 * s:.1f}",
            height=f"{2 * s:.1f}",
            class_=cls,
        )
    if position == Position.HEDGES:
        h = r * 1.15
        points = f"{x:.1f},{y - h:.1f} {x + h:.1f},{y + h * 0.8:.1f} {x - h:.1f},{y + h * 0.8:.1f}"
        return _el("polygon", points=points, class_=cls)
    return _el("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{r - 1:.1f}", class_=cls)


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _period(statement: Statement) -> tuple[dt.date, dt.date]:
    """The days a statement's date stands for: one day, its month or its year."""
    return stance_period(statement.lead)


@dataclass
class Scale:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return max(1, (self.end - self.start).days)

    def x(self, day: dt.date) -> float:
        return PLOT_LEFT + (day - self.start).days / self.days * (PLOT_RIGHT - PLOT_LEFT)

    def x_of(self, statement: Statement) -> float:
        first, last = _period(statement)
        return (self.x(first) + self.x(last)) / 2


def scale_for(timeline: Timeline) -> Scale | None:
    span = timeline.date_range
    if span is None:
        return None
    first, last = span
    periods = [_period(s) for lane in timeline.lanes for s in lane.statements]
    # Up to today (or as_of): the bands show the position held until then.
    last = max(last, timeline.until, *(p[1] for p in periods))
    # A month of air either side, so the first and last marks are not on the edge.
    return Scale(_add_months(_month_start(first), -1), _add_months(_month_start(last), 2))


@dataclass
class Tick:
    x: float
    label: str
    major: bool  # a year boundary: a grid line across the lanes
    year_label: str = ""  # the year, printed under the month row


def ticks_for(scale: Scale) -> list[Tick]:
    """Month ticks (labelled as often as there is room) and year ticks (always labelled)."""
    months = (scale.end.year - scale.start.year) * 12 + scale.end.month - scale.start.month
    px_per_month = (PLOT_RIGHT - PLOT_LEFT) / max(1, months)
    label_every = next((n for n in (1, 2, 3, 6) if px_per_month * n >= 34), 0)
    tick_every = 1 if px_per_month >= 6 else 3 if px_per_month * 3 >= 6 else 0
    ticks = []
    day = scale.start
    index = 0
    # The first tick names its year too, unless a January comes too soon after it.
    first_year = px_per_month * (13 - day.month) >= 44
    while day <= scale.end:
        if day.month == 1:
            ticks.append(Tick(scale.x(day), "", True, f"{day:%Y}"))
        elif index == 0 or (tick_every and (day.month - 1) % tick_every == 0):
            labelled = label_every and (day.month - 1) % label_every == 0
            year = f"{day:%Y}" if index == 0 and first_year else ""
            ticks.append(Tick(scale.x(day), f"{day:%b}" if labelled else "", False, year))
        day = _add_months(day, 1)
        index += 1
    return ticks


@dataclass
class Group:
    statements: list[Statement] = field(default_factory=list)
    xs: list[float] = field(default_factory=list)
    centre: float | None = None  # where an aggregate mark goes (default: the mean x)


def _groups(lane: Lane, scale: Scale) -> list[Group]:
    groups: list[Group] = []
    if len(lane.statements) > CROWDED_LANE:
        # Fixed bins, so the numbered marks sit side by side and never overlap.
        bins: dict[int, Group] = {}
        for statement in lane.statements:
            x = scale.x_of(statement)
            group = bins.setdefault(int((x - PLOT_LEFT) // CROWDED_CLUSTER_PX), Group())
            group.statements.append(statement)
            group.xs.append(x)
        for number, group in sorted(bins.items()):
            group.centre = PLOT_LEFT + (number + 0.5) * CROWDED_CLUSTER_PX
            groups.append(group)
        return groups
    for statement in lane.statements:
        x = scale.x_of(statement)
        if groups and x - groups[-1].xs[0] < CLUSTER_PX:
            groups[-1].statements.append(statement)
            groups[-1].xs.append(x)
        else:
            groups.append(Group([statement], [x]))
    return groups


def statement_label(statement: Statement, lane: Lane) -> str:
    who = statement.speaker.name
    if statement.speaker.pk != lane.source.pk:
        who = f"{who} ({lane.source.name})"
    when = format_date(statement.stated_on, statement.stated_on_precision)
    via = f", {statement.attributed_via}" if statement.attributed_via else ""
    return (
        f"{who} {statement.position_label}, {when}{via}: “{statement.quote_exact}” "
        f"({reports_count(statement)}: {reports_text(statement)})"
    )


CHANGE_WORDS = {"reversal": "reversal", "softening": "softened", "firming": "firmed"}


def change_label(change: PositionChange) -> str:
    return (
        f"{change.source.name}: {POSITION_LABELS.get(change.from_position, change.from_position)}"
        f" → {POSITION_LABELS.get(change.to_position, change.to_position)}, {change.on:%Y-%m}"
        f" ({CHANGE_WORDS.get(change.kind, change.kind)})"
    )


@dataclass
class Chart:
    lanes_svg: SafeString
    axis_svg: SafeString
    lane_count: int
    mark_count: int
    aggregate_count: int


def render_chart(
    timeline: Timeline,
    *,
    stance_href: Callable[[Statement], str | None],
    group_href: Callable[[Lane, dt.date, dt.date], str],
    quote_href: Callable[[Statement], str] = lambda statement: "",
) -> Chart | None:
    """The lanes (SVGs of up to LANES_PER_SVG lanes, scroll together) and the time axis.

    ``stance_href`` is where a statement's mark leads (None: nowhere, the mark is not
    a link target); ``quote_href`` the original page at the quote, for the mark card.
    """
    scale = scale_for(timeline)
    if scale is None:
        return None
    ticks = ticks_for(scale)
    statements = timeline.statement_count
    until = scale.x(timeline.until)
    until_label = (
        f"as of {timeline.until.isoformat()}" if timeline.as_of else f"today, {timeline.until}"
    )
    svgs: list[str] = []
    marks = aggregates = 0
    for first in range(0, len(timeline.lanes), LANES_PER_SVG):
        lanes = timeline.lanes[first : first + LANES_PER_SVG]
        parts, lane_marks, lane_aggregates = _lanes_block(
            lanes,
            first,
            scale,
            ticks,
            (until, until_label),
            stance_href=stance_href,
            group_href=group_href,
            quote_href=quote_href,
        )
        marks += lane_marks
        aggregates += lane_aggregates
        if len(timeline.lanes) <= LANES_PER_SVG:
            label = f"Timeline: {len(timeline.lanes)} sources, {statements} statements"
        else:
            label = (
                f"Timeline, sources {first + 1} to {first + len(lanes)} of "
                f"{len(timeline.lanes)} ({statements} statements in all)"
            )
        block = _el(
            "svg",
            ([_defs()] if first == 0 else []) + parts,
            viewBox=f"0 0 {WIDTH} {LANE_HEIGHT * len(lanes)}",
            class_="timeline-lanes",
            role="group",
            aria_label=label,
            preserveAspectRatio="xMinYMin meet",
        )
        # In print each block is a page's worth of lanes with its own axis (shown only there).
        last = first + LANES_PER_SVG >= len(timeline.lanes)
        axis = "" if last else _axis(ticks, extra_class="timeline-axis-print")
        svgs.append(f'<div class="lanes-block">{block}{axis}</div>')
    lanes_svg = "".join(svgs)
    return Chart(
        lanes_svg=mark_safe(lanes_svg),  # noqa: S308 - built from escaped parts above
        axis_svg=mark_safe(_axis(ticks)),  # noqa: S308 - labels are dates we format
        lane_count=len(timeline.lanes),
        mark_count=marks,
        aggregate_count=aggregates,
    )


def _lanes_block(
    lanes: list[Lane],
    first: int,
    scale: Scale,
    ticks: list[Tick],
    until: tuple[float, str],
    *,
    stance_href: Callable[[Statement], str | None],
    group_href: Callable[[Lane, dt.date, dt.date], str],
    quote_href: Callable[[Statement], str],
) -> tuple[list[str], int, int]:
    """The inside of one lanes SVG: backgrounds (striped by overall lane number), year lines, lanes."""
    height = LANE_HEIGHT * len(lanes)
    parts: list[str] = []
    for index in range(len(lanes)):
        parts.append(
            _el(
                "rect",
                x="0",
                y=str(index * LANE_HEIGHT),
                width=str(WIDTH),
                height=str(LANE_HEIGHT),
                class_="lane-bg lane-odd" if (first + index) % 2 else "lane-bg",
            )
        )
    # Year lines over the lane backgrounds, under the bands and marks.
    for tick in ticks:
        if tick.major:
            parts.append(
                _el(
                    "line",
                    x1=f"{tick.x:.1f}",
                    x2=f"{tick.x:.1f}",
                    y1="0",
                    y2=str(height),
                    class_="grid-year",
                )
            )
    # Where the bands end: today, or the moment of as_of.
    x_until, until_label = until
    parts.append(
        _el(
            "g",
            [
                _el("title", [_text(until_label)]),
                _el(
                    "line",
                    x1=f"{x_until:.1f}",
                    x2=f"{x_until:.1f}",
                    y1="0",
                    y2=str(height),
                    class_="until-line",
                ),
            ],
            class_="until",
        )
    )
    marks = aggregates = 0
    for index, lane in enumerate(lanes):
        lane_svg, lane_marks, lane_aggregates = _lane(
            lane,
            index,
            scale,
            x_until,
            stance_href=stance_href,
            group_href=group_href,
            quote_href=quote_href,
        )
        parts.append(lane_svg)
        marks += lane_marks
        aggregates += lane_aggregates
    return parts, marks, aggregates


# Band patterns: solid for asserts, hatched for denies, dotted for hedges, open for no comment.
_PATTERNS = {
    "asserts": (
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="band-fill-asserts"/></pattern>'
    ),
    "denies": (
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="band-bg"/>'
        '<rect width="2.4" height="6" class="band-fill-denies"/></pattern>'
    ),
    "hedges": (
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="band-bg"/>'
        '<circle cx="3" cy="3" r="1.4" class="band-fill-hedges"/></pattern>'
    ),
    "no_comment": (
        '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="band-bg"/></pattern>'
    ),
}


def _defs() -> str:
    """The band patterns of the chart, referred to by the bands' fill attributes."""
    return (
        "<defs>"
        + "".join(pattern.format(id=f"band-{p}") for p, pattern in _PATTERNS.items())
        + "</defs>"
    )


def band_swatch(position: str, width: int = 26, height: int = 10) -> str:
    """A legend swatch of a position's band, drawn with its own pattern.

    Self-contained: its fill attribute names the pattern inside it. The legend used
    to be filled by stylesheet rules pointing at the chart's patterns (``url(#band-…)``),
    so it drew nothing wherever those were missing.
    """
    pattern_id = f"swatch-{position}"
    return _el(
        "svg",
        [
            "<defs>" + _PATTERNS[position].format(id=pattern_id) + "</defs>",
            _el(
                "rect",
                width=str(width),
                height=str(height),
                fill=f"url(#{pattern_id})",
                class_=f"band band-{position}",
            ),
        ],
        class_="legend-band",
        width=str(width),
        height=str(height),
        aria_hidden="true",
    )


def _lane(
    lane: Lane,
    index: int,
    scale: Scale,
    until: float,
    *,
    stance_href: Callable[[Statement], str | None],
    group_href: Callable[[Lane, dt.date, dt.date], str],
    quote_href: Callable[[Statement], str],
) -> tuple[str, int, int]:
    top = index * LANE_HEIGHT
    y = top + MARK_Y
    parts: list[str] = [_label(lane, top)]
    # Bands: the position held from one confirmed statement to the next change (the last
    # one to today, or as_of); one rectangle per run of the same position.
    runs: list[tuple[str, float]] = []
    for statement in lane.statements:
        if statement.confirmed and (not runs or runs[-1][0] != statement.position):
            runs.append((statement.position, scale.x_of(statement)))
    for i, (position, x_from) in enumerate(runs):
        x_to = runs[i + 1][1] if i + 1 < len(runs) else min(max(until, x_from), PLOT_RIGHT)
        if x_to - x_from < 0.5:
            continue
        parts.append(
            _el(
                "rect",
                x=f"{x_from:.1f}",
                y=f"{y - 5:.1f}",
                width=f"{x_to - x_from:.1f}",
                height="10",
                fill=f"url(#band-{position})",
                class_=f"band band-{position}",
            )
        )
    parts.extend(_callouts(lane, scale, top))
    marks = aggregates = 0
    # In a crowded lane any cluster becomes a numbered mark: stacks there read as noise.
    stack_max = 1 if len(lane.statements) > CROWDED_LANE else STACK_MAX
    for group in _groups(lane, scale):
        if len(group.statements) <= stack_max:
            offset = (len(group.statements) - 1) * STACK_STEP / 2
            for n, (statement, x) in enumerate(zip(group.statements, group.xs, strict=True)):
                if statement.stated_on_precision != "day":
                    parts.append(_whisker(statement, scale, y))
                parts.append(
                    _mark(statement, lane, x, y - offset + n * STACK_STEP, stance_href, quote_href)
                )
                marks += 1
        else:
            parts.append(_aggregate(group, lane, y, group_href))
            aggregates += 1
    return _el("g", parts, class_="lane", data_source=lane.source.pk), marks, aggregates


def _whisker(statement: Statement, scale: Scale, y: float) -> str:
    """Under a mark dated to the month or year: a line over the period the date stands for."""
    first, last = _period(statement)
    return _el(
        "line",
        x1=f"{scale.x(first):.1f}",
        x2=f"{scale.x(last):.1f}",
        y1=f"{y + 11:.1f}",
        y2=f"{y + 11:.1f}",
        class_="whisker",
    )


def _label(lane: Lane, top: int) -> str:
    name = lane.source.name
    others = [s.name for s in lane.speakers if s.pk != lane.source.pk]
    title = name + (f", with {', '.join(others)}" if others else "")
    short = name if len(name) <= 24 else name[:23] + "…"
    names = [_text(short)]
    if others:
        # Officials and agencies speaking for this source: named when one fits, else counted.
        extra = others[0] if len(others) == 1 and len(short) + len(others[0]) < 28 else ""
        extra = extra or f"{len(others)} speaker{'s' if len(others) > 1 else ''}"
        names.append(_el("tspan", [_text(f"+ {extra}")], dx="6", class_="lane-speakers"))
    parts = [
        _el("title", [_text(title)]),
        _el("text", names, x="12", y=str(top + 24), class_="lane-name"),
    ]
    if lane.current_position:
        label = POSITION_LABELS.get(lane.current_position, lane.current_position)
        parts.append(glyph(lane.current_position, 18, top + 41, 4.5))
        parts.append(
            _el(
                "text",
                [_text(f"now {label}")],
                x="28",
                y=str(top + 45),
                class_=f"lane-now lane-now-{lane.current_position}",
            )
        )
    return _el("g", parts, class_="lane-label")


def _callouts(lane: Lane, scale: Scale, top: int) -> list[str]:
    """Every change above its mark: a reversal with its words, a softening or firming as a
    dashed tick (named in its <title> and in the list under the chart).

    Reversals are labelled latest first while the labels fit (at most CALLOUTS_PER_LANE
    a lane, else a lane that keeps reversing is a wall of text); one whose label would
    overlap another keeps its line and its <title>.
    """
    taken: list[tuple[float, float]] = []
    parts: list[str] = []
    labelled = 0
    by_id = {s.id: s for s in lane.statements}
    for change in sorted(lane.changes, key=lambda c: c.on, reverse=True):
        statement = by_id.get(change.stance_id)
        if statement is None:
            continue
        x = scale.x_of(statement)
        text = change_label(change)
        line_top = top + CALLOUT_Y + 4 if change.is_reversal else top + MARK_Y - 18
        line = _el(
            "line",
            x1=f"{x:.1f}",
            x2=f"{x:.1f}",
            y1=str(line_top),
            y2=str(top + MARK_Y - 8),
            class_="callout-line",
        )
        children = [_el("title", [_text(text)]), line]
        if change.is_reversal and labelled < CALLOUTS_PER_LANE:
            width = len(text) * CHAR_WIDTH
            anchor_end = x + width / 2 > PLOT_RIGHT
            anchor_start = x - width / 2 < PLOT_LEFT
            left = x - width if anchor_end else x if anchor_start else x - width / 2
            right = left + width
            if not any(left < r + 8 and right > lf - 8 for lf, r in taken):
                taken.append((left, right))
                labelled += 1
                children.append(
                    _el(
                        "text",
                        [_text(text)],
                        x=f"{x:.1f}",
                        y=str(top + CALLOUT_Y),
                        text_anchor="end" if anchor_end else "start" if anchor_start else "middle",
                        class_="callout-text",
                    )
                )
        parts.append(
            _el(
                "g",
                children,
                class_=f"callout callout-{change.kind}",
                data_change=change.kind,
                data_statement=change.stance_id,
            )
        )
    return parts


def _mark(
    statement: Statement,
    lane: Lane,
    x: float,
    y: float,
    stance_href: Callable[[Statement], str | None],
    quote_href: Callable[[Statement], str],
) -> str:
    # The <title> child names the link for assistive technology and shows on hover; the
    # data-* attributes feed the detail card timeline.js shows on focus. An href is
    # written only as the callbacks give it: they pass http(s) URLs and our own paths.
    label = statement_label(statement, lane)
    return _el(
        "a",
        [_el("title", [_text(label)]), glyph(statement.position, x, y)],
        href=stance_href(statement),
        tabindex="0",
        class_=f"mark mark-{statement.position}",
        data_stance=statement.id,
        data_speaker=statement.speaker.name,
        data_position=statement.position_label,
        data_date=format_date(statement.stated_on, statement.stated_on_precision),
        data_outlet=reports_text(statement),
        data_reports=reports_count(statement),
        data_title=statement.article.title,
        data_via=statement.attributed_via,
        data_quote=statement.quote_exact,
        data_at_quote=quote_href(statement) or None,
    )


def _aggregate(
    group: Group, lane: Lane, y: float, group_href: Callable[[Lane, dt.date, dt.date], str]
) -> str:
    counts = Counter(s.position for s in group.statements)
    main = counts.most_common(1)[0][0]
    first, last = group.statements[0].stated_on, group.statements[-1].stated_on
    x = group.centre if group.centre is not None else sum(group.xs) / len(group.xs)
    summary = ", ".join(f"{counts[p]} {POSITION_LABELS[p]}" for p in POSITIONS if counts.get(p))
    label = (
        f"{lane.source.name}: {len(group.statements)} statements, {first.isoformat()} to "
        f"{last.isoformat()}: {summary}. Open them in the table."
    )
    count = str(len(group.statements))
    width = 12 + len(count) * 6
    return _el(
        "a",
        [
            _el("title", [_text(label)]),
            _el(
                "rect",
                x=f"{x - width / 2:.1f}",
                y=f"{y - 8:.1f}",
                width=f"{width:.1f}",
                height="16",
                rx="8",
                class_=f"aggregate aggregate-{main}",
            ),
            _el(
                "text",
                [_text(count)],
                x=f"{x:.1f}",
                y=f"{y + 3.5:.1f}",
                text_anchor="middle",
                class_="aggregate-count",
            ),
        ],
        href=group_href(lane, first, last),
        tabindex="0",
        class_=f"mark mark-aggregate mark-{main}",
        data_speaker=lane.source.name,
        data_position=summary,
        data_date=f"{first.isoformat()} to {last.isoformat()}",
        data_count=count,
    )


def _axis(ticks: list[Tick], extra_class: str = "") -> str:
    parts = [
        _el(
            "line",
            x1=str(PLOT_LEFT),
            x2=str(PLOT_RIGHT),
            y1="1",
            y2="1",
            class_="axis-line",
        ),
    ]
    for tick in ticks:
        parts.append(
            _el(
                "line",
                x1=f"{tick.x:.1f}",
                x2=f"{tick.x:.1f}",
                y1="1",
                y2="12" if tick.major else "6",
                class_="axis-tick-major" if tick.major else "axis-tick",
            )
        )
        if tick.label:
            parts.append(
                _el(
                    "text",
                    [_text(tick.label)],
                    x=f"{tick.x:.1f}",
                    y="22",
                    text_anchor="middle",
                    class_="axis-month",
                )
            )
        if tick.year_label:
            parts.append(
                _el(
                    "text",
                    [_text(tick.year_label)],
                    x=f"{tick.x + 3:.1f}",
                    y="38",
                    text_anchor="start",
                    class_="axis-year",
                )
            )
    return _el(
        "svg",
        parts,
        viewBox=f"0 0 {WIDTH} {AXIS_HEIGHT}",
        class_=f"timeline-axis {extra_class}".strip(),
        aria_hidden="true",
        preserveAspectRatio="xMinYMin meet",
    )
