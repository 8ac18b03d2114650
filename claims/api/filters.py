"""Query-string filters of the list endpoints (django-filter; bad values answer 400)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError

from claims.models import Claim, ClaimStatus, Position, ReviewStatus, Stance
from claims.selectors import claim_filter_by_stance, claim_search
from factcheck.lookups import id_or_slug_filter
from sources.models import Article, DuplicateKind, Source, SourceKind
from sources.selectors import (
    AliasMatch,
    aliases_matching,
    article_search,
    source_with_descendants,
)


def _source_named(value: str, field: str = "source") -> Source:
    lookup = id_or_slug_filter(value)
    source = Source.objects.filter(lookup).first() if lookup is not None else None
    if source is None:
        raise ValidationError({field: [f"No source with id or slug '{value}'."]})
    return source


def _claim_named(value: str) -> Claim:
    lookup = id_or_slug_filter(value)
    claim = Claim.objects.filter(lookup).first() if lookup is not None else None
    if claim is None:
        raise ValidationError({"claim": [f"No claim with id or slug '{value}'."]})
    return claim


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", max_length=200, label="Search text, slug, tags and search terms."
    )
    tag = django_filters.CharFilter(
        field_name="tags", lookup_expr="contains", method="filter_tag", max_length=50
    )
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices)
    verdict = django_filters.ChoiceFilter(choices=Claim.Verdict.choices[1:])
    source = django_filters.CharFilter(
        method="filter_noop",
        max_length=200,
        label="Claims on which this source (id or slug) or one speaking for it took a confirmed stance.",
    )
    position = django_filters.ChoiceFilter(
        choices=Position.choices,
        method="filter_noop",
        label="Claims with a confirmed stance of this position (by `source`, if given).",
    )

    class Meta:
        model = Claim
        fields = ["q", "tag", "status", "verdict", "source", "position"]

    def filter_q(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return claim_search(queryset, text=value)

    def filter_tag(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(tags__contains=[value])

    def filter_noop(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return queryset  # source and position are applied together in filter_queryset

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        queryset = super().filter_queryset(queryset)
        source = self.form.cleaned_data.get("source")
        position = self.form.cleaned_data.get("position")
        if not source and not position:
            return queryset
        source_ids = source_with_descendants(source=_source_named(source)) if source else None
        return claim_filter_by_stance(queryset, source_ids=source_ids, position=position or None)


class SourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, label="Name or alias.")
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    parent = django_filters.CharFilter(method="filter_parent", max_length=200)

    class Meta:
        model = Source
        fields = ["q", "kind", "parent"]

    def filter_q(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        aliases = aliases_matching(value, match=AliasMatch.CONTAINS)
        matches = queryset.filter(name__icontains=value.strip()) | queryset.filter(
            pk__in=aliases.values("source_id")
        )
        return matches.distinct()

    def filter_parent(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        return queryset.filter(parent=_source_named(value, "parent"))


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, label="Full-text search.")
    outlet = django_filters.CharFilter(field_name="outlet__name", max_length=200)
    published_after = django_filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published_on", lookup_expr="lte")
    duplicate_kind = django_filters.ChoiceFilter(choices=DuplicateKind.choices[1:])

    class Meta:
        model = Article
        fields = ["q", "outlet", "published_after", "published_before", "duplicate_kind"]

    def filter_q(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        return article_search(queryset, text=value)


class StanceFilter(django_filters.FilterSet):
    claim = django_filters.CharFilter(method="filter_claim", max_length=200)
    source = django_filters.CharFilter(method="filter_source", max_length=200)
    position = django_filters.ChoiceFilter(choices=Position.choices)
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices)
    article = django_filters.NumberFilter(field_name="article_id", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = Stance
        fields = ["claim", "source", "position", "status", "article"]

    def filter_claim(self, queryset: QuerySet[Stance], name: str, value: str) -> QuerySet[Stance]:
        return queryset.filter(claim=_claim_named(value))

    def filter_source(self, queryset: QuerySet[Stance], name: str, value: str) -> QuerySet[Stance]:
        ids = source_with_descendants(source=_source_named(value))
        return queryset.filter(source_id__in=ids)
