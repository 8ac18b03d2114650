"""Alert tasks: thin, keyed by ids; the work lives in alerts/services.py.

Every task is safe to run twice (acks_late: a task whose worker died runs again): the
fan-out runs once per event, and a delivery's lease lets one sender through.
"""

from __future__ import annotations

import logging

from celery import shared_task

from alerts import services
from alerts.digests import digests_send as digests_send_all
from sources.jobs import retry_backoff_max

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def event_fan_out(event_id: int) -> int:
    """Give an event its deliveries and send them; queued when the change commits."""
    deliveries = services.event_fan_out(event_id=event_id)
    for delivery_id in deliveries:
        delivery_send.delay(delivery_id)
    return len(deliveries)


@shared_task(acks_late=True)
def delivery_send(delivery_id: int) -> None:
    """POST one delivery; queued again for its next try (backed off) when it failed.

    A countdown longer than the broker allows (sources.jobs.retry_backoff_max) is cut to
    it: the task then finds the delivery not yet due and queues itself for the rest.
    """
    wait = services.delivery_attempt(delivery_id=delivery_id)
    if wait is not None:
        delivery_send.apply_async([delivery_id], countdown=min(wait, retry_backoff_max()))


@shared_task
def outbox_sweep() -> None:
    """Beat, every minute: send again what lost its task; drop settled events past retention."""
    events, deliveries = services.outbox_due()
    for event_id in events:
        event_fan_out.delay(event_id)
    for delivery_id in deliveries:
        delivery_send.delay(delivery_id)
    pruned = services.events_prune()
    if events or deliveries or pruned:
        logger.info(
            "outbox_sweep events=%d deliveries=%d pruned=%d", len(events), len(deliveries), pruned
        )


@shared_task(acks_late=True)
def digests_send() -> int:
    """Beat, daily: each subscriber's digest email of what changed since their last one."""
    return digests_send_all()
