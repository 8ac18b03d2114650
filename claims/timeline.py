"""One claim's history: each source's stances in order, its current position and its changes.

One computation serves the web UI, the API and the exports. Two clocks:
``stated_on`` (when a source said it) orders the timeline; ``as_of`` (when the
workbench recorded it) replays the audit history to answer with what was
known at that moment.

With ``as_of`` the stances, the sources (names, parents: the lanes) and the
claim (text, verdict) are read from django-pghistory's event tables as they
were at that moment, rows deleted since included. Articles and outlets have no
audit history: they show as they are now (a placeholder for an article
deleted since).

Statements: several stances can record one statement (one occasion on which a
source took a position), each in its own article: the Hill and AP's story both
report Washington's accusation of July 2023. A lane's stances are grouped into
statements (``statements_group``: same speaker, same position, dates within
STATEMENT_DAYS), each listing its reports and how many of them are independent
(copies of one original, and stories of one outlet, count once). Marks, tables,
counts and changes are per statement; the API keeps every stance, as a report.

Changes: a lane's position moving between two statements, confirmed ones only;
a reversal (asserts <-> denies), or a softening / firming (to or from hedges or
no comment). Bands of the position held end at ``Timeline.until``: today, or
the day of ``as_of``.

Query budget: a fixed number of queries whatever the number of stances
(stances with their articles in one, the source tree in one; with ``as_of``
the stance events, their articles, the source events and the claim's event).
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, NamedTuple

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from claims.models import Claim, Position, ReviewStatus, Stance
from sources.models import Article, Source
from sources.selectors import article_heavy_fields, source_descendant_ids


@dataclass(frozen=True)
class ArticleRef:
    id: int
    url: str
    title: str
    outlet: str
    published_on: dt.date | None
    duplicate_kind: str = ""
    original: ArticleRef | None = None
    page_date: dt.date | None = None
    # For copies whose original is not stored (an AP story seen only on a content farm).
    original_outlet: str = ""
    original_url: str = ""


class TimelineStance(NamedTuple):
    """One stance as the timeline shows it: a named tuple, since a big history builds
    thousands (a frozen dataclass costs three times as much to build)."""

    id: int
    speaker: Source
    position: str
    stated_on: dt.date
    stated_on_precision: str
    quote_exact: str
    quote_prefix: str
    quote_suffix: str
    quote_start: int
    quote_end: int
    attributed_via: str
    article: ArticleRef
    confidence: float | None = None
    status: str = ReviewStatus.CONFIRMED

    @property
    def position_label(self) -> str:
        return self.position.replace("_", " ")


# Reports of one statement: the same speaker's same position on dates at most this many
# days apart (a date known to the month or year spans it). Outlets date one statement a
# day or two apart (the day it was said, the day the story ran, a weekend between); a
# statement repeated a week later is another occasion. Figures in the README.
STATEMENT_DAYS = 3
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def stance_period(stance: TimelineStance) -> tuple[dt.date, dt.date]:
    """The days a stance's date stands for: one day, its month or its year."""
    day = stance.stated_on
    if stance.stated_on_precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if stance.stated_on_precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def report_origin(article: ArticleRef) -> str:
    """Whose reporting an article is: the outlet of the story it copies, the wire it carries,
    else its own outlet ("#<id>" for an article with no outlet). Reports of one origin are
    one independent report."""
    while article.original is not None:
        article = article.original
    return article.original_outlet or article.outlet or f"#{article.id}"


def _is_copy(article: ArticleRef) -> bool:
    return bool(article.original is not None or article.original_outlet or article.duplicate_kind)


@dataclass(frozen=True)
class Statement:
    """One occasion on which a source took a position, and every stance that reports it.

    ``reports[0]`` leads: the most precise date, then the earliest, then an original
    before a copy, then the first recorded. Its date, quote and article stand for
    the statement; the statement's id is its stance id.
    """

    reports: tuple[TimelineStance, ...]
    independent_reports: int
    articles: int  # distinct articles among the reports

    @property
    def lead(self) -> TimelineStance:
        return self.reports[0]

    @property
    def id(self) -> int:
        return self.lead.id

    @property
    def speaker(self) -> Source:
        return self.lead.speaker

    @property
    def position(self) -> str:
        return self.lead.position

    @property
    def position_label(self) -> str:
        return self.lead.position_label

    @property
    def stated_on(self) -> dt.date:
        return self.lead.stated_on

    @property
    def stated_on_precision(self) -> str:
        return self.lead.stated_on_precision

    @property
    def quote_exact(self) -> str:
        return self.lead.quote_exact

    @property
    def quote_prefix(self) -> str:
        return self.lead.quote_prefix

    @property
    def quote_suffix(self) -> str:
        return self.lead.quote_suffix

    @property
    def attributed_via(self) -> str:
        return self.lead.attributed_via

    @property
    def article(self) -> ArticleRef:
        return self.lead.article

    @property
    def confirmed(self) -> bool:
        return any(r.status == ReviewStatus.CONFIRMED for r in self.reports)

    @property
    def copies(self) -> int:
        """Reports beyond the independent ones: copies, and an outlet's further stories."""
        return self.articles - self.independent_reports

    def origins(self) -> list[tuple[str, list[ArticleRef]]]:
        """Each independent report: its origin and the articles carrying it, lead's first."""
        grouped: dict[str, list[ArticleRef]] = {}
        seen: set[int] = set()
        for report in self.reports:
            if report.article.id not in seen:
                seen.add(report.article.id)
                grouped.setdefault(report_origin(report.article), []).append(report.article)
        return list(grouped.items())


def _statement(reports: list[TimelineStance]) -> Statement:
    if len(reports) == 1:  # most statements: nothing to choose or count
        return Statement(reports=(reports[0],), independent_reports=1, articles=1)
    lead = min(
        reports,
        key=lambda r: (
            _PRECISION_RANK.get(r.stated_on_precision, 0),
            r.stated_on,
            _is_copy(r.article),
            r.id,
        ),
    )
    # The rest in stated order (they are given so).
    ordered = (lead, *(r for r in reports if r is not lead))
    articles = {r.article.id: r.article for r in reports}
    return Statement(
        reports=ordered,
        independent_reports=len({report_origin(a) for a in articles.values()}),
        articles=len(articles),
    )


def statements_group(stances: list[TimelineStance]) -> list[Statement]:
    """A lane's stances (in stated order) grouped into statements, in stated order.

    A stance joins the latest statement of its speaker and position when its date lies
    within STATEMENT_DAYS of that statement's first report; otherwise it starts one.
    Measured against the first report, not the last, so a source repeating itself every
    other day does not chain into one statement. Quotes are not compared: two outlets
    word one statement differently (README: "Statements").
    """
    groups: list[list[TimelineStance]] = []
    latest: dict[tuple[int, str], tuple[dt.date, list[TimelineStance]]] = {}
    window = dt.timedelta(days=STATEMENT_DAYS)
    for stance in stances:
        key = (stance.speaker.id, stance.position)
        # A day-precise date is its own period (most stances): no calendar arithmetic.
        if stance.stated_on_precision == "day":
            start = end = stance.stated_on
        else:
            start, end = stance_period(stance)
        open_ = latest.get(key)
        if open_ is not None and start - window <= open_[0]:
            open_[1].append(stance)
            continue
        group = [stance]
        groups.append(group)
        latest[key] = (end, group)
    statements = [_statement(group) for group in groups]
    statements.sort(key=lambda s: (s.lead.stated_on, s.lead.id))
    return statements


class ChangeKind:
    REVERSAL = "reversal"  # asserts <-> denies
    SOFTENING = "softening"  # to hedges from a firm position, or to no comment
    FIRMING = "firming"  # the other way


# How firmly a position is held: a reversal crosses from one firm side to the other.
_FIRMNESS: dict[str, int] = {
    Position.NO_COMMENT: 0,
    Position.HEDGES: 1,
    Position.ASSERTS: 2,
    Position.DENIES: 2,
}


def change_kind(from_position: str, to_position: str) -> str:
    if {from_position, to_position} == {Position.ASSERTS, Position.DENIES}:
        return ChangeKind.REVERSAL
    if _FIRMNESS.get(to_position, 0) < _FIRMNESS.get(from_position, 0):
        return ChangeKind.SOFTENING
    return ChangeKind.FIRMING


@dataclass(frozen=True)
class PositionChange:
    source: Source
    from_position: str
    to_position: str
    on: dt.date
    precision: str
    stance_id: int  # the statement's (its first report's)
    kind: str = ChangeKind.FIRMING

    @property
    def is_reversal(self) -> bool:
        return self.kind == ChangeKind.REVERSAL

    def __str__(self) -> str:
        when = format_date(self.on, self.precision)
        return f"{self.source.name}: {self.from_position} → {self.to_position}, {when}"


@dataclass
class Lane:
    source: Source
    stances: list[TimelineStance] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    changes: list[PositionChange] = field(default_factory=list)
    current_position: str | None = None

    @property
    def speakers(self) -> list[Source]:
        seen: dict[int, Source] = {}
        for stance in self.stances:
            seen.setdefault(stance.speaker.pk, stance.speaker)
        return list(seen.values())


@dataclass
class Timeline:
    claim: Claim
    lanes: list[Lane]
    as_of: dt.datetime | None = None
    grouped_by: str = "top"
    # Where the position held now ends: the day of as_of, else today.
    until: dt.date = field(default_factory=timezone.localdate)

    @property
    def stances(self) -> list[TimelineStance]:
        return sorted(
            (s for lane in self.lanes for s in lane.stances), key=lambda s: (s.stated_on, s.id)
        )

    @property
    def statements(self) -> list[Statement]:
        return sorted(
            (s for lane in self.lanes for s in lane.statements), key=lambda s: (s.stated_on, s.id)
        )

    @property
    def statement_count(self) -> int:
        return sum(len(lane.statements) for lane in self.lanes)

    @property
    def changes(self) -> list[PositionChange]:
        return sorted((c for lane in self.lanes for c in lane.changes), key=lambda c: c.on)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        dates = [s.stated_on for lane in self.lanes for s in lane.statements]
        return (min(dates), max(dates)) if dates else None


def format_date(day: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return f"{day:%Y-%m}"
    return day.isoformat()


def _article_ref(article: Article, outlets: dict[int, str]) -> ArticleRef:
    original = None
    if article.duplicate_of_id and article.duplicate_of is not None:
        original = _article_ref(article.duplicate_of, outlets)
    return ArticleRef(
        id=article.pk,
        url=article.url,
        title=article.title,
        outlet=outlets.get(article.outlet_id or 0, ""),
        published_on=article.published_on,
        duplicate_kind=article.duplicate_kind,
        original=original,
        page_date=article.page_date,
        original_outlet=(
            article.original_outlet.name
            if article.original_outlet_id and article.original_outlet
            else ""
        ),
        original_url=article.original_url,
    )


# What the timeline reads of a stance and its article, fetched as plain rows in one query:
# building 5,000 Stance model instances (and an Article and Outlet for each) costs far more
# than the query itself.
_STANCE_COLUMNS = (
    "id",
    "claim_id",
    "source_id",
    "position",
    "status",
    "stated_on",
    "stated_on_precision",
    "quote_exact",
    "quote_prefix",
    "quote_suffix",
    "quote_start",
    "quote_end",
    "attributed_via",
    "confidence",
    "article_id",
)
_ARTICLE_COLUMNS = (
    "url",
    "title",
    "outlet_id",
    "outlet__name",
    "published_on",
    "duplicate_kind",
    "page_date",
    "original_outlet_id",
    "original_outlet__name",
    "original_url",
)
_ROW_COLUMNS = (
    *_STANCE_COLUMNS,
    *(f"article__{c}" for c in _ARTICLE_COLUMNS),
    "article__duplicate_of_id",
    *(f"article__duplicate_of__{c}" for c in _ARTICLE_COLUMNS),
)


def _article_from_row(row: dict[str, Any], prefix: str, pk: int) -> SimpleNamespace:
    """The article fields _article_ref reads, from a row of joined columns."""

    def named(outlet_id: int | None, name: str | None) -> SimpleNamespace | None:
        return SimpleNamespace(pk=outlet_id, name=name) if outlet_id else None

    values = {c: row[f"{prefix}{c}"] for c in _ARTICLE_COLUMNS}
    return SimpleNamespace(
        pk=pk,
        **values,
        outlet=named(values["outlet_id"], values["outlet__name"]),
        original_outlet=named(values["original_outlet_id"], values["original_outlet__name"]),
        duplicate_of_id=None,
        duplicate_of=None,
    )


class _StanceRow(NamedTuple):
    """A stance row of _stance_rows_now: _STANCE_COLUMNS, then its article."""

    id: int
    claim_id: int
    source_id: int
    position: str
    status: str
    stated_on: dt.date
    stated_on_precision: str
    quote_exact: str
    quote_prefix: str
    quote_suffix: str
    quote_start: int
    quote_end: int
    attributed_via: str
    confidence: float | None
    article_id: int
    article: Any


def _stance_rows_now(claim_ids: Iterable[int], statuses: Iterable[str]) -> list[Any]:
    # Tuples, not values() dicts: Django builds a dict per row, which for 5,000 stances
    # costs more than grouping them into statements. A dict per article only (a few hundred).
    articles: dict[int, SimpleNamespace] = {}
    rows = []
    stance_columns = len(_STANCE_COLUMNS)
    article_at = _STANCE_COLUMNS.index("article_id")
    make = _StanceRow._make
    for values in (
        Stance.objects.filter(claim_id__in=list(claim_ids), status__in=list(statuses))
        .order_by("stated_on", "id")
        .values_list(*_ROW_COLUMNS)
    ):
        article_id = values[article_at]
        article = articles.get(article_id)
        if article is None:
            row = dict(zip(_ROW_COLUMNS, values, strict=True))
            article = _article_from_row(row, "article__", article_id)
            original_id = row["article__duplicate_of_id"]
            if original_id:
                article.duplicate_of_id = original_id
                article.duplicate_of = _article_from_row(
                    row, "article__duplicate_of__", original_id
                )
            articles[article_id] = article
        rows.append(make((*values[:stance_columns], article)))
    return rows


def _stance_rows_as_of(claim: Claim, as_of: dt.datetime, statuses: Iterable[str]) -> list[Any]:
    """The stances as the audit history had them at ``as_of`` (deleted ones left out)."""
    event_model = Stance.pgh_event_model  # type: ignore[attr-defined]
    latest = (
        event_model.objects.filter(pgh_obj_id=OuterRef("pgh_obj_id"), pgh_created_at__lte=as_of)
        .order_by("-pgh_created_at", "-pgh_id")
        .values("pgh_id")[:1]
    )
    events = list(
        event_model.objects.filter(claim_id=claim.pk, pgh_created_at__lte=as_of)
        .filter(pgh_id=Subquery(latest))
        .exclude(pgh_label="delete")
        .filter(status__in=list(statuses))
        .order_by("stated_on", "pgh_obj_id")
        .values("pgh_obj_id", *(c for c in _STANCE_COLUMNS if c != "id"))
    )
    articles = (
        Article.objects.select_related("outlet", "original_outlet", "duplicate_of__outlet")
        .defer(*article_heavy_fields(), *article_heavy_fields("duplicate_of"))
        .in_bulk({e["article_id"] for e in events})
    )
    return [
        SimpleNamespace(
            **event,
            id=event["pgh_obj_id"],
            article=articles.get(event["article_id"]) or _article_gone(event["article_id"]),
        )
        for event in events
    ]


def _article_gone(pk: int) -> SimpleNamespace:
    """An article deleted since (its stances were deleted first): not audited, so only its id."""
    return SimpleNamespace(
        pk=pk,
        url="",
        title="(article no longer stored)",
        outlet_id=None,
        outlet=None,
        published_on=None,
        duplicate_kind="",
        duplicate_of_id=None,
        duplicate_of=None,
        page_date=None,
        original_outlet_id=None,
        original_outlet=None,
        original_url="",
    )


def _sources_as_of(as_of: dt.datetime) -> dict[int, Source]:
    """Every source as it was at ``as_of``: its latest audit event at or before that moment
    (a source deleted since shows as it was), else the row as it is now. One query."""
    columns = ", ".join(f'"{f.column}"' for f in Source._meta.concrete_fields)
    events = Source.pgh_event_model._meta.db_table  # type: ignore[attr-defined]
    sql = f"""
        WITH then_ AS (
            SELECT DISTINCT ON (pgh_obj_id) {columns}
            FROM "{events}"
            WHERE pgh_created_at <= %s
            ORDER BY pgh_obj_id, pgh_created_at DESC, pgh_id DESC
        )
        SELECT {columns} FROM then_
        UNION ALL
        SELECT {columns} FROM "{Source._meta.db_table}"
        WHERE id NOT IN (SELECT id FROM then_)
    """  # noqa: S608 -- only column and table names from the models are interpolated
    return {source.pk: source for source in Source.objects.raw(sql, [as_of])}


def _claim_as_of(claim: Claim, as_of: dt.datetime) -> Claim:
    """The claim as its latest audit event at or before ``as_of`` had it (text, verdict…);
    as it is now when there is none (recorded later)."""
    event_model = Claim.pgh_event_model  # type: ignore[attr-defined]
    event = (
        event_model.objects.filter(pgh_obj_id=claim.pk, pgh_created_at__lte=as_of)
        .order_by("-pgh_created_at", "-pgh_id")
        .first()
    )
    if event is None:
        return claim
    then = copy.copy(claim)
    for column in Claim._meta.concrete_fields:
        if hasattr(event, column.attname):
            setattr(then, column.attname, getattr(event, column.attname))
    return then


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a big history is built.

    Building one allocates tens of thousands of objects (rows, stances, statements, their
    JSON), none of them garbage yet; each allocation threshold crossed would start a
    collection that walks them all again, for nothing. Reference counting still frees
    what is dropped. Collection resumes (if it was on) however the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def claim_timeline(
    *,
    claim: Claim,
    as_of: dt.datetime | None = None,
    source: Source | None = None,
    since: dt.date | None = None,
    group_by: str = "top",
    statuses: Iterable[str] = (ReviewStatus.CONFIRMED,),
) -> Timeline:
    """The claim's history, one lane per top-level source (or per speaker with group_by='speaker').

    ``source`` keeps the stances of that source and of every source speaking
    for it, at any depth. ``since`` keeps the stances stated on or after that
    day and drops lanes left without any; a lane's current position still
    comes from all its stances (it is the position the source holds).
    """
    with gc_paused():
        if as_of:
            rows = _stance_rows_as_of(claim, as_of, statuses)
            sources = _sources_as_of(as_of)
            claim = _claim_as_of(claim, as_of)
        else:
            rows = _stance_rows_now([claim.pk], statuses)
            # The source tree is small: one query, no recursion in SQL.
            sources = Source.objects.in_bulk()
        return _timeline_from_rows(
            claim, rows, sources, as_of=as_of, source=source, since=since, group_by=group_by
        )


def claims_timelines(
    *,
    claims: Iterable[Claim],
    group_by: str = "top",
    statuses: Iterable[str] = (ReviewStatus.CONFIRMED,),
) -> dict[int, Timeline]:
    """claim_timeline for many claims at once (the home page), in the same two queries."""
    claims = list(claims)
    rows = _stance_rows_now([c.pk for c in claims], statuses)
    sources = Source.objects.in_bulk()
    by_claim: dict[int, list[Any]] = {c.pk: [] for c in claims}
    for row in rows:
        by_claim[row.claim_id].append(row)
    return {
        c.pk: _timeline_from_rows(c, by_claim[c.pk], sources, group_by=group_by) for c in claims
    }


def _timeline_from_rows(
    claim: Claim,
    rows: list[Any],
    sources: dict[int, Source],
    *,
    as_of: dt.datetime | None = None,
    source: Source | None = None,
    since: dt.date | None = None,
    group_by: str = "top",
) -> Timeline:
    outlets = {
        a.outlet_id: a.outlet.name
        for a in (r.article for r in rows)
        if a.outlet_id and a.outlet is not None
    }
    for row in rows:
        dup = row.article.duplicate_of
        if dup is not None and dup.outlet_id and dup.outlet is not None:
            outlets[dup.outlet_id] = dup.outlet.name

    def top(source_id: int) -> Source:
        node, seen = sources[source_id], set()
        while node.parent_id and node.parent_id not in seen and node.parent_id in sources:
            seen.add(node.pk)
            node = sources[node.parent_id]
        return node

    wanted = (
        source_descendant_ids(
            parents={pk: s.parent_id for pk, s in sources.items()}, source_id=source.pk
        )
        if source is not None
        else None
    )
    lanes: dict[int, Lane] = {}
    refs: dict[int, ArticleRef] = {}  # one per article, however many stances quote it
    for row in rows:
        speaker = sources.get(row.source_id)
        # A source can only go once its stances have: a row read just before both went.
        if speaker is None or (wanted is not None and speaker.pk not in wanted):
            continue
        lane_source = top(row.source_id) if group_by == "top" else speaker
        lane = lanes.setdefault(lane_source.pk, Lane(source=lane_source))
        lane.stances.append(
            TimelineStance(
                id=row.id,
                speaker=speaker,
                position=row.position,
                stated_on=row.stated_on,
                stated_on_precision=row.stated_on_precision,
                quote_exact=row.quote_exact,
                quote_prefix=row.quote_prefix,
                quote_suffix=row.quote_suffix,
                quote_start=row.quote_start,
                quote_end=row.quote_end,
                attributed_via=row.attributed_via,
                article=refs.get(row.article_id)
                or refs.setdefault(row.article_id, _article_ref(row.article, outlets)),
                confidence=row.confidence,
                status=row.status,
            )
        )

    for lane in lanes.values():
        lane.stances.sort(key=lambda s: (s.stated_on, s.id))
        lane.statements = statements_group(lane.stances)
        previous: Statement | None = None
        # Only confirmed statements move a position: a suggestion is not yet evidence.
        for statement in (s for s in lane.statements if s.confirmed):
            if previous is not None and statement.position != previous.position:
                lane.changes.append(
                    PositionChange(
                        source=lane.source,
                        from_position=previous.position,
                        to_position=statement.position,
                        on=statement.stated_on,
                        precision=statement.stated_on_precision,
                        stance_id=statement.id,
                        kind=change_kind(previous.position, statement.position),
                    )
                )
            previous = statement
        # From all the lane's statements, ``since`` or not: the position the source holds.
        lane.current_position = previous.position if previous else None
        if since is not None:
            lane.stances = [s for s in lane.stances if s.stated_on >= since]
            lane.statements = [s for s in lane.statements if s.stated_on >= since]
            lane.changes = [c for c in lane.changes if c.on >= since]

    shown = [lane for lane in lanes.values() if lane.statements]
    ordered = sorted(shown, key=lambda lane: (-len(lane.statements), lane.source.name))
    until = as_of.date() if as_of else timezone.localdate()
    return Timeline(claim=claim, lanes=ordered, as_of=as_of, grouped_by=group_by, until=until)
