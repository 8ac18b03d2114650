"""Reads for the web pages, each a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from claims.models import Claim, ReviewStatus, Stance, SuggestionRun
from sources.models import Article, Source, normalize_alias
from sources.selectors import AliasMatch, aliases_matching, article_heavy_fields

# How many suggestions the review queue shows at once (oldest first).
QUEUE_PAGE_SIZE = 40


def claims_for_home() -> list[Claim]:
    return list(Claim.objects.order_by("status", "text"))


def review_count() -> int:
    return Stance.objects.filter(status=ReviewStatus.SUGGESTED).count()


def review_queue() -> QuerySet[Stance]:
    """Suggested stances, oldest first, with what a reviewer needs joined in (one query)."""
    return (
        Stance.objects.filter(status=ReviewStatus.SUGGESTED)
        .select_related(
            "claim",
            "source__parent",
            "article__outlet",
            "attributed_via_source",
            "created_by",
            "proposed_source__parent",
        )
        .defer(*article_heavy_fields("article", keep_text=True))
        .order_by("created_at", "id")
    )


@dataclass(frozen=True)
class SourceMatch:
    source: Source
    alias: str
    similarity: float


def source_lookup(query: str, *, limit: int = 10) -> list[SourceMatch]:
    """Sources whose name or an alias resembles ``query`` (trigram similarity on normalised aliases)."""
    needle = normalize_alias(query)
    if not needle:
        return []
    # SIMILAR annotates each alias with its similarity (which mypy's plugin cannot see).
    aliases = aliases_matching(query, match=AliasMatch.SIMILAR | AliasMatch.WORD_PREFIX)
    found: dict[int, SourceMatch] = {}
    for alias in aliases.order_by(F("similarity").desc(), "alias")[: limit * 3]:
        similarity: float = alias.similarity  # type: ignore[attr-defined]
        score = 1.0 if alias.normalized.startswith(needle) else similarity
        known = found.get(alias.source_id)
        if known is None or score > known.similarity:
            found[alias.source_id] = SourceMatch(alias.source, alias.alias, score)
    for source in Source.objects.filter(name__icontains=query.strip())[:limit]:
        found.setdefault(source.pk, SourceMatch(source, source.name, 1.0))
    ranked = sorted(found.values(), key=lambda m: (-m.similarity, m.source.name))
    return ranked[:limit]


def article_for_page(pk: int) -> Article:
    return (
        Article.objects.select_related("outlet", "original_outlet", "duplicate_of__outlet", "feed")
        .defer(*article_heavy_fields(keep_text=True), *article_heavy_fields("duplicate_of"))
        .get(pk=pk)
    )


def article_stances(article: Article, *, include_unreviewed: bool) -> list[Stance]:
    """The article's confirmed stances in text order, and its suggested ones for reviewers."""
    shown = [ReviewStatus.CONFIRMED]
    if include_unreviewed:
        shown.append(ReviewStatus.SUGGESTED)
    return list(
        Stance.objects.filter(article=article, status__in=shown)
        .select_related("claim", "source")
        .order_by("quote_start", "id")
    )


def article_suggestion_trouble(article: Article) -> SuggestionRun | None:
    """How the suggester's reading of the article ended, when it stopped short or failed."""
    return (
        SuggestionRun.objects.filter(article=article)
        .exclude(state=SuggestionRun.State.DONE)
        .first()
    )


def article_copies(article: Article) -> list[Article]:
    return list(
        Article.objects.filter(duplicate_of=article)
        .select_related("outlet")
        .defer(*article_heavy_fields())
        .order_by("published_on", "id")
    )


def article_index(limit: int = 100) -> list[Article]:
    """Recent articles with their outlet and stance counts (one query)."""
    return list(
        Article.objects.select_related("outlet", "original_outlet")
        .defer(*article_heavy_fields())
        .annotate(
            confirmed_count=Count("stances", filter=Q(stances__status=ReviewStatus.CONFIRMED)),
            suggested_count=Count("stances", filter=Q(stances__status=ReviewStatus.SUGGESTED)),
        )
        .order_by("-created_at", "-id")[:limit]
    )
