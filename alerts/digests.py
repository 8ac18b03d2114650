"""The daily digest: one email per subscriber listing what changed on their subscriptions.

Sent with Django's email backend (the console in development, SMTP in production:
factcheck/settings.py). Each person gets at most one a day (Digest, unique per day), and
each covers from where the last one ended, so a day missed (beat down) is in the next.
A subscription disabled for failing webhooks keeps its digest.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from alerts.models import Digest, Subscription
from alerts.payloads import site_url
from alerts.selectors import events_for_subscriptions

logger = logging.getLogger(__name__)

# A first digest covers the day before it.
FIRST_DIGEST_COVERS = dt.timedelta(days=1)


def digest_send(*, user: Any, now: dt.datetime | None = None) -> int:
    """Send ``user`` today's digest if not sent yet; how many events it listed (0: none sent).

    The Digest row and the email go together: if sending fails the row rolls back and the
    next run tries again. A process killed between the two may send one twice.
    """
    now = now or timezone.now()
    subs = list(
        Subscription.objects.filter(owner=user, digest=True).select_related(
            "owner", "claim", "source"
        )
    )
    if not subs or not user.email:
        return 0
    last = Digest.objects.filter(user=user).order_by("-covers_until").first()
    since = last.covers_until if last else now - FIRST_DIGEST_COVERS
    try:
        with transaction.atomic():
            events = events_for_subscriptions(subscriptions=subs, since=since, until=now)
            Digest.objects.create(
                user=user, day=now.date(), covers_from=since, covers_until=now, events=len(events)
            )
            if events:
                _email(user=user, events=events, since=since, until=now).send()
    except IntegrityError:
        return 0  # sent today already (another run of the task)
    logger.info("digest user=%s events=%d", user.pk, len(events))
    return len(events)


def _email(
    *, user: Any, events: list, since: dt.datetime, until: dt.datetime
) -> EmailMultiAlternatives:
    count = f"{len(events)} change" + ("" if len(events) == 1 else "s")
    context = {
        "user": user,
        "events": events,
        "since": since,
        "until": until,
        "count": count,
        "alerts_url": site_url("/alerts/"),
    }
    message = EmailMultiAlternatives(
        subject=f"factcheck digest: {count} on your subscriptions",
        body=render_to_string("alerts/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(render_to_string("alerts/digest.html", context), "text/html")
    return message


def digests_send(*, now: dt.datetime | None = None) -> int:
    """Every subscriber's digest (the beat task); how many emails went out."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, subscriptions__digest=True)
        .exclude(email="")
        .distinct()
    )
    return sum(1 for user in users if digest_send(user=user, now=now))
