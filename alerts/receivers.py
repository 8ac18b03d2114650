"""What alerts does when claims announces a change to a stance (claims/signals.py).

Connected in AlertsConfig.ready(). The events are written here, inside the review
service's transaction (the outbox); their fan-out is queued once it commits.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import transaction

from alerts.services import events_record
from alerts.tasks import event_fan_out
from claims.signals import StanceState


def event_fan_out_queue(event_id: int) -> None:
    event_fan_out.delay(event_id)


def on_stance_changed(
    *,
    claim_id: int,
    before: StanceState | None,
    after: StanceState | None,
    cause: str,
    **kwargs: Any,
) -> None:
    for event in events_record(claim_id=claim_id, before=before, after=after, cause=cause):
        if event.fanned_out_at is None:  # some webhook may want it
            transaction.on_commit(functools.partial(event_fan_out_queue, event.pk))
