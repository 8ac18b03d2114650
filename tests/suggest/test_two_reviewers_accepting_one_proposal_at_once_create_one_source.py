"""Two reviewers accept the same proposed source at the same moment: one source is created,
and the second is told who registered it. Real concurrency: two threads, two connections,
the second blocked on the first's row lock until the first commits."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from claims.models import ProposedSource, Stance
from claims.proposals import ProposalDecided, proposed_source_accept
from sources.models import Source
from tests.proposals import PESKOV_SAYS, suggested

pytestmark = pytest.mark.django_db(transaction=True)

# How long a thread may take at most; the test waits on events, not on the clock.
LIMIT = 60


def waiting_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


def test_two_reviewers_accepting_at_once_create_one_source(demo, reviewer, second_reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    proposal = ProposedSource.objects.get()
    first_done, release = threading.Event(), threading.Event()
    second_pid: list[int] = []
    outcomes: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                outcomes["first"] = proposed_source_accept(proposal=proposal, reviewer=reviewer)
                first_done.set()
                release.wait(LIMIT)  # the row stays locked until this commits
        finally:
            connections.close_all()

    def second() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                second_pid.append(cursor.fetchone()[0])
            outcomes["second"] = proposed_source_accept(proposal=proposal, reviewer=second_reviewer)
        except ProposalDecided as exc:
            outcomes["second"] = exc
        finally:
            connections.close_all()

    one = threading.Thread(target=first)
    one.start()
    assert first_done.wait(LIMIT)
    two = threading.Thread(target=second)
    two.start()
    # The second accept reaches the proposal's row and waits for the first to commit.
    for _ in range(10_000):
        if second_pid and waiting_on_a_lock(second_pid[0]):
            break
        two.join(0.01)
    else:
        pytest.fail("the second accept never waited for the first")
    release.set()
    one.join(LIMIT)
    two.join(LIMIT)

    assert Source.objects.filter(name="Dmitry Peskov").count() == 1
    refused = outcomes["second"]
    assert isinstance(refused, ProposalDecided)
    assert str(refused) == (
        "Dmitry Peskov was already registered as Dmitry Peskov by reviewer; nothing more to do."
    )
    stance.refresh_from_db()
    assert stance.source.name == "Dmitry Peskov"
    assert Stance.objects.filter(source__name="Dmitry Peskov").count() == 1
