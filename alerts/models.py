"""Who wants to hear of which changes (Subscription), what happened (Event, the outbox),
and what was sent where (Delivery, DeliveryAttempt); feed tokens and digests.

An Event is written by the review service's transaction (alerts/receivers.py), so a
change and its event commit together or not at all; its ``key`` is the idempotency key
every delivery of it carries, the first one and any repeat alike.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from claims.models import Claim
from sources.models import Source


class EventType(models.TextChoices):
    POSITION_CHANGED = "position.changed", "a position change"
    STATEMENT_CONFIRMED = "statement.confirmed", "a new confirmed statement"
    SUGGESTION_FILED = "suggestion.filed", "a new suggestion waiting for review"
    PING = "ping", "a test ping"


# What a subscriber may choose; a ping goes to the one subscription that asked for it.
SUBSCRIBABLE = [
    EventType.POSITION_CHANGED,
    EventType.STATEMENT_CONFIRMED,
    EventType.SUGGESTION_FILED,
]
# Only those who review stances may hear of suggestions (claims.roles.may_review).
REVIEWERS_ONLY = {EventType.SUGGESTION_FILED}


class Change(models.TextChoices):
    """How a source's position moved: asserts <-> denies is a reversal; towards hedging
    or silence a softening, away from it a firming."""

    REVERSAL = "reversal", "reversal"
    SOFTENING = "softening", "softening"
    FIRMING = "firming", "firming"


class Event(models.Model):
    """One thing that happened to a claim's positions: the outbox row, written with the change."""

    key = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="The idempotency key."
    )
    type = models.CharField(max_length=40, choices=EventType.choices)
    # Every kind of news the event is: a new statement that turns a position round is both
    # a statement and a position change; a subscriber to either hears of it, once.
    topics = ArrayField(models.CharField(max_length=40), default=list)
    cause = models.CharField(
        max_length=20, blank=True, help_text="What the review did: confirmed, edited, deleted…"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whose position: the top-level source (the timeline's lane).",
    )
    speaker = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stance_id = models.BigIntegerField(null=True, blank=True)
    position_before = models.CharField(max_length=20, blank=True)
    position_after = models.CharField(max_length=20, blank=True)
    change = models.CharField(max_length=20, choices=Change.choices, blank=True)
    # The webhook body, built when the change was made: every delivery sends these bytes.
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once the event has its deliveries (alerts.services.event_fan_out).
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=[c.value for c in EventType]), name="alerts_event_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(change__in=["", *[c.value for c in Change]]),
                name="alerts_event_change_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="alerts_event_not_fanned_out",
                condition=Q(fanned_out_at__isnull=True),
            ),
            models.Index(fields=["claim", "created_at"], name="alerts_event_claim_created"),
        ]

    def __str__(self) -> str:
        return self.payload.get("summary") or f"{self.type} {self.key}"


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


# A shorter secret is refused: HMAC-SHA256 keys should carry about 256 bits.
SECRET_MIN_LENGTH = 32


class Subscription(models.Model):
    """One person's wish to hear of a claim, a source (with every source below it) or a tag."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Also every source below it: John Kirby's statements for the United States.",
    )
    tag = models.CharField(max_length=50, blank=True, help_text="Every claim with this tag.")
    events = ArrayField(
        models.CharField(max_length=40, choices=[(c.value, c.label) for c in SUBSCRIBABLE]),
        help_text="Which events: position.changed, statement.confirmed, suggestion.filed.",
    )
    url = models.URLField(
        max_length=500, blank=True, help_text="Webhook: where to POST each event (http or https)."
    )
    secret = models.CharField(
        max_length=200, default=new_secret, help_text="Signs each webhook (HMAC-SHA256)."
    )
    digest = models.BooleanField(default=False, help_text="A daily email of what changed.")
    active = models.BooleanField(default=True)
    disabled_reason = models.TextField(blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("oversee_subscription", "See everyone's subscriptions and deliveries")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(claim__isnull=False, source__isnull=True, tag="")
                    | Q(claim__isnull=True, source__isnull=False, tag="")
                    | (Q(claim__isnull=True, source__isnull=True) & ~Q(tag=""))
                ),
                name="alerts_subscription_one_target",
                violation_error_message="A subscription follows one claim, one source or one tag.",
            ),
            models.CheckConstraint(
                condition=Q(events__contained_by=[c.value for c in SUBSCRIBABLE]) & ~Q(events=[]),
                name="alerts_subscription_events_valid",
            ),
            models.CheckConstraint(
                condition=Q(url__regex=r"^(https?://.+)?$"),
                name="alerts_subscription_url_http",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner} → {self.target}"

    @property
    def target(self) -> str:
        if self.claim_id:
            return f"claim “{self.claim}”"
        if self.source_id:
            return f"source {self.source} and below"
        return f"tag “{self.tag}”"


class Delivery(models.Model):
    """One event for one webhook subscription; its attempts are DeliveryAttempt rows."""

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        DELIVERED = "delivered", "delivered"
        FAILED = "failed", "failed"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    # Held by the worker sending it: nobody else sends it until then (a killed worker's
    # lease runs out, and the delivery is sent again, with the same idempotency key).
    leased_until = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "subscription"], name="alerts_delivery_once_per_subscription"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "delivered", "failed"]),
                name="alerts_delivery_status_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="alerts_delivery_pending",
                condition=Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.event.type} to {self.subscription.url} ({self.status})"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: when, what came back, how it ended."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    # Empty while under way, and for ever when the worker sending it was killed.
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.TextField(blank=True, help_text="What happened, in words.")
    response_excerpt = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="alerts_attempt_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"attempt {self.number}: {self.outcome or 'under way'}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class FeedToken(models.Model):
    """The token in a person's private Atom feed URLs (when claim pages are not public)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"feed token of {self.user}"


class Digest(models.Model):
    """A daily digest sent to one person: one a day, and what it covered."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    covers_from = models.DateTimeField()
    covers_until = models.DateTimeField()
    events = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="alerts_digest_once_a_day")
        ]

    def __str__(self) -> str:
        return f"digest of {self.day} for {self.user}"
