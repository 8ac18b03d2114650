"""Who speaks (Source and its aliases), who publishes (Outlet, Feed) and what was published (Article)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pghistory
import pgtrigger
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone

_LEADING_ARTICLE = re.compile(r"^(the)\s+")
_NON_WORD = re.compile(r"[^\w]+")


def normalize_alias(text: str) -> str:
    """The form aliases are compared in: case-folded, accents and punctuation and a leading 'the' dropped.

    "The White House", "the white-house" and "White House" are one alias.
    """
    folded = unicodedata.normalize("NFKD", text).casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _NON_WORD.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", folded).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the text with white space folded, so re-wrapped copies hash alike."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class SourceKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    OFFICIAL = "official", "Official"
    AGENCY = "agency", "Agency"
    OUTLET = "outlet", "Outlet"
    GROUP = "group", "Group"
    PERSON = "person", "Person"


@pghistory.track()
class Source(models.Model):
    Kind = SourceKind

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(
        max_length=100, blank=True, help_text="Country the source belongs to, e.g. 'United States'."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Whom this source speaks for: John Kirby -> United States.",
    )
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[c.value for c in SourceKind]), name="source_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="source_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is not None and self.would_be_own_ancestor(self.parent):
            raise ValidationError({"parent": "A source cannot be its own ancestor."})

    def would_be_own_ancestor(self, parent: Source | None) -> bool:
        """Whether ``parent`` as this source's parent makes it its own ancestor: the parent
        is the source itself or speaks for it, at any depth (a new source has no speakers)."""
        node, seen = parent, set()
        while node is not None and self.pk is not None and node.pk not in seen:
            if node.pk == self.pk:
                return True
            seen.add(node.pk)
            node = node.parent
        return False


@pghistory.track()
class SourceAlias(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "source aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalized"], name="source_alias_unique_normalized"),
            models.CheckConstraint(condition=~Q(normalized=""), name="source_alias_not_blank"),
        ]
        indexes = [
            GinIndex(
                name="source_alias_trgm",
                fields=["normalized"],
                opclasses=["gin_trgm_ops"],
            )
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_alias(self.alias)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.normalized = normalize_alias(self.alias)
        if not self.normalized:
            raise ValidationError({"alias": "An alias needs at least one letter or digit."})
        clash = (
            SourceAlias.objects.filter(normalized=self.normalized)
            .exclude(pk=self.pk)
            .select_related("source")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "alias": f"'{self.alias}' is already an alias of {clash.source} (as '{clash.alias}')."
                }
            )


def _updated_at_field() -> models.DateTimeField:
    return models.DateTimeField(
        db_default=Now(),
        editable=False,
        help_text="Set by the database on every insert and update (claim histories' ETags).",
    )


def _updated_at_trigger(name: str) -> pgtrigger.Trigger:
    """Stamp updated_at on every write, whatever wrote it.

    A trigger rather than auto_now: QuerySet.update() and save(update_fields=...)
    leave an auto_now field out, and a claim history's ETag must move whenever
    an outlet name or an article it shows changes. clock_timestamp(), not now():
    now() is the transaction's start, which can lie before changes that other
    transactions committed meanwhile.
    """
    return pgtrigger.Trigger(
        name=name,
        operation=pgtrigger.Insert | pgtrigger.Update,
        when=pgtrigger.Before,
        func="NEW.updated_at := clock_timestamp(); RETURN NEW;",
    )


class Outlet(models.Model):
    """A publisher: AP, Reuters, The Hill, a content farm."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. apnews.com")
    homepage = models.URLField(blank=True)
    is_wire_service = models.BooleanField(default=False)
    source = models.OneToOneField(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outlet",
        help_text="The outlet as a speaker, where it takes positions of its own.",
    )
    updated_at = _updated_at_field()

    class Meta:
        ordering = ["name"]
        triggers = [_updated_at_trigger("outlet_updated_at")]

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed polled by Celery beat; the health fields are kept by the poller."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds"
    )
    enabled = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(
        default=3600, help_text="Seconds between polls now (adapts between the min and max)."
    )
    min_interval = models.PositiveIntegerField(default=300)
    max_interval = models.PositiveIntegerField(default=86400)
    # Conditional GET
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # Health
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=100, blank=True, help_text="e.g. '200 OK: 3 new'")
    last_error = models.TextField(blank=True)
    last_new_items = models.PositiveIntegerField(default=0)
    consecutive_failures = models.PositiveIntegerField(default=0)
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    disabled_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_interval__lte=models.F("max_interval")), name="feed_interval_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class DuplicateKind(models.TextChoices):
    NONE = "", "Original"
    EXACT = "exact", "Exact copy"
    REPUBLISHED = "republished", "Republished wire copy"
    SPUN = "spun", "Spun (reworded) copy"


class Article(models.Model):
    """A stored, immutable snapshot of a news page or pasted text."""

    class Origin(models.TextChoices):
        FEED = "feed", "Feed"
        URL = "url", "URL"
        PASTE = "paste", "Pasted text"
        DEMO = "demo", "Demo data"

    DuplicateKind = DuplicateKind

    url = models.URLField(max_length=2000, blank=True)
    # NULL, not "", for pasted text: the unique constraint must not treat "" as a URL.
    canonical_url = models.URLField(max_length=2000, null=True, blank=True)  # noqa: DJ001
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.URL)
    title = models.CharField(max_length=1000)
    byline = models.CharField(max_length=500, blank=True)
    published_on = models.DateField(
        null=True, blank=True, help_text="Original publication date (for copies: the original's)."
    )
    page_date = models.DateField(
        null=True, blank=True, help_text="The date the page itself shows, where it differs."
    )
    language = models.CharField(max_length=20, blank=True)
    text = models.TextField(help_text="Main text, plain; stance quotes are anchored in it.")
    html = models.TextField(blank=True, help_text="Sanitised HTML for display (nh3).")
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    minhash = models.JSONField(
        null=True, blank=True, editable=False, help_text="MinHash signature for near-duplicates."
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    duplicate_kind = models.CharField(
        max_length=20, choices=DuplicateKind.choices, blank=True, default=""
    )
    duplicate_similarity = models.FloatField(null=True, blank=True)
    # For copies whose original is not stored (an AP story seen only on a content farm).
    original_outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_url = models.URLField(max_length=2000, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = _updated_at_field()
    search_vector = models.GeneratedField(
        expression=SearchVector("title", "text", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-published_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=Q(canonical_url__isnull=False),
                name="article_unique_canonical_url",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("id")), name="article_not_own_duplicate"
            ),
            models.CheckConstraint(
                condition=Q(duplicate_kind__in=[c.value for c in DuplicateKind]),
                name="article_duplicate_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_kind=""),
                name="article_copy_has_kind",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            models.Index(fields=["published_on"], name="article_published_on"),
        ]
        triggers = [_updated_at_trigger("article_updated_at")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    @property
    def original(self) -> Article:
        """The article this one copies, or itself."""
        return self.duplicate_of or self


class IngestStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class IngestJob(models.Model):
    """One request to bring in an article (a URL or pasted text), with its outcome for the user."""

    class Kind(models.TextChoices):
        URL = "url", "URL"
        TEXT = "text", "Pasted text"
        FEED_ITEM = "feed_item", "Feed item"

    Status = IngestStatus

    kind = models.CharField(max_length=20, choices=Kind.choices)
    url = models.URLField(max_length=2000, blank=True)
    text = models.TextField(blank=True)
    title = models.CharField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL)
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=IngestStatus.QUEUED)
    error = models.TextField(blank=True)
    notes = models.TextField(
        blank=True,
        help_text=(
            "What ingestion changed in what it was given (markup removed), and what became"
            " of the article later (suggestions that stopped or failed)."
        ),
    )
    attempts = models.PositiveIntegerField(default=0)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[c.value for c in IngestStatus]),
                name="ingest_job_status_valid",
            ),
            models.UniqueConstraint(
                fields=["feed", "url"],
                condition=Q(feed__isnull=False),
                name="ingest_job_unique_feed_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.url or self.title} ({self.status})"


class ArticleBand(models.Model):
    """One LSH band of an article's MinHash signature (sources/dedupe.py): the index of
    near-duplicates, shared by every worker.

    Written in the transaction that stores the article (sources/ingest.py); a new article's
    candidates are the stored articles with one of its (band, hash) pairs, found in one
    query on the index below.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    band = models.PositiveSmallIntegerField()
    hash = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "hash"], name="article_band_lookup")]

    def __str__(self) -> str:
        return f"band {self.band} of article {self.article_id}"
