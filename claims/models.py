"""Claims and the stances sources take on them."""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse

from sources.models import Article, Source, SourceKind, normalize_alias


class ClaimStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class Verdict(models.TextChoices):
    NONE = "", "No verdict"
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    MIXED = "mixed", "Mixed"
    MOSTLY_FALSE = "mostly_false", "Mostly false"
    FALSE = "false", "False"
    UNPROVEN = "unproven", "Unproven"


class TsQueryField(models.Field):
    """A PostgreSQL ``tsquery``: a claim's compiled match query (see claims/suggest/matching.py)."""

    description = "Text search query (tsquery)"

    def db_type(self, connection) -> str:
        return "tsquery"

    def get_placeholder(self, value, compiler, connection) -> str:
        return "%s::tsquery"


# The compiled match query is derived data: recompiling it is no edit of the claim.
MATCH_FIELDS = ["match_query", "match_terms", "match_words", "match_lexemes", "match_giver"]


# Only the compiler (claims/suggest/matching.py, which sets claims.match_compiling
# for its statement) writes a compiled query. An ordinary save writes back what
# it read, which may be stale by then: the stored value stands (or NULL, which
# only asks for a recompile). A new text or new search terms make it stale.
MATCH_QUERY_TRIGGER = pgtrigger.Trigger(
    name="claim_match_query_compiled_only",
    operation=pgtrigger.Insert | pgtrigger.Update,
    when=pgtrigger.Before,
    func="""
        IF coalesce(current_setting('claims.match_compiling', true), '') = 'on' THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'INSERT' THEN
            NEW.match_query := NULL;
            NEW.match_lexemes := NULL;
        ELSIF NEW.text IS DISTINCT FROM OLD.text
           OR NEW.search_terms IS DISTINCT FROM OLD.search_terms THEN
            NEW.match_query := NULL;
        ELSIF NEW.match_query IS NOT NULL THEN
            NEW.match_query := OLD.match_query;
            NEW.match_terms := OLD.match_terms;
            NEW.match_words := OLD.match_words;
            NEW.match_lexemes := OLD.match_lexemes;
            NEW.match_giver_id := OLD.match_giver_id;
        END IF;
        RETURN NEW;
    """,
)


PERIOD_REVERSED = "The period of validity ends before it starts."


@pghistory.track(exclude=MATCH_FIELDS)
class Claim(models.Model):
    Status = ClaimStatus
    Verdict = Verdict

    text = models.CharField(max_length=500, help_text="The checkable statement, as tracked.")
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    topic = models.CharField(max_length=200, blank=True)
    tags = ArrayField(models.CharField(max_length=50), default=list, blank=True)
    search_terms = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Extra words that widen matching: ammunition, shells, missiles, arms…",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=ClaimStatus.ACTIVE)
    verdict = models.CharField(max_length=20, choices=Verdict.choices, blank=True, default="")
    verdict_summary = models.TextField(blank=True)
    # A claim about a period ("…troops to Russia in early 2025") bears on articles of that
    # period only: the suggester matches no article whose original date lies outside it.
    valid_from = models.DateField(
        null=True,
        blank=True,
        verbose_name="valid from",
        help_text="Optional: articles dated before this day are not matched to the claim.",
    )
    valid_to = models.DateField(
        null=True,
        blank=True,
        verbose_name="valid to",
        help_text="Optional: articles dated after this day are not matched to the claim.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # How the suggester finds the claim in articles, compiled from its text, search
    # terms and the aliases of the sources it names. NULL means stale: the database
    # sets it so when text or search terms change and, for every claim, when a
    # source or an alias changes (triggers in migration 0004); the next matching
    # run recompiles the stale ones in one batch.
    match_query = TsQueryField(null=True, blank=True, editable=False)
    match_terms = ArrayField(models.TextField(), default=list, blank=True, editable=False)
    match_words = ArrayField(models.TextField(), default=list, blank=True, editable=False)
    # The lexemes of the search terms and words (the topic): an article can match the
    # claim only if it has one of them, so matching reads only the claims sharing a
    # lexeme with the article (GIN index). Empty when the topic is only stop words:
    # such a claim is read for every article. NULL until compiled.
    match_lexemes = ArrayField(models.TextField(), null=True, blank=True, editable=False)
    match_giver = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The source the claim names first, the one that gives ('North Korea supplies…').",
    )

    class Meta:
        ordering = ["text"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[c.value for c in ClaimStatus]), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=[c.value for c in Verdict]), name="claim_verdict_valid"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="claim_validity_ordered",
                violation_error_message=PERIOD_REVERSED,
            ),
        ]
        indexes = [
            GinIndex(fields=["tags"], name="claim_tags"),
            # Written only when a claim is compiled; read for every article: no pending list.
            GinIndex(fields=["match_lexemes"], name="claim_match_lexemes", fastupdate=False),
            # Every matching run first asks for the stale claims: almost always none.
            models.Index(
                fields=["status"], condition=Q(match_query__isnull=True), name="claim_match_stale"
            ),
        ]
        triggers = [MATCH_QUERY_TRIGGER]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("claim-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValidationError({"valid_to": PERIOD_REVERSED})

    @property
    def validity(self) -> str:
        """The period of validity in words ("1 Jan 2025 to 30 Apr 2025" with a dash), or ""."""
        start, end = (f"{d.day} {d:%b %Y}" if d else "" for d in (self.valid_from, self.valid_to))
        if start and end:
            return f"{start} \u2013 {end}"
        if start:
            return f"from {start}"
        return f"until {end}" if end else ""


class Position(models.TextChoices):
    ASSERTS = "asserts", "asserts"
    DENIES = "denies", "denies"
    HEDGES = "hedges", "hedges"
    NO_COMMENT = "no_comment", "no comment"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ReviewStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class RejectReason(models.TextChoices):
    """The usual reasons a reviewer rejects a suggestion; a reviewer may also give their own words."""

    NOT_ABOUT_CLAIM = "not about this claim", "Not about this claim"
    WRONG_SPEAKER = "wrong speaker", "Wrong speaker"
    WRONG_POSITION = "wrong position", "Wrong position"
    NOT_A_STATEMENT = "not a statement", "Not a statement"


REJECT_REASON_MAX = 300


def quote_errors(*, text: str, exact: str, start: int | None, end: int | None) -> dict[str, str]:
    """What is wrong with a quote anchored at start..end of text (empty when nothing is)."""
    if not exact:
        return {"quote_exact": "A stance needs a quote from the article."}
    if start is None or end is None:
        return {"quote_start": "The quote needs a start and an end in the article text."}
    if not 0 <= start < end <= len(text):
        return {"quote_start": f"The quote's span {start}..{end} is outside the article text."}
    if text[start:end] != exact:
        return {
            "quote_exact": (
                f"The quote is not the article text at {start}..{end}: the article reads "
                f"“{text[start:end][:80]}” there."
            )
        }
    return {}


class ProposalState(models.TextChoices):
    OPEN = "open", "open"
    ACCEPTED = "accepted", "accepted: registered as a new source"
    MAPPED = "mapped", "mapped to a source already registered"
    DISMISSED = "dismissed", "dismissed"


# The kinds of source a proposal may become: a person speaking for a source, or a body of it.
PROPOSED_KINDS = [SourceKind.OFFICIAL.value, SourceKind.AGENCY.value]


@pghistory.track()
class ProposedSource(models.Model):
    """A speaker the registry does not know, proposed by the suggester for a reviewer to
    register: "Dmitry Peskov — official, speaks for Russia (from 'Kremlin spokesman')".

    Its suggested stances speak for ``parent`` meanwhile, so nothing waits on the decision.
    Only a person turns a proposal into a Source (accepted), or into an alias of a source
    already registered (mapped); one proposal per name (``normalized``), whoever proposed it
    and however often, so a name is decided once.
    """

    State = ProposalState

    name = models.CharField(max_length=200, help_text="The name as the text gives it.")
    alias = models.CharField(
        max_length=200, help_text="The alias the source gets: the name as written in the text."
    )
    normalized = models.CharField(max_length=200, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=[(k, k) for k in PROPOSED_KINDS])
    parent = models.ForeignKey(
        Source,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The registered source the role words name: Russia for 'Kremlin spokesman'.",
    )
    role = models.CharField(
        max_length=300, blank=True, help_text="The role words as written: 'Kremlin spokesman'."
    )
    state = models.CharField(max_length=20, choices=ProposalState.choices, default="open")
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The source it became (accepted) or was mapped to.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=[c.value for c in ProposalState]),
                name="proposed_source_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PROPOSED_KINDS), name="proposed_source_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(state="open") | Q(decided_at__isnull=False),
                name="proposed_source_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.summary

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_alias(self.alias)
        super().save(*args, **kwargs)

    @property
    def summary(self) -> str:
        """ "Dmitry Peskov — official, speaks for Russia (from 'Kremlin spokesman')"."""
        text = f"{self.name} \u2014 {self.kind}, speaks for {self.parent.name}"
        shown = self.role and self.role != self.name
        return text + (f" (from \u2018{self.role}\u2019)" if shown else "")


# Raised by the database when a stance's quote is not the article text at
# quote_start..quote_end. Positions count characters (code points), as Python
# string indices do, and PostgreSQL's substr() on a UTF-8 database.
QUOTE_ANCHOR_TRIGGER = pgtrigger.Trigger(
    name="stance_quote_anchored",
    operation=pgtrigger.Insert | pgtrigger.Update,
    when=pgtrigger.Before,
    func="""
        IF NOT EXISTS (
            SELECT 1 FROM sources_article a
            WHERE a.id = NEW.article_id
              AND substr(a.text, NEW.quote_start + 1, NEW.quote_end - NEW.quote_start) = NEW.quote_exact
        ) THEN
            RAISE EXCEPTION 'stance quote is not the article text at %..%', NEW.quote_start, NEW.quote_end
                USING ERRCODE = 'check_violation', CONSTRAINT = 'stance_quote_anchored';
        END IF;
        RETURN NEW;
    """,
)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Stance(models.Model):
    """One attributed position of one source on one claim at one time, with its evidence.

    The quote is a W3C TextQuoteSelector (exact, prefix, suffix) plus a
    TextPositionSelector (start, end) into ``article.text``.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="stances")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="stances")
    position = models.CharField(max_length=20, choices=Position.choices)
    stated_on = models.DateField(help_text="When the source said it (not when it was reported).")
    stated_on_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="stances")
    quote_exact = models.TextField()
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)
    quote_start = models.PositiveIntegerField()
    quote_end = models.PositiveIntegerField()
    attributed_via = models.CharField(
        max_length=300, blank=True, help_text="Through whom it was reported: 'KCNA said'."
    )
    attributed_via_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="relayed_stances"
    )
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.SUGGESTED
    )
    confidence = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(
        default=dict, blank=True, help_text="Why the machine suggested it: cue, alias matched."
    )
    note = models.TextField(blank=True)
    # A speaker the registry does not know, who said it for ``source`` (see ProposedSource).
    proposed_source = models.ForeignKey(
        ProposedSource,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stances",
        help_text="The unregistered speaker who said it, proposed for the registry.",
    )
    reject_reason = models.CharField(
        max_length=REJECT_REASON_MAX,
        blank=True,
        help_text=(
            "Why the reviewer rejected it: not about this claim, wrong speaker, wrong "
            "position, not a statement, or in their own words. Empty unless rejected."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every review action, so stale edits are refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["stated_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__in=[c.value for c in Position]), name="stance_position_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[c.value for c in ReviewStatus]), name="stance_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(stated_on_precision__in=[c.value for c in DatePrecision]),
                name="stance_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(quote_end__gt=F("quote_start"))
                & Q(quote_end=F("quote_start") + Length("quote_exact")),
                name="stance_quote_span_matches_length",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="stance_confidence_range",
            ),
            models.CheckConstraint(
                condition=Q(status="suggested") | Q(reviewed_at__isnull=False),
                name="stance_reviewed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(reject_reason="") | Q(status="rejected"),
                name="stance_reject_reason_only_when_rejected",
                violation_error_message="Only a rejected stance has a reason for rejecting it.",
            ),
            models.UniqueConstraint(
                fields=["claim", "source", "article", "quote_start", "quote_end"],
                name="stance_unique_evidence",
            ),
        ]
        indexes = [
            # "stances of claim X by source, ordered by stated_on" (timeline, history API)
            models.Index(
                fields=["claim", "source", "stated_on"],
                name="stance_claim_source_date",
                condition=Q(status="confirmed"),
            ),
            models.Index(fields=["claim", "status", "stated_on"], name="stance_claim_status_date"),
            # the review queue: suggested stances, oldest first
            models.Index(fields=["status", "created_at"], name="stance_status_created"),
            models.Index(fields=["article"], name="stance_article"),
        ]
        triggers = [QUOTE_ANCHOR_TRIGGER]

    def __str__(self) -> str:
        return f"{self.source} {self.get_position_display()} ({self.stated_on})"

    def clean(self) -> None:
        if self.article_id is None or self.quote_start is None or self.quote_end is None:
            return
        errors = quote_errors(
            text=self.article.text,
            exact=self.quote_exact,
            start=self.quote_start,
            end=self.quote_end,
        )
        if errors:
            raise ValidationError(errors)


class SuggestionRun(models.Model):
    """How the suggester's last reading of an article ended, so that an editor can see
    a reading that stopped or failed, and why, and run it again (admin)."""

    class State(models.TextChoices):
        DONE = "done", "done"
        PARTIAL = "partial", "partial: read within its budget"
        FAILED = "failed", "failed"

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="suggestion_run")
    state = models.CharField(max_length=10, choices=State.choices)
    reason = models.TextField(blank=True, help_text="Why the reading stopped or failed.")
    sentences_read = models.PositiveIntegerField(default=0)
    sentences_total = models.PositiveIntegerField(default=0)
    filed = models.PositiveIntegerField(default=0, help_text="New suggestions filed.")
    withheld = models.PositiveIntegerField(
        default=0, help_text="Suggestions past the per-article budget, not filed."
    )
    finished_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["done", "partial", "failed"]),
                name="suggestion_run_state_valid",
            )
        ]

    def __str__(self) -> str:
        return f"suggestions for article {self.article_id}: {self.state}"

    @property
    def summary(self) -> str:
        """One line for the article page and the job: what the reading filed and left."""
        if self.state == self.State.FAILED:
            return f"Suggestions failed: {self.reason}"
        text = f"Suggestions: {self.filed} filed"
        if self.withheld:
            text += f", {self.withheld} more past the budget of one article"
        if self.reason:
            text += f" ({self.reason})"
        return text
