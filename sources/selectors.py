"""Reads of sources, articles and ingest jobs that need scoping or prefetching.

The API, the web pages and claims read sources' rows through these. Every list runs a
fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.postgres.search import SearchQuery
from django.db.models import Prefetch, QuerySet

from factcheck.lookups import id_or_slug_filter
from sources.models import Article, IngestJob, Source, SourceAlias

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
