"""Writes of alerts: events into the outbox, subscriptions, deliveries and their attempts.

The flow, each step idempotent and keyed by ids:

1. ``events_record`` runs inside the review service's transaction (alerts/receivers.py):
   the change and its events commit together, or neither does.
2. ``event_fan_out`` (a task queued on commit, or found by the sweep) gives the event one
   Delivery per matching webhook subscription, at most one each (a unique constraint).
3. ``delivery_attempt`` leases the delivery, POSTs it outside any transaction, and records
   the attempt: delivered, or failed with the next try backed off, or given up. A worker
   killed mid-POST leaves the lease to run out; the task comes back (acks_late) or the
   sweep finds it, and the same event goes out again with the same idempotency key.

Tasks queue the follow-ups these return (alerts/tasks.py), so no service queues a task.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from alerts.changes import lane_moves
from alerts.models import (
    REVIEWERS_ONLY,
    SECRET_MIN_LENGTH,
    SUBSCRIBABLE,
    Delivery,
    DeliveryAttempt,
    Event,
    EventType,
    FeedToken,
    Subscription,
    new_feed_token,
    new_secret,
)
from alerts.payloads import event_payload
from alerts.webhooks import PostResult, webhook_post
from claims.models import Claim, ReviewStatus
from claims.roles import may_review
from claims.signals import StanceState
from sources.fetch.addresses import fetchable_url, resolve
from sources.fetch.errors import BlockedAddressError, FetchError, InvalidURLError
from sources.models import Source

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock(ALERTS_LOCK, claim id): one write at a time reads a claim's positions
# before and after, so two reviewers confirming in one lane at once cannot both report the
# same move. Any constant unique to us.
ALERTS_LOCK = 0x616C7274
# A lease outlasts the POST's time limit by this much: recording the answer is quick.
LEASE_MARGIN = dt.timedelta(seconds=5)
# The sweep leaves new events and due deliveries this long to their own on-commit task.
SWEEP_GRACE = dt.timedelta(seconds=15)
SWEEP_BATCH = 500


# --- events: the outbox ------------------------------------------------------------------


def events_record(
    *, claim_id: int, before: StanceState | None, after: StanceState | None, cause: str
) -> list[Event]:
    """The events one write to a stance makes, written in the caller's transaction.

    Per lane it touches: ``position.changed`` when the lane's position moved (a
    reversal, softening or firming), ``statement.confirmed`` for a newly confirmed
    statement, ``suggestion.filed`` for a new suggestion; one event carries every topic
    it is, so a subscriber to several hears of one change once. Locking: takes the
    claim's advisory lock for the rest of the transaction.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ALERTS_LOCK, claim_id % 2**31])
    new_statement = (
        after is not None
        and after.status == ReviewStatus.CONFIRMED
        and (before is None or before.status != ReviewStatus.CONFIRMED)
    )
    new_suggestion = after is not None and after.status == ReviewStatus.SUGGESTED and before is None
    claim = Claim.objects.get(pk=claim_id)
    events = []
    for move in lane_moves(claim_id=claim_id, before=before, after=after):
        topics = []
        if move.change:
            topics.append(EventType.POSITION_CHANGED)
        if move.state is after and new_statement:
            topics.append(EventType.STATEMENT_CONFIRMED)
        if move.state is after and new_suggestion:
            topics.append(EventType.SUGGESTION_FILED)
        if not topics:
            continue
        event = Event(
            type=topics[0],
            topics=[str(t) for t in topics],
            cause=cause,
            claim=claim,
            source=move.lane,
            speaker_id=move.state.source_id,
            stance_id=move.state.id,
            position_before=move.before or "",
            position_after=move.after or "",
            change=move.change,
        )
        event.payload = event_payload(
            key=str(event.key),
            type=event.type,
            topics=event.topics,
            cause=cause,
            created_at=timezone.now(),
            claim=claim,
            lane=move.lane,
            speaker=Source.objects.get(pk=move.state.source_id),
            before=move.before,
            after=move.after,
            change=move.change,
            state=move.state,
        )
        if not _webhooks_want(event.topics):
            # Nobody's webhook wants it: nothing to fan out (the digest reads it all the same).
            event.fanned_out_at = timezone.now()
        event.save()
        events.append(event)
        logger.info("alert_event event=%s type=%s claim=%s", event.key, event.type, claim_id)
    return events


def _webhooks_want(topics: list[str]) -> bool:
    return Subscription.objects.filter(active=True, events__overlap=topics).exclude(url="").exists()


def subscriptions_for_event(*, event: Event) -> list[Subscription]:
    """The active subscriptions that want this event: its claim, one of its tags, or its
    source or a source above it; a topic they chose; suggestions for reviewers only."""
    if event.claim is None:
        return []
    parents = dict(Source.objects.values_list("pk", "parent_id"))
    above: set[int] = set()
    for start in (event.speaker_id, event.source_id):
        node = start
        while node is not None and node not in above:
            above.add(node)
            node = parents.get(node)
    wanted = Q(claim_id=event.claim_id) | Q(source_id__in=above)
    if event.claim.tags:
        wanted |= Q(tag__in=event.claim.tags)
    found = []
    matching = Subscription.objects.filter(wanted, active=True, events__overlap=event.topics)
    for sub in matching.select_related("owner"):
        topics = set(event.topics) & set(sub.events)
        if topics <= REVIEWERS_ONLY and not may_review(sub.owner):
            continue
        found.append(sub)
    return found


def event_fan_out(*, event_id: int) -> list[int]:
    """Give the event its deliveries, once; the ids of the deliveries to send now."""
    with transaction.atomic():
        event = (
            Event.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("claim")
            .filter(pk=event_id, fanned_out_at__isnull=True)
            .first()
        )
        if event is None:
            return []  # fanned out already, or by another worker right now
        now = timezone.now()
        hooks = [s for s in subscriptions_for_event(event=event) if s.url]
        Delivery.objects.bulk_create(
            [Delivery(event=event, subscription=s, next_attempt_at=now) for s in hooks],
            ignore_conflicts=True,
        )
        event.fanned_out_at = now
        event.save(update_fields=["fanned_out_at"])
        return list(
            Delivery.objects.filter(event=event, status=Delivery.Status.PENDING).values_list(
                "pk", flat=True
            )
        )


# --- deliveries ---------------------------------------------------------------------------


def retry_backoff(*, attempts: int, retry_after: float | None = None) -> float:
    """Seconds before the next try after ``attempts`` failed ones: 30 s, 60 s, 120 s… (±20 %),
    at most an hour; at least what the receiver's Retry-After asks, within that hour."""
    cap = settings.FACTCHECK_WEBHOOK_BACKOFF_MAX
    wait = min(cap, settings.FACTCHECK_WEBHOOK_BACKOFF * 2.0 ** min(attempts - 1, 32))
    wait *= random.uniform(0.8, 1.2)
    if retry_after is not None:
        wait = max(wait, min(retry_after, cap))
    return wait


def _wait_for(delivery_id: int, now: dt.datetime) -> float | None:
    """Why a delivery could not be leased: seconds until it can be, or None (nothing to do)."""
    delivery = Delivery.objects.select_related("subscription", "event").filter(pk=delivery_id)
    row = delivery.first()
    if row is None or row.status != Delivery.Status.PENDING:
        return None
    if not row.subscription.active and row.event.type != EventType.PING:
        return None  # waits for the subscription to be enabled again
    if row.leased_until is not None and row.leased_until > now:
        return (row.leased_until - now).total_seconds() + 1
    return max(1.0, (row.next_attempt_at - now).total_seconds())


def delivery_attempt(*, delivery_id: int) -> float | None:
    """Send a delivery once, if it is due and nobody holds it; seconds until it should be
    tried again, or None when there is nothing more to do (delivered, given up, gone).

    The lease is taken and the attempt counted in one statement before the POST, so a
    worker killed mid-POST has spent an attempt, and nobody sends it again before the
    lease runs out.
    """
    now = timezone.now()
    lease = dt.timedelta(seconds=settings.FACTCHECK_WEBHOOK_TIMEOUT) + LEASE_MARGIN
    with transaction.atomic():
        leased = (
            Delivery.objects.filter(
                pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
            )
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
            .filter(Q(subscription__active=True) | Q(event__type=EventType.PING))
            .update(leased_until=now + lease, attempts=F("attempts") + 1, updated_at=now)
        )
        if not leased:
            return _wait_for(delivery_id, now)
        delivery = Delivery.objects.select_related("event", "subscription").get(pk=delivery_id)
        attempt = DeliveryAttempt.objects.create(
            delivery=delivery, number=delivery.attempts, started_at=now
        )
    result = webhook_post(
        url=delivery.subscription.url,
        secret=delivery.subscription.secret,
        event=delivery.event,
        delivery_id=delivery.pk,
    )
    return delivery_record(delivery=delivery, attempt=attempt, result=result)


def delivery_record(
    *, delivery: Delivery, attempt: DeliveryAttempt, result: PostResult
) -> float | None:
    """Record how an attempt ended; seconds until the next try, or None."""
    now = timezone.now()
    with transaction.atomic():
        attempt.finished_at = now
        attempt.ok = result.ok
        attempt.status_code = result.status_code
        attempt.outcome = result.outcome
        attempt.response_excerpt = result.excerpt
        attempt.save()
        sub = Subscription.objects.select_for_update().get(pk=delivery.subscription_id)
        rows = Delivery.objects.filter(pk=delivery.pk)
        if result.ok:
            rows.update(
                status=Delivery.Status.DELIVERED,
                delivered_at=now,
                leased_until=None,
                last_error="",
                updated_at=now,
            )
            if sub.consecutive_failures:
                sub.consecutive_failures = 0
                sub.save(update_fields=["consecutive_failures", "updated_at"])
            logger.info("webhook delivered delivery=%s attempt=%d", delivery.pk, attempt.number)
            return None
        sub.consecutive_failures += 1
        fields = ["consecutive_failures", "updated_at"]
        limit = settings.FACTCHECK_WEBHOOK_DISABLE_AFTER
        if sub.active and sub.consecutive_failures >= limit:
            sub.active = False
            sub.disabled_at = now
            sub.disabled_reason = (
                f"Disabled after {sub.consecutive_failures} consecutive failed deliveries; "
                f"last: {result.outcome}"
            )
            fields += ["active", "disabled_at", "disabled_reason"]
            logger.warning(
                "subscription disabled subscription=%s reason=%s", sub.pk, result.outcome
            )
        sub.save(update_fields=fields)
        logger.info(
            "webhook failed delivery=%s attempt=%d reason=%s",
            delivery.pk,
            attempt.number,
            result.outcome,
        )
        if result.permanent or attempt.number >= settings.FACTCHECK_WEBHOOK_MAX_ATTEMPTS:
            rows.update(
                status=Delivery.Status.FAILED,
                leased_until=None,
                last_error=f"Gave up after {attempt.number} attempts; last: {result.outcome}",
                updated_at=now,
            )
            return None
        wait = retry_backoff(attempts=attempt.number, retry_after=result.retry_after)
        rows.update(
            next_attempt_at=now + dt.timedelta(seconds=wait),
            leased_until=None,
            last_error=result.outcome,
            updated_at=now,
        )
        return wait if sub.active or delivery.event.type == EventType.PING else None


def outbox_due() -> tuple[list[int], list[int]]:
    """What the sweep sends again: events not fanned out, deliveries due and not held.

    Their own tasks were lost (a process that died between commit and send, a broker
    that refused the message) or are late; sending one twice is harmless (the fan-out
    runs once, a lease lets one sender through).
    """
    now = timezone.now()
    events = list(
        Event.objects.filter(fanned_out_at__isnull=True, created_at__lt=now - SWEEP_GRACE)
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    deliveries = list(
        Delivery.objects.filter(
            status=Delivery.Status.PENDING,
            next_attempt_at__lt=now - SWEEP_GRACE,
            subscription__active=True,
        )
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    return events, deliveries


def events_prune() -> int:
    """Delete events older than the retention whose deliveries are all settled."""
    before = timezone.now() - dt.timedelta(days=settings.FACTCHECK_ALERTS_RETENTION_DAYS)
    deleted, _ = (
        Event.objects.filter(created_at__lt=before, fanned_out_at__isnull=False)
        .exclude(deliveries__status=Delivery.Status.PENDING)
        .delete()
    )
    return deleted


# --- subscriptions -------------------------------------------------------------------------


def webhook_url_check(url: str) -> None:
    """Refuse a webhook URL the sender would never reach: not http(s), credentials, a host
    that does not resolve or resolves to an internal address. Checked again at delivery
    (the address may change): this is to tell the subscriber now."""
    try:
        fetchable_url(url)
    except ValidationError as exc:
        raise ValidationError({"url": exc.messages}) from exc
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        resolve(parts.hostname or "", port)
    except BlockedAddressError as exc:
        raise ValidationError(
            {"url": f"{exc.reason}: webhooks go to public addresses only."}
        ) from exc
    except (InvalidURLError, ValueError) as exc:
        raise ValidationError({"url": f"Not a valid URL: {exc}"}) from exc
    except FetchError as exc:
        raise ValidationError({"url": f"{exc.reason}: give a host name that resolves."}) from exc


def _subscription_check(sub: Subscription) -> None:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    targets = [sub.claim_id is not None, sub.source_id is not None, bool(sub.tag)]
    if sum(targets) != 1:
        refuse("__all__", "Follow one thing: a claim, a source or a tag.")
    if not sub.events:
        refuse("events", "Choose at least one event.")
    unknown = sorted(set(sub.events) - {str(e) for e in SUBSCRIBABLE})
    if unknown:
        refuse("events", f"Unknown events: {', '.join(unknown)}.")
    if set(sub.events) & REVIEWERS_ONLY and not may_review(sub.owner):
        refuse("events", "Only reviewers and editors hear of suggestions waiting for review.")
    if not sub.url and not sub.digest:
        refuse("__all__", "Give a webhook URL, ask for the daily digest, or both.")
    if sub.digest and not sub.owner.email:
        refuse("digest", "Your account has no email address to send the digest to.")
    if len(sub.secret) < SECRET_MIN_LENGTH:
        refuse(
            "secret",
            f"A secret needs at least {SECRET_MIN_LENGTH} characters ({len(sub.secret)} given).",
        )
    if errors:
        raise ValidationError(errors)
    if sub.url:
        webhook_url_check(sub.url)


def subscription_create(
    *,
    owner: Any,
    events: list[str],
    claim: Claim | None = None,
    source: Source | None = None,
    tag: str = "",
    url: str = "",
    secret: str = "",
    digest: bool = False,
) -> Subscription:
    """A new subscription; a secret is made when none is given. ValidationError by field."""
    sub = Subscription(
        owner=owner,
        claim=claim,
        source=source,
        tag=tag.strip(),
        events=list(dict.fromkeys(events)),
        url=url.strip(),
        secret=secret or new_secret(),
        digest=digest,
    )
    _subscription_check(sub)
    sub.save()
    return sub


SUBSCRIPTION_FIELDS = {"claim", "source", "tag", "events", "url", "secret", "digest"}


def subscription_update(*, subscription: Subscription, **changes: Any) -> Subscription:
    unknown = set(changes) - SUBSCRIPTION_FIELDS
    if unknown:
        raise ValidationError(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
    for name, value in changes.items():
        setattr(subscription, name, value.strip() if isinstance(value, str) else value)
    if "events" in changes:
        subscription.events = list(dict.fromkeys(subscription.events))
    _subscription_check(subscription)
    subscription.save()
    return subscription


def subscription_enable(*, subscription: Subscription) -> list[int]:
    """Enable a subscription again with a clean slate; its pending deliveries to send now."""
    with transaction.atomic():
        Subscription.objects.filter(pk=subscription.pk).update(
            active=True,
            consecutive_failures=0,
            disabled_reason="",
            disabled_at=None,
            updated_at=timezone.now(),
        )
        subscription.refresh_from_db()
        pending = Delivery.objects.filter(subscription=subscription, status=Delivery.Status.PENDING)
        pending.update(next_attempt_at=timezone.now(), leased_until=None)
        return list(pending.values_list("pk", flat=True))


def subscription_pause(*, subscription: Subscription) -> None:
    """Stop the webhook until enabled again; its deliveries wait (the digest goes on)."""
    Subscription.objects.filter(pk=subscription.pk).update(
        active=False,
        disabled_reason="Paused by its owner.",
        disabled_at=timezone.now(),
        updated_at=timezone.now(),
    )
    subscription.refresh_from_db()


def subscription_ping(*, subscription: Subscription) -> Delivery:
    """A test event for this one subscription; its delivery, to be sent now."""
    if not subscription.url:
        raise ValidationError({"url": "This subscription has no webhook URL to ping."})
    now = timezone.now()
    with transaction.atomic():
        event = Event(type=EventType.PING, topics=[EventType.PING], cause="", fanned_out_at=now)
        event.payload = event_payload(
            key=str(event.key),
            type=EventType.PING,
            topics=[EventType.PING],
            cause="",
            created_at=now,
        )
        event.save()
        return Delivery.objects.create(event=event, subscription=subscription, next_attempt_at=now)


def feed_token_for(*, user: Any) -> FeedToken:
    token, _ = FeedToken.objects.get_or_create(user=user)
    return token


def feed_token_reset(*, user: Any) -> FeedToken:
    """A new token: the old feed URLs stop working."""
    token, created = FeedToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_feed_token()
        token.save(update_fields=["token", "created_at"])
    return token
