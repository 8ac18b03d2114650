"""What the API reads and writes. Reads of a claim's history render claims.timeline's Timeline."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from claims.models import (
    PERIOD_REVERSED,
    REJECT_REASON_MAX,
    Claim,
    DatePrecision,
    Position,
    ProposedSource,
    RejectReason,
    ReviewStatus,
    Stance,
)
from claims.timeline import format_date
from factcheck.lookups import id_or_slug_filter
from sources.fetch.addresses import fetchable_url
from sources.models import Article, IngestJob, Outlet, Source
from sources.selectors import source_slug_free
from sources.services import AliasProblem, source_aliases_check, source_create, source_update


def _absolute(request: Any, name: str, **kwargs: Any) -> str:
    return reverse(name, kwargs=kwargs, request=request)


def _not_only_digits(value: str) -> None:
    # Paths take an id or a slug: a slug made of digits would read as an id.
    if value.isdigit():
        raise serializers.ValidationError("A slug needs at least one letter or hyphen.")


@extend_schema_field({"oneOf": [{"type": "integer", "minimum": 1}, {"type": "string"}]})
class IdOrSlugField(serializers.Field):
    """A related row named by its numeric id or its slug."""

    default_error_messages = {
        "missing": "No {what} with id or slug {value!r}.",
        "invalid": "Give the {what}'s numeric id or its slug.",
    }

    def __init__(self, *, queryset: Any, what: str, **kwargs: Any) -> None:
        self.queryset = queryset
        self.what = what
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("invalid", what=self.what)
        lookup = id_or_slug_filter(str(data))
        found = self.queryset.filter(lookup).first() if lookup is not None else None
        if found is None:
            self.fail("missing", what=self.what, value=data)
        return found

    def to_representation(self, value: Any) -> Any:
        return value.pk


# --- Claims -----------------------------------------------------------------------


class ClaimSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(
        max_length=120,
        required=False,
        validators=[_not_only_digits],
        help_text="Made from the text when left out.",
    )
    confirmed_stance_count = serializers.SerializerMethodField()
    source_count = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    history_url = serializers.SerializerMethodField()
    claimreview_url = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "slug",
            "text",
            "description",
            "topic",
            "tags",
            "search_terms",
            "status",
            "verdict",
            "verdict_summary",
            "valid_from",
            "valid_to",
            "confirmed_stance_count",
            "source_count",
            "created_at",
            "updated_at",
            "url",
            "history_url",
            "claimreview_url",
        ]
        read_only_fields = ["created_at", "updated_at"]

    def get_confirmed_stance_count(self, claim: Claim) -> int:
        return getattr(claim, "confirmed_stance_count", 0)

    def get_source_count(self, claim: Claim) -> int:
        return getattr(claim, "source_count", 0)

    def get_url(self, claim: Claim) -> str:
        return _absolute(self.context.get("request"), "api-claim-detail", id_or_slug=claim.slug)

    def get_history_url(self, claim: Claim) -> str:
        return _absolute(self.context.get("request"), "api-claim-history", id_or_slug=claim.slug)

    def get_claimreview_url(self, claim: Claim) -> str:
        return _absolute(
            self.context.get("request"), "api-claim-claimreview", id_or_slug=claim.slug
        )

    def validate_slug(self, value: str) -> str:
        clash = Claim.objects.filter(slug=value)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise serializers.ValidationError(f"The slug '{value}' is taken by another claim.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def given(name: str) -> Any:
            return attrs[name] if name in attrs else getattr(self.instance, name, None)

        start, end = given("valid_from"), given("valid_to")
        if start and end and start > end:
            raise serializers.ValidationError({"valid_to": [PERIOD_REVERSED]})
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Claim:
        if not validated_data.get("slug"):
            validated_data["slug"] = _free_slug(validated_data["text"])
        return super().create(validated_data)


def _free_slug(text: str) -> str:
    base = (slugify(text)[:100] or "claim").strip("-") or "claim"
    if base.isdigit():
        base = f"claim-{base}"
    slug, n = base, 1
    while Claim.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- Sources ----------------------------------------------------------------------


@extend_schema_field({"type": "array", "items": {"type": "string", "maxLength": 200}})
class AliasListField(serializers.ListField):
    """Aliases as plain strings; written as the whole list (it replaces the old one)."""

    def to_representation(self, data: Any) -> list[str]:
        return [alias.alias for alias in data.all()]


class SourceSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(max_length=200, required=False, validators=[_not_only_digits])
    parent = IdOrSlugField(  # type: ignore[assignment]
        queryset=Source.objects.all(), what="source", required=False, allow_null=True
    )
    parent_slug = serializers.CharField(source="parent.slug", read_only=True, allow_null=True)
    aliases = AliasListField(
        child=serializers.CharField(max_length=200), required=False, max_length=100
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = Source
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "country",
            "parent",
            "parent_slug",
            "aliases",
            "description",
            "created_at",
            "updated_at",
            "url",
        ]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs: dict[str, dict[str, Any]] = {"name": {"validators": []}}

    def get_url(self, source: Source) -> str:
        return _absolute(self.context.get("request"), "api-source-detail", id_or_slug=source.slug)

    def _others(self) -> Any:
        queryset = Source.objects.all()
        return queryset.exclude(pk=self.instance.pk) if self.instance is not None else queryset

    def validate_name(self, value: str) -> str:
        if self._others().filter(name=value).exists():
            raise serializers.ValidationError(f"There is already a source named '{value}'.")
        return value

    def validate_slug(self, value: str) -> str:
        if self._others().filter(slug=value).exists():
            raise serializers.ValidationError(f"The slug '{value}' is taken by another source.")
        return value

    def validate_parent(self, value: Source | None) -> Source | None:
        if self.instance is not None and self.instance.would_be_own_ancestor(value):
            raise serializers.ValidationError("A source cannot speak for itself.")
        return value

    def validate_aliases(self, value: list[str]) -> list[str]:
        problems = source_aliases_check(aliases=value, source=self.instance)
        if problems:
            raise serializers.ValidationError(_alias_message(problems[0]))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None and not attrs.get("slug"):
            attrs["slug"] = source_slug_free(name=attrs.get("name", ""))
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Source:
        return source_create(**validated_data)

    def update(self, instance: Source, validated_data: dict[str, Any]) -> Source:
        return source_update(source=instance, **validated_data)


def _alias_message(problem: AliasProblem) -> str:
    if problem.kind == "blank":
        return f"'{problem.alias}' has no letter or digit, so it cannot name a source."
    if problem.kind == "repeated":
        return f"'{problem.alias}' and '{problem.same_as}' are the same alias."
    owner = problem.owner.name if problem.owner is not None else "another source"
    return f"'{problem.alias}' is already an alias of {owner}."


class SourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Source.Kind.choices)


# --- Articles and ingestion -------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", read_only=True, allow_null=True)
    original_outlet = serializers.CharField(
        source="original_outlet.name", read_only=True, allow_null=True
    )
    # Plain strings: pasted text has no URL, and a copy's original often none either.
    url = serializers.CharField(read_only=True)
    canonical_url = serializers.CharField(read_only=True, allow_null=True)
    original_url = serializers.CharField(read_only=True)
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "canonical_url",
            "title",
            "byline",
            "outlet",
            "published_on",
            "page_date",
            "language",
            "origin",
            "duplicate_of",
            "duplicate_kind",
            "duplicate_similarity",
            "original_outlet",
            "original_url",
            "created_at",
            "api_url",
        ]
        read_only_fields = fields

    def get_api_url(self, article: Article) -> str:
        return _absolute(self.context.get("request"), "api-article-detail", pk=article.pk)


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.URI)
class FetchableURLField(serializers.CharField):
    """A URL the workbench will fetch: http or https, no credentials (the admin's rule too).

    A CharField with that one validator: DRF's URLField adds a second URL validator of its
    own, and a bad URL got "Enter a valid URL." twice.
    """

    default_validators = [fetchable_url]


class ArticleSubmitSerializer(serializers.Serializer):
    """An article to bring in: a URL to fetch, or pasted text with its title."""

    url = FetchableURLField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text="The page to fetch (http or https).",
    )
    text = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="Pasted plain text."
    )
    title = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    published_on = serializers.DateField(required=False, allow_null=True)
    outlet = serializers.PrimaryKeyRelatedField(
        queryset=Outlet.objects.all(), required=False, allow_null=True
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        text, url = attrs.get("text", ""), attrs.get("url", "")
        if not text.strip() and not url:
            raise serializers.ValidationError(
                {"url": ["Give the URL of an article, or its text (with a title)."]}
            )
        if text.strip() and not attrs.get("title", "").strip():
            raise serializers.ValidationError({"title": ["Pasted text needs a title."]})
        return attrs


class IngestJobSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Poll this URL for the job's status.")
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)  # type: ignore[var-annotated]
    article_url = serializers.SerializerMethodField()

    class Meta:
        model = IngestJob
        fields = [
            "id",
            "kind",
            "status",
            "error",
            "notes",
            "article",
            "article_url",
            "created_at",
            "updated_at",
            "url",
        ]
        read_only_fields = fields

    def get_url(self, job: IngestJob) -> str:
        return _absolute(self.context.get("request"), "api-ingest-job-detail", pk=job.pk)

    def get_article_url(self, job: IngestJob) -> str | None:
        if job.article_id is None:
            return None
        return _absolute(self.context.get("request"), "api-article-detail", pk=job.article_id)


# --- Stances ----------------------------------------------------------------------


class QuoteSerializer(serializers.Serializer):
    """The evidence: a W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector
    (start, end) into the article's text."""

    exact = serializers.CharField()
    prefix = serializers.CharField(allow_blank=True)
    suffix = serializers.CharField(allow_blank=True)
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class ProposedSourceSerializer(serializers.ModelSerializer):
    """A speaker the registry does not know, proposed with the source its role words name."""

    parent_name = serializers.CharField(source="parent.name", read_only=True)
    summary = serializers.CharField(read_only=True)

    class Meta:
        model = ProposedSource
        fields = [
            "id",
            "name",
            "alias",
            "kind",
            "parent",
            "parent_name",
            "role",
            "state",
            "source",
            "summary",
        ]
        read_only_fields = fields


class StanceSerializer(serializers.ModelSerializer):
    claim_slug = serializers.CharField(source="claim.slug", read_only=True)
    source = serializers.IntegerField(source="source_id", read_only=True)  # type: ignore[assignment]
    source_name = serializers.CharField(source="source.name", read_only=True)
    article_url = serializers.CharField(source="article.url", read_only=True)
    outlet = serializers.CharField(source="article.outlet.name", read_only=True, allow_null=True)
    quote = serializers.SerializerMethodField()
    attributed_via_source = serializers.IntegerField(
        source="attributed_via_source_id", read_only=True, allow_null=True
    )
    url = serializers.SerializerMethodField()
    annotation_url = serializers.SerializerMethodField()
    proposed_source = ProposedSourceSerializer(
        read_only=True,
        allow_null=True,
        help_text=(
            "The speaker, when the registry does not know them (the stance names the source "
            "they speak for meanwhile); accept it with accept-source, map it with map-source."
        ),
    )

    class Meta:
        model = Stance
        fields = [
            "id",
            "claim",
            "claim_slug",
            "source",
            "source_name",
            "position",
            "stated_on",
            "stated_on_precision",
            "quote",
            "attributed_via",
            "attributed_via_source",
            "article",
            "article_url",
            "outlet",
            "status",
            "reject_reason",
            "confidence",
            "note",
            "proposed_source",
            "version",
            "reviewed_at",
            "created_at",
            "updated_at",
            "url",
            "annotation_url",
        ]
        read_only_fields = fields

    @extend_schema_field(QuoteSerializer)
    def get_quote(self, stance: Stance) -> dict[str, Any]:
        return {
            "exact": stance.quote_exact,
            "prefix": stance.quote_prefix,
            "suffix": stance.quote_suffix,
            "start": stance.quote_start,
            "end": stance.quote_end,
        }

    def get_url(self, stance: Stance) -> str:
        return _absolute(self.context.get("request"), "api-stance-detail", pk=stance.pk)

    def get_annotation_url(self, stance: Stance) -> str:
        return _absolute(self.context.get("request"), "api-stance-annotation", pk=stance.pk)


class StanceCreateSerializer(serializers.Serializer):
    """A stance with its evidence; the quote must be the article's text (at quote_start if given)."""

    claim = IdOrSlugField(queryset=Claim.objects.all(), what="claim")
    source = IdOrSlugField(queryset=Source.objects.all(), what="source")  # type: ignore[assignment]
    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    position = serializers.ChoiceField(choices=Position.choices)
    stated_on = serializers.DateField()
    stated_on_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    quote_exact = serializers.CharField(trim_whitespace=False, max_length=5000)
    quote_start = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=2**31 - 1
    )
    quote_prefix = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=200
    )
    attributed_via = serializers.CharField(required=False, allow_blank=True, max_length=300)
    attributed_via_source = IdOrSlugField(
        queryset=Source.objects.all(), what="source", required=False, allow_null=True
    )
    status = serializers.ChoiceField(
        choices=[ReviewStatus.SUGGESTED, ReviewStatus.CONFIRMED],
        default=ReviewStatus.SUGGESTED,
        help_text=(
            "A reviewer may record a stance as confirmed at once (not when four eyes are on: "
            "then another reviewer confirms it)."
        ),
    )
    confidence = serializers.FloatField(required=False, allow_null=True, min_value=0, max_value=1)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class StanceReviewSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        help_text=(
            "The stance's version you reviewed; a newer one answers 409. A reviewed "
            "stance can be reviewed again (a decision reversed) with its current version."
        ),
    )


class StanceRejectSerializer(StanceReviewSerializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=REJECT_REASON_MAX,
        help_text=(
            "Why: one of "
            + ", ".join(f"'{value}'" for value in RejectReason.values)
            + ", or your own words. Kept as reject_reason until the stance is confirmed."
        ),
    )


class ProposalAcceptSerializer(StanceReviewSerializer):
    name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Register under this name instead of the proposed one (the alias stays).",
    )
    confirm = serializers.BooleanField(
        default=False,
        help_text="Also confirm the stance; by default it stays in the queue, naming the new source.",
    )


class ProposalMapSerializer(StanceReviewSerializer):
    source = IdOrSlugField(queryset=Source.objects.all(), what="source")  # type: ignore[assignment]
    confirm = serializers.BooleanField(default=False, help_text="Also confirm the stance.")


# --- Why a claim matched an article (renders claims.suggest.explain) -----------------


class WhyStatementSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="The speaker, as registered.")  # type: ignore[assignment]
    speaks_for = serializers.CharField(help_text="Its top-level source: the timeline's lane.")
    position = serializers.ChoiceField(choices=Position.choices)
    alias = serializers.CharField(help_text="The words that named the speaker.")
    found_by = serializers.CharField(help_text="How the speaker was found, in words.")
    cue = serializers.CharField(help_text="The attribution cue: 'denied', 'according to'.")
    confidence = serializers.FloatField()
    quote = serializers.CharField()
    proposed = serializers.CharField(
        help_text="The unregistered speaker proposed as a source, if any ('' if none)."
    )
    stance_id = serializers.IntegerField(
        allow_null=True, help_text="The stance recording it on this article, if any."
    )
    stance_status = serializers.CharField()


class WhySentenceSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset of the sentence in the article text.")
    end = serializers.IntegerField()
    text = serializers.CharField()
    suggested = serializers.BooleanField(help_text="Whether a suggestion comes of it.")
    words = serializers.ListField(
        child=serializers.CharField(),
        help_text="The claim's search terms and words found in it, search terms first.",
    )
    names_actors = serializers.BooleanField(
        help_text="It matches the claim's whole query: its actors and a topic word."
    )
    back_reference = serializers.BooleanField(
        help_text="It bears on the claim by referring back to the story's claim."
    )
    statements = WhyStatementSerializer(many=True)
    missing = serializers.ListField(
        child=serializers.CharField(),
        help_text=(
            "Why no suggestion came of it: no known actor, no attribution cue, outside the "
            "claim's period, too little of its topic…"
        ),
    )


class WhyClaimSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk")
    claim_slug = serializers.CharField(source="claim.slug")
    claim_text = serializers.CharField(source="claim.text")
    matches = serializers.BooleanField(
        help_text="The article matches the claim's query as a whole, within its period."
    )
    problems = serializers.ListField(
        child=serializers.CharField(),
        help_text="What keeps the whole article from the claim (its period, its actors).",
    )
    sentences = WhySentenceSerializer(many=True)


class DryRunSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=5000, help_text="A sentence (or a few) as an article would print it."
    )
    dated = serializers.DateField(
        required=False, allow_null=True, help_text="The article's date; today if not given."
    )


class WhyParamsSerializer(serializers.Serializer):
    claim = IdOrSlugField(
        queryset=Claim.objects.all(),
        what="claim",
        required=False,
        help_text=(
            "Also explain this claim (id or slug), whether the article matches it or not; "
            "without it, the claims the article matches."
        ),
    )


# --- History (renders claims.timeline.Timeline) -----------------------------------


class HistoryParamsSerializer(serializers.Serializer):
    as_of = serializers.DateTimeField(
        required=False,
        help_text=(
            "Answer with what the workbench had recorded at this moment (ISO 8601): the "
            "stances, the claim's text and verdict, and the sources' names and parents as "
            "they were then (rows deleted since included). Articles and outlets show as "
            "they are now; an article deleted since shows only its id."
        ),
    )
    since = serializers.DateField(
        required=False,
        help_text=(
            "Only stances the sources stated on or after this date, and only the lanes "
            "that keep at least one. A lane's current_position still comes from all its "
            "stances: it is the position the source holds."
        ),
    )
    source = serializers.CharField(  # type: ignore[assignment]
        required=False,
        max_length=200,
        help_text="Only this source (id or slug) and every source speaking for it, at any depth.",
    )
    group_by = serializers.ChoiceField(
        choices=[("top", "top-level source"), ("speaker", "each speaker")],
        default="top",
        help_text="One lane per top-level source (John Kirby in the United States lane) or per speaker.",
    )


class OriginalArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField()
    title = serializers.CharField()
    outlet = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)


class HistoryArticleSerializer(OriginalArticleSerializer):
    page_date = serializers.DateField(allow_null=True)
    duplicate_kind = serializers.CharField(
        help_text="'' for an original; republished, spun or exact for copies."
    )
    original = OriginalArticleSerializer(allow_null=True, help_text="The stored original.")
    original_outlet = serializers.CharField(help_text="For copies whose original is not stored.")
    original_url = serializers.CharField()


class HistoryStanceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    speaker = SourceRefSerializer()
    position = serializers.ChoiceField(choices=Position.choices)
    stated_on = serializers.DateField()
    stated_on_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    stated = serializers.SerializerMethodField(help_text="The date at its precision: 2024-09.")
    quote = serializers.SerializerMethodField()
    attributed_via = serializers.CharField()
    confidence = serializers.FloatField(allow_null=True)
    article = HistoryArticleSerializer()

    def get_stated(self, stance: Any) -> str:
        return format_date(stance.stated_on, stance.stated_on_precision)

    @extend_schema_field(QuoteSerializer)
    def get_quote(self, stance: Any) -> dict[str, Any]:
        return {
            "exact": stance.quote_exact,
            "prefix": stance.quote_prefix,
            "suffix": stance.quote_suffix,
            "start": stance.quote_start,
            "end": stance.quote_end,
        }


class StatementSerializer(serializers.Serializer):
    """One statement: a source's position on the claim said on one occasion, with every
    stance that reports it (claims.timeline.statements_group). Its speaker, position and
    date are those of its first report, reports[0] (the most precise date, then the
    earliest, an original before a copy)."""

    id = serializers.IntegerField(help_text="The id of its first report's stance.")
    independent_reports = serializers.IntegerField(
        help_text=(
            "Reports that are not copies of another: copies of one story (republished, "
            "spun) and stories of one outlet count once."
        )
    )
    copies = serializers.IntegerField(help_text="The other reports (articles) beyond those.")
    reports = HistoryStanceSerializer(
        many=True,
        help_text=(
            "Every stance recording the statement, the first one first: the same objects "
            "the lanes' former 'stances' list held, ids included."
        ),
    )


class PositionChangeSerializer(serializers.Serializer):
    vars()["from"] = serializers.ChoiceField(source="from_position", choices=Position.choices)
    to = serializers.ChoiceField(source="to_position", choices=Position.choices)
    kind = serializers.ChoiceField(
        choices=[
            ("reversal", "asserts <-> denies"),
            ("softening", "to hedges from asserts or denies, or to no comment"),
            ("firming", "the other way"),
        ]
    )
    on = serializers.DateField()
    precision = serializers.ChoiceField(choices=DatePrecision.choices)
    stance = serializers.IntegerField(
        source="stance_id", help_text="The statement that made the change (its id)."
    )


class LaneSerializer(serializers.Serializer):
    source = SourceRefSerializer()  # type: ignore[assignment]
    current_position = serializers.ChoiceField(
        choices=Position.choices,
        allow_null=True,
        help_text=(
            "The lane's latest statement's position, from all its statements (since= or not)."
        ),
    )
    speakers = SourceRefSerializer(many=True)
    statements = StatementSerializer(
        many=True,
        help_text=(
            "One per statement, in the order the sources spoke. Until history-v3 lanes "
            "listed 'stances'; each is now a report of its statement."
        ),
    )
    changes = PositionChangeSerializer(
        many=True, help_text="Between confirmed statements only, each with its kind."
    )


class HistoryClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    slug = serializers.CharField()
    text = serializers.CharField()
    verdict = serializers.CharField()


class HistorySerializer(serializers.Serializer):
    claim = HistoryClaimSerializer()
    as_of = serializers.DateTimeField(allow_null=True)
    grouped_by = serializers.ChoiceField(choices=["top", "speaker"])
    lanes = LaneSerializer(many=True)


# Schemas of the linked-data exports, for the OpenAPI document.
JSON_LD_OBJECT = OpenApiTypes.OBJECT
