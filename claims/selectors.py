"""Reads that need scoping or prefetching (the API and the web views share them).

Every list here runs a fixed number of queries whatever the number of rows:
relations are joined (select_related) or prefetched, counts are annotated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from claims.models import Claim, ReviewStatus, Stance
from sources.models import Article, IngestJob, Source, SourceAlias

# What a slug can be (Django's slug converter); anything else is looked up by
# nothing, so odd path segments (NUL bytes, spaces) never reach the database.
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
# Primary keys are bigint; a longer number cannot be one.
_MAX_ID = 2**63 - 1


def id_or_slug_filter(value: str) -> Q | None:
    """The filter that finds a row by its numeric id or its slug, or None when it can be neither."""
    if value.isascii() and value.isdigit():
        number = int(value)
        return Q(pk=number) if 0 < number <= _MAX_ID else None
    return Q(slug=value) if _SLUG.match(value) else None


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


def claim_get(*, id_or_slug: str, queryset: QuerySet[Claim] | None = None) -> Claim:
    """One claim by id or slug; raises Claim.DoesNotExist."""
    lookup = id_or_slug_filter(id_or_slug)
    if lookup is None:
        raise Claim.DoesNotExist(f"No claim {id_or_slug!r}.")
    return (queryset if queryset is not None else Claim.objects.all()).get(lookup)


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


# --- Sources ----------------------------------------------------------------------


def source_list() -> QuerySet[Source]:
    """Sources with their parent and aliases (two queries per page)."""
    return Source.objects.select_related("parent").prefetch_related(
        Prefetch("aliases", queryset=SourceAlias.objects.order_by("alias"))
    )


def source_get(*, id_or_slug: str, queryset: QuerySet[Source] | None = None) -> Source:
    lookup = id_or_slug_filter(id_or_slug)
    if lookup is None:
        raise Source.DoesNotExist(f"No source {id_or_slug!r}.")
    return (queryset if queryset is not None else Source.objects.all()).get(lookup)


def source_with_descendants(*, source: Source) -> list[int]:
    """The source's id and the ids of every source speaking for it (one query: the tree is small)."""
    parents = dict(Source.objects.values_list("pk", "parent_id"))
    return sorted(source_descendant_ids(parents=parents, source_id=source.pk))


def source_descendant_ids(*, parents: Mapping[int, int | None], source_id: int) -> set[int]:
    """``source_id`` and every source below it at any depth, from a {source: parent} map.

    The one definition of "a source and its speakers", for the stance and claim
    filters and the history alike (which passes the tree as it was at as_of).
    """
    children: dict[int, list[int]] = {}
    for pk, parent_id in parents.items():
        if parent_id is not None:
            children.setdefault(parent_id, []).append(pk)
    found, todo = {source_id}, [source_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


# --- Articles and ingestion -------------------------------------------------------


def article_list() -> QuerySet[Article]:
    """Articles with outlet and original (one query per page); the text is left out of lists."""
    return Article.objects.select_related(
        "outlet", "original_outlet", "duplicate_of__outlet"
    ).defer("html", "minhash", "search_vector")


def article_search(queryset: QuerySet[Article], *, text: str) -> QuerySet[Article]:
    text = text.strip()
    if not text:
        return queryset
    return queryset.filter(
        search_vector=SearchQuery(text, search_type="websearch", config="english")
    )


def ingest_job_list() -> QuerySet[IngestJob]:
    return IngestJob.objects.select_related("article")


# --- Stances ----------------------------------------------------------------------


def stance_list(*, include_unreviewed: bool) -> QuerySet[Stance]:
    """Stances with what a reader needs joined in; suggested and rejected ones only for reviewers."""
    queryset = Stance.objects.select_related(
        "claim", "source", "article__outlet", "attributed_via_source"
    )
    if not include_unreviewed:
        queryset = queryset.filter(status=ReviewStatus.CONFIRMED)
    return queryset
