"""Alerts in the admin: subscriptions with their health, every delivery and every attempt.

Editors oversee everyone's (alerts.oversee_subscription); a reviewer sees their own.
Subscriptions are made on /alerts/ or over the API, where the service checks them (the
URL's address, the secret); here an editor pauses or enables one again, or pings it.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from alerts import services
from alerts.models import Delivery, DeliveryAttempt, Event, Subscription
from alerts.roles import OVERSEE_PERMISSION
from alerts.tasks import delivery_send


def _oversees(request: HttpRequest) -> bool:
    return request.user.has_perm(OVERSEE_PERMISSION)


def _queue_sends(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        transaction.on_commit(functools.partial(delivery_send.delay, delivery_id))


class ReadOnly:
    """Rows the workers write: read, never added or edited by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


SUBSCRIPTION_FIELDS = (
    "owner",
    "claim",
    "source",
    "tag",
    "events",
    "url",
    "digest",
    "active",
    "disabled_reason",
    "disabled_at",
    "consecutive_failures",
    "created_at",
    "delivery_log",
)

ATTEMPT_FIELDS = (
    "number",
    "started_at",
    "finished_at",
    "ok",
    "status_code",
    "outcome",
    "response_excerpt",
)


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "event_list",
        "url",
        "digest",
        "active",
        "consecutive_failures",
        "disabled_reason",
        "delivery_log",
    ]
    list_filter = ["active", "digest"]
    search_fields = ["owner__username", "url", "tag", "claim__text", "source__name"]
    list_select_related = ["owner", "claim", "source"]
    fields = SUBSCRIPTION_FIELDS
    readonly_fields = [f for f in SUBSCRIPTION_FIELDS if f != "active"]
    actions = ["enable_again", "send_ping"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)
        return rows if _oversees(request) else rows.filter(owner=request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # made on /alerts/ or over the API, where the URL and secret are checked

    @admin.display(description="events")
    def event_list(self, sub: Subscription) -> str:
        return ", ".join(sub.events)

    @admin.display(description="deliveries")
    def delivery_log(self, sub: Subscription) -> str:
        url = reverse("admin:alerts_delivery_changelist") + f"?subscription__id__exact={sub.pk}"
        return format_html('<a href="{}">Deliveries and attempts</a>', url)

    def save_model(self, request: HttpRequest, obj: Subscription, form: Any, change: bool) -> None:
        if "active" not in form.changed_data:
            return
        if obj.active:
            _queue_sends(services.subscription_enable(subscription=obj))
        else:
            services.subscription_pause(subscription=obj)

    @admin.action(description="Enable again (a clean slate; waiting deliveries go out)")
    def enable_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        for sub in queryset:
            _queue_sends(services.subscription_enable(subscription=sub))
        self.message_user(request, f"{queryset.count()} enabled.", messages.SUCCESS)

    @admin.action(description="Send a test ping")
    def send_ping(self, request: HttpRequest, queryset: QuerySet) -> None:
        sent = 0
        for sub in queryset.exclude(url=""):
            _queue_sends([services.subscription_ping(subscription=sub).pk])
            sent += 1
        self.message_user(request, f"{sent} pinged; see their deliveries.", messages.SUCCESS)


class DeliveryAttemptInline(ReadOnly, admin.TabularInline):
    model = DeliveryAttempt
    fields = ATTEMPT_FIELDS
    readonly_fields = ATTEMPT_FIELDS
    extra = 0


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = [
        "summary",
        "subscription",
        "status",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "last_error",
    ]
    list_filter = ["status"]
    search_fields = ["subscription__url", "subscription__owner__username", "event__key"]
    list_select_related = ["event", "subscription__owner", "subscription__claim"]
    inlines = [DeliveryAttemptInline]
    readonly_fields = ["idempotency_key", "event_body"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)
        return rows if _oversees(request) else rows.filter(subscription__owner=request.user)

    @admin.display(description="event")
    def summary(self, delivery: Delivery) -> str:
        return str(delivery.event)

    @admin.display(description="idempotency key")
    def idempotency_key(self, delivery: Delivery) -> str:
        return str(delivery.event.key)

    @admin.display(description="body sent")
    def event_body(self, delivery: Delivery) -> str:
        return format_html(
            "<pre>{}</pre>", json.dumps(delivery.event.payload, indent=2, ensure_ascii=False)
        )


@admin.register(DeliveryAttempt)
class DeliveryAttemptAdmin(ReadOnly, admin.ModelAdmin):
    """Every POST: when, how it ended, the status code and the start of the answer."""

    list_display = [
        "delivery",
        "number",
        "started_at",
        "finished_at",
        "ok",
        "status_code",
        "outcome",
        "excerpt",
    ]
    list_filter = ["ok", "status_code"]
    search_fields = ["outcome", "response_excerpt", "delivery__subscription__url"]
    list_select_related = ["delivery__event", "delivery__subscription__owner"]
    date_hierarchy = "started_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)
        if _oversees(request):
            return rows
        return rows.filter(delivery__subscription__owner=request.user)

    @admin.display(description="answer")
    def excerpt(self, attempt: DeliveryAttempt) -> str:
        return attempt.response_excerpt[:120]


@admin.register(Event)
class EventAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "type", "change", "cause", "created_at", "fanned_out_at"]
    list_filter = ["type", "change", "cause"]
    search_fields = ["key", "claim__text", "source__name"]
    list_select_related = ["claim", "source"]
    readonly_fields = ["key", "type", "topics", "cause", "claim", "source", "speaker", "payload"]
