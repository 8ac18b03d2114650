"""Reads of sources, articles and ingest jobs that need scoping or prefetching.

The API, the web pages and claims read sources' rows through these. Every list runs a
fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Mapping

from django.contrib.postgres.search import SearchQuery, TrigramSimilarity
from django.db.models import CharField, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils.text import slugify

from factcheck.lookups import id_or_slug_filter
from sources.models import Article, IngestJob, Source, SourceAlias, normalize_alias

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


def source_slug_free(*, name: str) -> str:
    """A slug for a new source called ``name`` that no source has ("source-2" after "source");
    never all digits, which would read as an id."""
    base = slugify(name)[:180] or "source"
    if base.isdigit():
        base = f"source-{base}"
    slug, n = base, 1
    while Source.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


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


# --- Finding a source by name or alias ---------------------------------------------


class AliasMatch(enum.Flag):
    """How an alias must meet a text, both in normalize_alias's form; combine with ``|``."""

    EXACT = enum.auto()  # the alias is the text: "the White-House" finds "The White House"
    PREFIX = enum.auto()  # the alias begins with the text: "pyong" finds "Pyongyang"
    WORD_PREFIX = enum.auto()  # a word of the alias begins with it: "house" finds "White House"
    CONTAINS = enum.auto()  # the text is part of the alias: "kreml" finds "the Kremlin"
    WITHIN = enum.auto()  # the alias stands in the text as whole words: "KCNA said" finds "KCNA"
    SIMILAR = enum.auto()  # pg_trgm similarity of at least min_similarity: "Pyongang"


# Trigram similarity (0..1) from which an alias is SIMILAR to a text, unless told otherwise.
ALIAS_SIMILARITY = 0.25


def aliases_matching(
    text: str, *, match: AliasMatch, min_similarity: float = ALIAS_SIMILARITY
) -> QuerySet[SourceAlias]:
    """The aliases that meet ``text`` as ``match`` says, with their sources joined in.

    The one place an alias is looked up: the admin's and the API's source search, the
    web's source picker and resolver, and the "reported through" phrase all ask here.
    With SIMILAR each alias carries its ``similarity``. A text that normalises to nothing
    (punctuation, blanks) finds nothing.
    """
    needle = normalize_alias(text)
    if not needle:
        return SourceAlias.objects.none()
    aliases = SourceAlias.objects.select_related("source")
    conditions = []
    if AliasMatch.EXACT in match:
        conditions.append(Q(normalized=needle))
    if AliasMatch.PREFIX in match:
        conditions.append(Q(normalized__startswith=needle))
    if AliasMatch.WORD_PREFIX in match:
        conditions.append(Q(normalized__startswith=needle) | Q(normalized__contains=f" {needle}"))
    if AliasMatch.CONTAINS in match:
        conditions.append(Q(normalized__contains=needle))
    if AliasMatch.WITHIN in match:
        aliases = aliases.alias(_padded_text=Value(f" {needle} ", output_field=CharField()))
        conditions.append(Q(_padded_text__contains=Concat(Value(" "), F("normalized"), Value(" "))))
    if AliasMatch.SIMILAR in match:
        aliases = aliases.annotate(similarity=TrigramSimilarity("normalized", needle))
        conditions.append(Q(similarity__gte=min_similarity))
    return aliases.filter(functools.reduce(operator.or_, conditions))


def source_by_name(text: str) -> Source | None:
    """The source called ``text``: by its name in any case, else by an alias, or None."""
    text = text.strip()
    if not text:
        return None
    by_name = Source.objects.filter(name__iexact=text).first()
    if by_name is not None:
        return by_name
    alias = aliases_matching(text, match=AliasMatch.EXACT).first()
    return alias.source if alias is not None else None


# --- Articles and ingestion -------------------------------------------------------


# The columns of an article that are heavy to read: its text, its display HTML, the
# MinHash signature and the search vector. Lists and timelines never show them.
ARTICLE_HEAVY_FIELDS = ("text", "html", "minhash", "search_vector")


def article_heavy_fields(through: str = "", *, keep_text: bool = False) -> list[str]:
    """The heavy columns to leave out of a query: ``.defer(*article_heavy_fields())``.

    Those of the queried article, or with ``through`` of the one a relation reaches
    ("article" from a stance, "duplicate_of" from a copy); ``keep_text`` for a page
    that shows the text.
    """
    prefix = f"{through}__" if through else ""
    return [prefix + name for name in ARTICLE_HEAVY_FIELDS if not (keep_text and name == "text")]


def article_list(*, with_text: bool = True) -> QuerySet[Article]:
    """Articles with outlet and original (one query per page), light but for the text if asked."""
    return Article.objects.select_related(
        "outlet", "original_outlet", "duplicate_of__outlet"
    ).defer(*article_heavy_fields(keep_text=with_text))


def article_search(queryset: QuerySet[Article], *, text: str) -> QuerySet[Article]:
    text = text.strip()
    if not text:
        return queryset
    return queryset.filter(
        search_vector=SearchQuery(text, search_type="websearch", config="english")
    )


def ingest_job_list() -> QuerySet[IngestJob]:
    return IngestJob.objects.select_related("article")
