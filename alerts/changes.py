"""What one write to a stance did to the positions on its claim.

A source's position on a claim is its lane's latest confirmed statement, as the timeline
has it: lanes are top-level sources (John Kirby and the State Department speak in the
United States' lane), statements are ordered by the day they were said, then by id.
The position before a write is read with the stance as it was, the position after with
the stance as it is now; the rest of the lane is read once.

Computed here, not with claims.timeline, because one lane and one stance are all a write
touches: two small queries instead of the claim's whole history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from alerts.models import Change
from claims.models import Position, ReviewStatus, Stance
from claims.signals import StanceState
from sources.models import Source
from sources.selectors import source_descendant_ids

# How firmly a position is held: a move down is a softening, a move up a firming, and
# asserts <-> denies (both firm) a reversal.
FIRMNESS: dict[str, int] = {
    Position.ASSERTS: 2,
    Position.DENIES: 2,
    Position.HEDGES: 1,
    Position.NO_COMMENT: 0,
}


def change_kind(before: str, after: str) -> str:
    """reversal, softening or firming ("" when the position did not move)."""
    if before == after:
        return ""
    if {before, after} == {Position.ASSERTS, Position.DENIES}:
        return Change.REVERSAL
    return Change.SOFTENING if FIRMNESS[after] < FIRMNESS[before] else Change.FIRMING


@dataclass(frozen=True)
class LaneMove:
    """One lane's position before and after a write (None: the lane had no statement), and
    the stance as it stands in that lane (after the write, or before it if it left)."""

    lane: Source
    before: str | None
    after: str | None
    state: StanceState

    @property
    def change(self) -> str:
        if self.before is None or self.after is None:
            return ""
        return change_kind(self.before, self.after)


def top_source_id(parents: Mapping[int, int | None], source_id: int) -> int:
    node, seen = source_id, set()
    while parents.get(node) is not None and node not in seen:
        seen.add(node)
        node = parents[node]  # type: ignore[assignment]
    return node


def _latest(
    others: list[tuple[dt.date, int, str]], state: StanceState | None, members: set[int]
) -> str | None:
    """The lane's position with the stance as ``state`` has it (None: not in the lane)."""
    rows = list(others)
    if state is not None and state.status == ReviewStatus.CONFIRMED and state.source_id in members:
        rows.append((state.stated_on, state.id, state.position))
    return max(rows)[2] if rows else None


def lane_moves(
    *, claim_id: int, before: StanceState | None, after: StanceState | None
) -> list[LaneMove]:
    """The lanes the write touched (one, or two when it moved a stance to another source),
    each with its position before and after."""
    parents = dict(Source.objects.values_list("pk", "parent_id"))
    states = [s for s in (before, after) if s is not None]
    lanes = list(dict.fromkeys(top_source_id(parents, s.source_id) for s in states))
    moves = []
    for lane_id in lanes:
        members = source_descendant_ids(parents=parents, source_id=lane_id)
        # The lane's latest statement but this one: one row.
        others = list(
            Stance.objects.filter(
                claim_id=claim_id, status=ReviewStatus.CONFIRMED, source_id__in=members
            )
            .exclude(pk=states[0].id)
            .order_by("-stated_on", "-id")
            .values_list("stated_on", "id", "position")[:1]
        )
        in_lane = after if after is not None and after.source_id in members else before
        assert in_lane is not None
        moves.append(
            LaneMove(
                lane=Source.objects.get(pk=lane_id),
                before=_latest(others, before, members),
                after=_latest(others, after, members),
                state=in_lane,
            )
        )
    return moves
