"""A claim's history as JSON: written by PostgreSQL for the history now (history_body),
built from claims.timeline's Timeline for an ``as_of`` replay (history_data).

The same shape as serializers.HistorySerializer (which documents it in the
OpenAPI schema; a test keeps the two equal), without DRF's per-field
machinery: a claim with 5,000 stances renders in a fraction of the time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection

from claims.api.renderers import escape_separators, float_json
from claims.models import Claim, ReviewStatus
from claims.timeline import (
    STATEMENT_DAYS,
    ArticleRef,
    Lane,
    Statement,
    Timeline,
    TimelineStance,
    format_date,
)
from sources.models import Source
from sources.selectors import source_with_descendants


def _moment(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    text = value.astimezone(dt.UTC).isoformat()
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Refs:
    """Each source and article rendered once, however many stances name it."""

    def __init__(self) -> None:
        self.sources: dict[int, dict[str, Any]] = {}
        self.articles: dict[int, dict[str, Any]] = {}

    def source(self, source: Source) -> dict[str, Any]:
        found = self.sources.get(source.pk)
        if found is None:
            found = self.sources[source.pk] = {
                "id": source.pk,
                "slug": source.slug,
                "name": source.name,
                "kind": source.kind,
            }
        return found

    def article(self, article: ArticleRef) -> dict[str, Any]:
        found = self.articles.get(article.id)
        if found is None:
            original = article.original
            found = self.articles[article.id] = {
                "id": article.id,
                "url": article.url,
                "title": article.title,
                "outlet": article.outlet,
                "published_on": _day(article.published_on),
                "page_date": _day(article.page_date),
                "duplicate_kind": article.duplicate_kind,
                "original": None
                if original is None
                else {
                    "id": original.id,
                    "url": original.url,
                    "title": original.title,
                    "outlet": original.outlet,
                    "published_on": _day(original.published_on),
                },
                "original_outlet": article.original_outlet,
                "original_url": article.original_url,
            }
        return found


def _stance(stance: TimelineStance, refs: _Refs) -> dict[str, Any]:
    return {
        "id": stance.id,
        "speaker": refs.source(stance.speaker),
        "position": stance.position,
        "stated_on": stance.stated_on.isoformat(),
        "stated_on_precision": stance.stated_on_precision,
        "stated": format_date(stance.stated_on, stance.stated_on_precision),
        "quote": {
            "exact": stance.quote_exact,
            "prefix": stance.quote_prefix,
            "suffix": stance.quote_suffix,
            "start": stance.quote_start,
            "end": stance.quote_end,
        },
        "attributed_via": stance.attributed_via,
        "confidence": float_json(stance.confidence),
        "article": refs.article(stance.article),
    }


def _statement(statement: Statement, refs: _Refs) -> dict[str, Any]:
    # Its speaker, position and date are its first report's: not repeated here, so the
    # history of 5,000 stances grows by a few bytes a statement, not by a stance's worth.
    return {
        "id": statement.id,
        "independent_reports": statement.independent_reports,
        "copies": statement.copies,
        "reports": [_stance(r, refs) for r in statement.reports],
    }


def _lane(lane: Lane, refs: _Refs) -> dict[str, Any]:
    return {
        "source": refs.source(lane.source),
        "current_position": lane.current_position,
        "speakers": [refs.source(s) for s in lane.speakers],
        "statements": [_statement(s, refs) for s in lane.statements],
        "changes": [
            {
                "from": c.from_position,
                "to": c.to_position,
                "kind": c.kind,
                "on": c.on.isoformat(),
                "precision": c.precision,
                "stance": c.stance_id,
            }
            for c in lane.changes
        ],
    }


def history_data(timeline: Timeline) -> dict[str, Any]:
    refs = _Refs()
    claim = timeline.claim
    return {
        "claim": {
            "id": claim.pk,
            "slug": claim.slug,
            "text": claim.text,
            "verdict": claim.verdict,
        },
        "as_of": _moment(timeline.as_of),
        "grouped_by": timeline.grouped_by,
        "lanes": [_lane(lane, refs) for lane in timeline.lanes],
    }


# --- The history written by PostgreSQL ----------------------------------------------------
#
# A claim's history is mostly its quotes (exact, prefix, suffix: hundreds of characters per
# stance, thousands of stances). Grouping and rendering them in Python costs several times
# the query that reads them, so the history without as_of is written whole by one query:
# the same lanes, statements, leads, counts and changes as claims.timeline (the statements'
# reset rule by claims_statement_groups(), migration 0011), and the same bytes as
# history_data through dumps: compact JSON, strings escaped as json.dumps escapes them
# (to_json), floats as Python writes them, U+2028 / U+2029 escaped after.
# tests/api/test_history_output_is_unchanged.py compares the two on the demo and on
# generated claims (copies, months and years, every option); as_of replays the audit
# history and goes through claims.timeline.

_HISTORY_SQL = """
WITH RECURSIVE
chain AS (  -- each source up its parents (a cycle stops where it closes)
    SELECT id AS source_id, id AS node, parent_id, ARRAY[id] AS seen FROM sources_source
    UNION ALL
    SELECT c.source_id, p.id, p.parent_id, c.seen || p.id
    FROM chain c JOIN sources_source p ON p.id = c.parent_id
    WHERE NOT p.id = ANY(c.seen)
),
top AS (
    SELECT DISTINCT ON (source_id) source_id, node AS top_id
    FROM chain ORDER BY source_id, cardinality(seen) DESC
),
speaker AS (
    SELECT src.id, src.name, row_to_json(j)::text AS json
    FROM sources_source src
    CROSS JOIN LATERAL (SELECT src.id, src.slug, src.name, src.kind) j
),
base AS (  -- the stances with their statement numbers (migration 0011) and lanes
    SELECT s.*,
           CASE WHEN %(by_top)s THEN top.top_id ELSE s.source_id END AS lane_id,
           -- (stated_on, id) as one sortable number: first appearances, without a sort
           (s.stated_on - DATE '1970-01-01')::bigint * 1000000000000 + s.id AS seq
    FROM claims_statement_groups(%(claim)s, %(statuses)s, %(wanted)s, %(window)s) s
    JOIN top ON top.source_id = s.source_id
),
article AS MATERIALIZED (
    SELECT a.id,
           row_to_json(j)::text AS json,
           (d.id IS NOT NULL OR coalesce(credit.name, '') <> '' OR a.duplicate_kind <> '')
               AS is_copy,
           CASE WHEN d.id IS NOT NULL
               THEN coalesce(nullif(d_credit.name, ''), nullif(d_outlet.name, ''),
                             '#' || d.id)
               ELSE coalesce(nullif(credit.name, ''), nullif(outlet.name, ''), '#' || a.id)
           END AS origin
    FROM sources_article a
    LEFT JOIN sources_outlet outlet ON outlet.id = a.outlet_id
    LEFT JOIN sources_outlet credit ON credit.id = a.original_outlet_id
    LEFT JOIN sources_article d ON d.id = a.duplicate_of_id
    LEFT JOIN sources_outlet d_outlet ON d_outlet.id = d.outlet_id
    LEFT JOIN sources_outlet d_credit ON d_credit.id = d.original_outlet_id
    CROSS JOIN LATERAL (
        SELECT a.id, a.url, a.title, coalesce(outlet.name, '') AS outlet,
               a.published_on, a.page_date, a.duplicate_kind,
               CASE WHEN d.id IS NOT NULL THEN (
                   SELECT row_to_json(o) FROM (
                       SELECT d.id, d.url, d.title, coalesce(d_outlet.name, '') AS outlet,
                              d.published_on) o
               ) END AS original,
               coalesce(credit.name, '') AS original_outlet, a.original_url
    ) j
    WHERE a.id IN (SELECT article_id FROM base)
),
report AS (
    SELECT b.id, b.lane_id, b.position, b.stated_on, b.stated_on_precision, b.status,
           b.article_id, b.statement_no, b.shared, a.origin, a.is_copy,
           concat(
               '{"id":', b.id,
               ',"speaker":', sp.json,
               ',"position":', to_json(b.position),
               ',"stated_on":"', to_char(b.stated_on, 'YYYY-MM-DD'),
               '","stated_on_precision":', to_json(b.stated_on_precision),
               ',"stated":"', CASE b.stated_on_precision
                                  WHEN 'year' THEN to_char(b.stated_on, 'YYYY')
                                  WHEN 'month' THEN to_char(b.stated_on, 'YYYY-MM')
                                  ELSE to_char(b.stated_on, 'YYYY-MM-DD') END,
               '","quote":{"exact":', to_json(b.quote_exact),
               ',"prefix":', to_json(b.quote_prefix),
               ',"suffix":', to_json(b.quote_suffix),
               ',"start":', b.quote_start, ',"end":', b.quote_end,
               '},"attributed_via":', to_json(b.attributed_via),
               ',"confidence":', CASE
                   -- Python's float repr: 1.0 and -0.0 where PostgreSQL writes 1 and -0.
                   WHEN b.confidence IS NULL THEN 'null'
                   WHEN b.confidence::text = '-0' THEN '-0.0'
                   WHEN b.confidence = trunc(b.confidence) AND abs(b.confidence) < 1e16
                       THEN b.confidence::numeric::text || '.0'
                   ELSE b.confidence::text END,
               ',"article":', a.json, '}'
           ) AS json
    FROM base b
    JOIN article a ON a.id = b.article_id
    JOIN speaker sp ON sp.id = b.source_id
),
shared AS MATERIALIZED (SELECT * FROM report WHERE shared),
lead AS (  -- statements of several reports: the most precise date, the earliest, an original
    SELECT r.statement_no,
           (array_agg(r.id ORDER BY CASE r.stated_on_precision WHEN 'month' THEN 1
                                         WHEN 'year' THEN 2 ELSE 0 END,
                                    r.stated_on, r.is_copy, r.id))[1] AS lead_id
    FROM shared r
    GROUP BY r.statement_no
),
statement AS (
    -- A statement of one report: nothing to choose or count.
    SELECT r.lane_id, r.id AS lead_id, r.position, r.stated_on,
           r.stated_on_precision AS precision, r.status = 'confirmed' AS confirmed,
           concat('{"id":', r.id, ',"independent_reports":1,"copies":0,"reports":[', r.json,
                  ']}') AS json
    FROM report r
    WHERE NOT r.shared
    UNION ALL
    SELECT r.lane_id, l.lead_id,
           min(r.position),
           min(r.stated_on) FILTER (WHERE r.id = l.lead_id),
           min(r.stated_on_precision) FILTER (WHERE r.id = l.lead_id),
           bool_or(r.status = 'confirmed'),
           concat(
               '{"id":', l.lead_id,
               ',"independent_reports":', count(DISTINCT r.origin),
               ',"copies":', count(DISTINCT r.article_id) - count(DISTINCT r.origin),
               ',"reports":[',
               string_agg(r.json, ',' ORDER BY r.id = l.lead_id DESC, r.stated_on, r.id),
               ']}'
           )
    FROM shared r
    JOIN lead l ON l.statement_no = r.statement_no
    GROUP BY r.lane_id, r.statement_no, l.lead_id
),
held AS (  -- confirmed statements in order, each with the one before it in its lane
    SELECT s.lane_id, s.lead_id, s.position, s.stated_on, s.precision,
           lag(s.position) OVER (PARTITION BY s.lane_id ORDER BY s.stated_on, s.lead_id)
               AS previous,
           row_number() OVER (PARTITION BY s.lane_id ORDER BY s.stated_on DESC, s.lead_id DESC)
               AS from_last
    FROM statement s WHERE s.confirmed
),
changes AS (
    SELECT h.lane_id,
           string_agg(concat(
               '{"from":', to_json(h.previous), ',"to":', to_json(h.position),
               ',"kind":"', CASE
                   WHEN h.previous IN ('asserts', 'denies') AND h.position IN ('asserts', 'denies')
                       THEN 'reversal'
                   WHEN (CASE h.position WHEN 'hedges' THEN 1 WHEN 'asserts' THEN 2
                         WHEN 'denies' THEN 2 ELSE 0 END)
                      < (CASE h.previous WHEN 'hedges' THEN 1 WHEN 'asserts' THEN 2
                         WHEN 'denies' THEN 2 ELSE 0 END)
                       THEN 'softening'
                   ELSE 'firming' END,
               '","on":"', to_char(h.stated_on, 'YYYY-MM-DD'),
               '","precision":', to_json(h.precision),
               ',"stance":', h.lead_id, '}'
           ), ',' ORDER BY h.stated_on, h.lead_id) AS json
    FROM held h
    WHERE h.previous IS NOT NULL AND h.previous <> h.position
      AND (%(since)s::date IS NULL OR h.stated_on >= %(since)s::date)
    GROUP BY h.lane_id
),
statements AS (
    SELECT s.lane_id, count(*) AS shown,
           string_agg(s.json, ',' ORDER BY s.stated_on, s.lead_id) AS json
    FROM statement s
    WHERE %(since)s::date IS NULL OR s.stated_on >= %(since)s::date
    GROUP BY s.lane_id
),
speakers AS (  -- each lane's speakers in the order they first speak
    SELECT first.lane_id, string_agg(sp.json, ',' ORDER BY first.seq) AS json
    FROM (
        SELECT b.lane_id, b.source_id, min(b.seq) AS seq FROM base b
        WHERE %(since)s::date IS NULL OR b.stated_on >= %(since)s::date
        GROUP BY b.lane_id, b.source_id
    ) first
    JOIN speaker sp ON sp.id = first.source_id
    GROUP BY first.lane_id
),
lane AS (
    SELECT first.lane_id, src.name, st.shown, first.seq,
           concat(
               '{"source":', src.json,
               ',"current_position":', coalesce(to_json(h.position)::text, 'null'),
               ',"speakers":[', spk.json,
               '],"statements":[', st.json,
               '],"changes":[', ch.json,
               ']}'
           ) AS json
    FROM (SELECT b.lane_id, min(b.seq) AS seq FROM base b GROUP BY b.lane_id) first
    JOIN statements st ON st.lane_id = first.lane_id
    JOIN speaker src ON src.id = first.lane_id
    LEFT JOIN held h ON h.lane_id = first.lane_id AND h.from_last = 1
    LEFT JOIN speakers spk ON spk.lane_id = first.lane_id
    LEFT JOIN changes ch ON ch.lane_id = first.lane_id
)
SELECT (
    '{"claim":' || (
        SELECT row_to_json(c)::text
        FROM (SELECT id, slug, text, verdict FROM claims_claim WHERE id = %(claim)s) c)
    || ',"as_of":null,"grouped_by":' || to_json(%(group_by)s::text)::text
    || ',"lanes":[' || coalesce((
        SELECT string_agg(lane.json, ',' ORDER BY lane.shown DESC,
                          lane.name COLLATE "C", lane.seq)
        FROM lane), '')
    || ']}')
"""


def history_body(
    *,
    claim: Claim,
    source: Source | None = None,
    since: dt.date | None = None,
    group_by: str = "top",
    statuses: Iterable[str] = (ReviewStatus.CONFIRMED,),
) -> bytes:
    """The claim's history now (no as_of) as the API's JSON: the bytes of
    dumps(history_data(claim_timeline(...))), written by PostgreSQL in one query (two
    with ``source``: its descendants are looked up first)."""
    wanted = source_with_descendants(source=source) if source is not None else None
    with connection.cursor() as cursor:
        cursor.execute(
            _HISTORY_SQL,
            {
                "claim": claim.pk,
                "statuses": list(statuses),
                "wanted": wanted,
                "by_top": group_by == "top",
                "since": since,
                "window": STATEMENT_DAYS,
                "group_by": group_by,
            },
        )
        # Text, not bytea: psycopg reads results as text, where bytea is hex.
        body = cursor.fetchone()[0].encode()
    return body if body.isascii() else escape_separators(body)
