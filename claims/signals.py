"""What claims announces about stances, for the apps above it to act on.

claims knows nothing of alerts: the review service (claims/services.py) sends
``stance_changed`` whenever it files, confirms, edits, rejects, re-opens or
deletes a stance, and alerts connects its receiver in AlertsConfig.ready(). The
signal is sent inside the transaction that makes the change, so what a receiver
writes (an outbox row) commits or rolls back with the change itself; work for
later belongs in transaction.on_commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from django.dispatch import Signal

if TYPE_CHECKING:  # imported by AppConfigs before the models are loaded
    from claims.models import Stance


@dataclass(frozen=True)
class StanceState:
    """A stance as it was at one moment: before a change, or after it."""

    id: int
    claim_id: int
    source_id: int
    article_id: int
    position: str
    status: str
    stated_on: dt.date
    stated_on_precision: str
    quote_exact: str
    quote_prefix: str
    quote_suffix: str
    quote_start: int
    quote_end: int
    attributed_via: str
    version: int

    @classmethod
    def of(cls, stance: Stance) -> StanceState:
        return cls(**{f.name: getattr(stance, f.name) for f in fields(cls)})


class Cause:
    """What the review service did to the stance."""

    FILED = "filed"  # a new suggestion, or a stance filed by hand still to review
    CONFIRMED = "confirmed"  # filed as confirmed, or confirmed from the queue
    EDITED = "edited"  # a confirmed stance changed and stays confirmed
    REJECTED = "rejected"
    REOPENED = "reopened"  # taken back to the queue (an undo)
    DELETED = "deleted"


# Arguments: claim_id, before (StanceState | None: the stance did not exist), after
# (StanceState | None: the stance is gone), actor (the user, or None for the machine),
# cause (a Cause value). Sender: Stance.
stance_changed = Signal()
