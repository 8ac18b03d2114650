"""The history's bytes the way they were rendered before orjson and before PostgreSQL wrote
the reports: claims.timeline's Timeline, through history_data, through DRF's JSONRenderer
(json.dumps). The reference tests/api/test_history_output_is_unchanged.py compares the
endpoint with."""

from __future__ import annotations

import datetime as dt

from rest_framework.renderers import JSONRenderer

from claims.api.history import history_data
from claims.models import Claim
from claims.timeline import claim_timeline
from sources.models import Source


def reference_history(
    claim: Claim,
    *,
    as_of: dt.datetime | None = None,
    group_by: str = "top",
    since: dt.date | None = None,
    source: Source | None = None,
) -> bytes:
    timeline = claim_timeline(
        claim=claim, as_of=as_of, group_by=group_by, since=since, source=source
    )
    return JSONRenderer().render(history_data(timeline))
