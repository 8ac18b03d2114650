"""Reads that need scoping or prefetching (the API and the web views share them).

Every list here runs a fixed number of queries whatever the number of rows:
relations are joined (select_related) or prefetched, counts are annotated.
"""

from __future__ import annotations

import datetime as dt
import re
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
    copies: str = ""

    @property
    def tag(self) -> str:
        return f"{self.stance_count}-{self.last_modified.timestamp():.6f}-{self.copies}"


def claim_history_version(*, claim: Claim) -> HistoryVersion:
    """One aggregate query over the claim's stances (all statuses: a confirmation or a
    rejection changes the history), their articles and the sources.

    A deleted stance lowers the count; a renamed source moves the sources' time;
    articles never change but for dedupe marking one a copy later, which moves
    the sums of their originals' ids.
    """
    sql = """
        SELECT count(*), max(s.updated_at), (SELECT max(updated_at) FROM sources_source),
               count(a.duplicate_of_id), coalesce(sum(a.duplicate_of_id), 0),
               coalesce(sum(a.original_outlet_id), 0)
        FROM claims_stance s JOIN sources_article a ON a.id = s.article_id
        WHERE s.claim_id = %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [claim.pk])
        count, stances_at, sources_at, *copies = cursor.fetchone()
    moments = [m for m in (claim.updated_at, stances_at, sources_at) if m is not None]
    return HistoryVersion(
        stance_count=count,
        last_modified=max(moments),
        copies="-".join(str(n) for n in copies),
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
    children: dict[int, list[int]] = {}
    for pk, parent_id in Source.objects.values_list("pk", "parent_id"):
        if parent_id is not None:
            children.setdefault(parent_id, []).append(pk)
    found, todo = {source.pk}, [source.pk]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return sorted(found)


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
