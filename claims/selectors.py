"""Reads of claims and stances that need scoping or prefetching (the API and the web views
share them; sources' own reads are in sources/selectors.py).

Every list here runs a fixed number of queries whatever the number of rows:
relations are joined (select_related) or prefetched, counts are annotated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from claims.models import Claim, ReviewStatus, Stance

# --- Claims -----------------------------------------------------------------------


def claim_list() -> QuerySet[Claim]:
    """Claims with their confirmed stance and source counts (one query per page)."""
    confirmed = Q(stances__status=ReviewStatus.CONFIRMED)
    return Claim.objects.annotate(
        confirmed_stance_count=Count("stances", filter=confirmed, distinct=True),
        source_count=Count("stances__source", filter=confirmed, distinct=True),
    )


def claim_search(queryset: QuerySet[Claim], *, text: str) -> QuerySet[Claim]:
    """Claims whose text, description or topic match ``text`` (web search syntax), or whose
    slug, tags or search terms contain it."""
    text = text.strip()
    if not text:
        return queryset
    vector = SearchVector("text", "description", "topic", config="english")
    query = SearchQuery(text, search_type="websearch", config="english")
    folded = text.lower()
    return queryset.annotate(search=vector).filter(
        Q(search=query)
        | Q(slug__icontains=folded)
        | Q(tags__contains=[folded])
        | Q(search_terms__contains=[folded])
    )


def claim_filter_by_stance(
    queryset: QuerySet[Claim], *, source_ids: list[int] | None, position: str | None
) -> QuerySet[Claim]:
    """Claims with a confirmed stance by one of ``source_ids`` and/or of ``position``.

    Both conditions hold for the same stance ("claims Russia denies"), and
    EXISTS keeps each claim once however many stances match.
    """
    stances = Stance.objects.filter(claim=OuterRef("pk"), status=ReviewStatus.CONFIRMED)
    if source_ids is not None:
        stances = stances.filter(source_id__in=source_ids)
    if position:
        stances = stances.filter(position=position)
    return queryset.filter(Exists(stances))


@dataclass(frozen=True)
class HistoryVersion:
    """What a claim's history depends on, cheaply: an ETag seed and a Last-Modified."""

    stance_count: int
    last_modified: dt.datetime

    @property
    def tag(self) -> str:
        return f"{self.stance_count}-{self.last_modified.timestamp():.6f}"


def claim_history_version(*, claim: Claim) -> HistoryVersion:
    """The latest change to anything the claim's history shows, in one aggregate query.

    The stances (all statuses: a confirmation or a rejection changes the
    history), their articles, the articles' originals and every outlet named
    (article, original, wire credit), the sources (the tree decides the lanes)
    and the claim. Articles and outlets have their updated_at stamped by a
    trigger on every write, so a rename or a copy marked later moves the
    maximum. A deleted stance lowers the count.
    """
    sql = """
        SELECT count(*), max(s.updated_at),
               max(greatest(a.updated_at, o.updated_at, credit.updated_at,
                            original.updated_at, original_outlet.updated_at)),
               (SELECT max(updated_at) FROM sources_source)
        FROM claims_stance s
        JOIN sources_article a ON a.id = s.article_id
        LEFT JOIN sources_outlet o ON o.id = a.outlet_id
        LEFT JOIN sources_outlet credit ON credit.id = a.original_outlet_id
        LEFT JOIN sources_article original ON original.id = a.duplicate_of_id
        LEFT JOIN sources_outlet original_outlet ON original_outlet.id = original.outlet_id
        WHERE s.claim_id = %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [claim.pk])
        count, *moments = cursor.fetchone()
    return HistoryVersion(
        stance_count=count,
        last_modified=max(m for m in (claim.updated_at, *moments) if m is not None),
    )


# --- Stances ----------------------------------------------------------------------


def stance_list(*, include_unreviewed: bool) -> QuerySet[Stance]:
    """Stances with what a reader needs joined in; suggested and rejected ones only for reviewers."""
    queryset = Stance.objects.select_related(
        "claim", "source", "article__outlet", "attributed_via_source", "proposed_source__parent"
    )
    if not include_unreviewed:
        queryset = queryset.filter(status=ReviewStatus.CONFIRMED)
    return queryset


def reviewer_last_decision(*, reviewer: Any) -> tuple[int, dt.datetime] | None:
    """The reviewer's latest decision, as (stance id, reviewed_at), or None if they made none.

    Read from the audit history, not from the stances as they are: a decision
    another reviewer overturned since, or that was undone, is still the latest
    one, so an undo reaches back one decision only.
    """
    latest = (
        Stance.pgh_event_model.objects.filter(  # type: ignore[attr-defined]
            reviewed_by_id=reviewer.pk, reviewed_at__isnull=False
        )
        .order_by("-reviewed_at", "-pgh_id")
        .values_list("pgh_obj_id", "reviewed_at")
        .first()
    )
    return (latest[0], latest[1]) if latest is not None else None
