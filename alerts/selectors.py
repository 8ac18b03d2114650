"""Reads of alerts: a person's subscriptions, a subscription's deliveries, the events a set
of subscriptions wants (the digest)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from alerts.models import REVIEWERS_ONLY, Delivery, DeliveryAttempt, Event, EventType, Subscription
from claims.roles import may_review
from sources.models import Source
from sources.selectors import source_descendant_ids


def subscription_list(*, owner: Any) -> QuerySet[Subscription]:
    """The person's own subscriptions, with what they follow (one query)."""
    return Subscription.objects.filter(owner=owner).select_related("claim", "source")


def delivery_list(*, subscription: Subscription) -> QuerySet[Delivery]:
    """A subscription's deliveries, newest first, each with its event and attempts (two queries)."""
    return (
        Delivery.objects.filter(subscription=subscription)
        .select_related("event")
        .prefetch_related(
            Prefetch("attempt_log", queryset=DeliveryAttempt.objects.order_by("number"))
        )
    )


def events_for_subscriptions(
    *, subscriptions: Iterable[Subscription], since: dt.datetime, until: dt.datetime
) -> list[Event]:
    """The events recorded in [since, until) that any of the subscriptions wants, oldest first.

    The rule of alerts.services.subscriptions_for_event, read the other way round.
    """
    parents: dict[int, int | None] | None = None
    wanted = Q()
    for sub in subscriptions:
        topics = list(sub.events)
        if not may_review(sub.owner):
            topics = [t for t in topics if t not in REVIEWERS_ONLY]
        if not topics:
            continue
        if sub.claim_id:
            target = Q(claim_id=sub.claim_id)
        elif sub.source_id:
            if parents is None:
                parents = dict(Source.objects.values_list("pk", "parent_id"))
            below = source_descendant_ids(parents=parents, source_id=sub.source_id)
            target = Q(speaker_id__in=below) | Q(source_id__in=below)
        else:
            target = Q(claim__tags__contains=[sub.tag])
        wanted |= target & Q(topics__overlap=topics)
    if not wanted:
        return []
    return list(
        Event.objects.filter(wanted, created_at__gte=since, created_at__lt=until)
        .exclude(type=EventType.PING)
        .select_related("claim")
        .order_by("created_at", "id")
    )
