"""What the subscriptions API reads and writes."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from alerts.models import (
    SECRET_MIN_LENGTH,
    SUBSCRIBABLE,
    Delivery,
    DeliveryAttempt,
    Subscription,
)
from claims.api.serializers import IdOrSlugField
from claims.models import Claim
from sources.models import Source


class SubscriptionSerializer(serializers.ModelSerializer):
    """A subscription as its owner reads it; the secret is shown once, when it is made."""

    claim = IdOrSlugField(
        queryset=Claim.objects.all(), what="claim", required=False, allow_null=True
    )
    source = IdOrSlugField(  # type: ignore[assignment]
        queryset=Source.objects.all(), what="source", required=False, allow_null=True
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=[str(c) for c in SUBSCRIBABLE]),
        allow_empty=False,
        max_length=len(SUBSCRIBABLE),
        help_text=(
            "position.changed (reversal, softening, firming), statement.confirmed, "
            "suggestion.filed (reviewers and editors only)."
        ),
    )
    url = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text="Webhook: an http(s) URL on a public address. Empty: the digest only.",
    )
    secret = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=(
            f"Signs each webhook (HMAC-SHA256), at least {SECRET_MIN_LENGTH} characters; one is "
            "made when none is given and returned once, in the answer to the POST."
        ),
    )
    active = serializers.BooleanField(
        required=False,
        help_text=(
            "false pauses the webhook; true enables it again after a pause or an automatic "
            "disabling, with a clean slate (its waiting deliveries go out)."
        ),
    )

    class Meta:
        model = Subscription
        fields = [
            "id",
            "claim",
            "source",
            "tag",
            "events",
            "url",
            "secret",
            "digest",
            "active",
            "disabled_reason",
            "consecutive_failures",
            "created_at",
        ]
        read_only_fields = ["id", "disabled_reason", "consecutive_failures", "created_at"]
        extra_kwargs = {"tag": {"required": False}, "digest": {"required": False}}


class SubscriptionCreatedSerializer(SubscriptionSerializer):
    """The answer to a POST: the subscription with its secret, shown this once."""

    secret = serializers.CharField(read_only=True)  # type: ignore[assignment]


class DeliveryAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeliveryAttempt
        fields = [
            "number",
            "started_at",
            "finished_at",
            "ok",
            "status_code",
            "outcome",
            "response_excerpt",
        ]


class DeliverySerializer(serializers.ModelSerializer):
    event = serializers.SerializerMethodField()
    attempt_log = DeliveryAttemptSerializer(many=True, read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "event",
            "status",
            "attempts",
            "next_attempt_at",
            "delivered_at",
            "last_error",
            "attempt_log",
        ]

    def get_event(self, delivery: Delivery) -> dict[str, Any]:
        """The event's body, as every attempt sent it (idempotency_key, type, summary…)."""
        return delivery.event.payload
