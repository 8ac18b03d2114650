"""A lane's position moving: asserts <-> denies is a reversal; towards hedging or silence a
softening, away from it a firming; a statement older than the lane's latest moves nothing."""

import datetime as dt

import pytest

from alerts.models import Event
from claims.services import (
    stance_confirm,
    stance_delete,
    stance_edit_and_confirm,
    stance_reject,
)

pytestmark = pytest.mark.django_db

EARLIER, LATER = dt.date(2024, 10, 1), dt.date(2025, 4, 28)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ("asserts", "denies", "reversal"),
        ("denies", "asserts", "reversal"),
        ("asserts", "hedges", "softening"),
        ("denies", "hedges", "softening"),
        ("hedges", "no_comment", "softening"),
        ("denies", "no_comment", "softening"),
        ("hedges", "asserts", "firming"),
        ("hedges", "denies", "firming"),
        ("no_comment", "asserts", "firming"),
        ("no_comment", "hedges", "firming"),
    ],
)
def test_each_move_is_named(world, reviewer, before, after, change):
    world.stance(world.north_korea, before, EARLIER)
    waiting = world.stance(world.north_korea, after, LATER, status="suggested")

    stance_confirm(stance=waiting, reviewer=reviewer)

    event = Event.objects.get()
    assert (event.position_before, event.position_after, event.change) == (before, after, change)


def test_the_same_position_again_is_a_statement_not_a_change(world, reviewer):
    world.stance(world.north_korea, "denies", EARLIER)
    waiting = world.stance(world.north_korea, "denies", LATER, status="suggested")

    stance_confirm(stance=waiting, reviewer=reviewer)

    assert Event.objects.get().topics == ["statement.confirmed"]


def test_a_statement_older_than_the_latest_moves_nothing(world, reviewer):
    world.stance(world.north_korea, "asserts", LATER)
    older = world.stance(world.north_korea, "denies", EARLIER, status="suggested")

    stance_confirm(stance=older, reviewer=reviewer)

    assert Event.objects.get().topics == ["statement.confirmed"]


def test_an_official_moves_their_governments_lane(world, reviewer):
    world.stance(world.united_states, "asserts", EARLIER)
    waiting = world.stance(world.kirby, "hedges", LATER, status="suggested")

    stance_confirm(stance=waiting, reviewer=reviewer)

    event = Event.objects.get()
    assert (event.source, event.speaker, event.change) == (
        world.united_states,
        world.kirby,
        "softening",
    )


def test_editing_the_latest_position_is_a_change(world, reviewer):
    world.stance(world.north_korea, "denies", EARLIER)
    latest = world.stance(world.north_korea, "denies", LATER)

    stance_edit_and_confirm(stance=latest, reviewer=reviewer, position="asserts")

    event = Event.objects.get()
    assert (event.cause, event.change, event.topics) == ("edited", "reversal", ["position.changed"])


def test_deleting_or_rejecting_the_latest_statement_moves_the_position_back(world, reviewer):
    world.stance(world.north_korea, "denies", EARLIER)
    latest = world.stance(world.north_korea, "asserts", LATER)
    middle = world.stance(world.north_korea, "hedges", dt.date(2025, 1, 1))

    stance_delete(stance=latest, actor=reviewer)
    stance_reject(stance=middle, reviewer=reviewer)

    deleted, rejected = Event.objects.order_by("id")
    assert (deleted.cause, deleted.position_before, deleted.position_after) == (
        "deleted",
        "asserts",
        "hedges",
    )
    assert (rejected.cause, rejected.position_before, rejected.position_after) == (
        "rejected",
        "hedges",
        "denies",
    )
    assert (deleted.change, rejected.change) == ("softening", "firming")
