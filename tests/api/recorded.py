"""Moving the two clocks of recorded data back, for tests of conditional GET and as_of."""

from __future__ import annotations

import datetime as dt

import pgtrigger
from django.db.models import F

from claims.models import Claim, Stance
from sources.models import Article, Outlet, Source


def changes_settled(ago: dt.timedelta = dt.timedelta(minutes=1)) -> None:
    """Move every row's updated_at ``ago`` into the past, as if nothing had changed since.

    A history sends Last-Modified only once its latest change has settled, and
    the demo is loaded within the test. Articles and outlets are stamped by a
    trigger on every write, switched off for this one UPDATE.
    """
    for model in (Claim, Stance, Source):
        model.objects.update(updated_at=F("updated_at") - ago)
    with pgtrigger.ignore("sources.Article:article_updated_at", "sources.Outlet:outlet_updated_at"):
        for stamped in (Article, Outlet):
            stamped.objects.update(updated_at=F("updated_at") - ago)


def recorded_before(moment: dt.datetime) -> None:
    """Pretend every audit event so far (stances, claims, sources) was recorded at ``moment``.

    The test runs in one transaction and PostgreSQL's now() (the audit
    triggers' clock) is the transaction's start, so without this every event
    would carry the same instant.
    """
    for model in (Stance, Claim, Source):
        model.pgh_event_model.objects.update(pgh_created_at=moment)  # type: ignore[union-attr]
