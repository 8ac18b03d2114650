"""Fixtures of the alerts tests: one claim, two governments and an official of one; a local
webhook receiver; real Celery workers."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from alerts.models import Event, Subscription
from alerts.services import subscription_create
from claims.models import Claim, Stance
from sources.models import Source
from tests.alerts.receiver import Handler, QuietServer, Receiver
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory
from tests.ingest.worker import Worker, new_queue_name, purge, route_tasks_to, set_routes

SECRET = "whsec_test-secret-of-the-receiver-0123456789"


@dataclass
class World:
    claim: Claim
    north_korea: Source
    united_states: Source
    kirby: Source  # speaks for the United States

    def claim_events(self) -> list[Event]:
        return list(Event.objects.filter(claim=self.claim).order_by("id"))

    def stance(
        self, source: Source, position: str, on: dt.date, *, status: str = "confirmed", **kw
    ) -> Stance:
        """A stance on the claim in an article of its own, stored as it is (no service)."""
        reviewed = None if status == "suggested" else dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        return StanceFactory(
            claim=self.claim,
            source=source,
            position=position,
            stated_on=on,
            status=status,
            reviewed_at=reviewed,
            article=ArticleFactory(),
            **kw,
        )


@pytest.fixture
def world(db) -> World:
    united_states = SourceFactory(name="United States", slug="united-states")
    return World(
        claim=ClaimFactory(
            text="North Korea sent troops to Russia", slug="nk-troops", tags=["troops"]
        ),
        north_korea=SourceFactory(name="North Korea", slug="north-korea"),
        united_states=united_states,
        kirby=SourceFactory(name="John Kirby", slug="john-kirby", parent=united_states),
    )


@pytest.fixture(scope="session")
def _receiver_server() -> Iterator[Receiver]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    receiver = Receiver(server)
    Handler.receiver = receiver
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def receiver(_receiver_server: Receiver, settings) -> Iterator[Receiver]:
    """The local webhook receiver, with the safe client allowed onto loopback (tests only)."""
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    settings.FACTCHECK_WEBHOOK_TIMEOUT = 2
    _receiver_server.reset()
    yield _receiver_server
    _receiver_server.reset()


@pytest.fixture
def worker(tmp_path, receiver):
    """Real Celery workers (subprocesses) on a queue of this test's own, reaching loopback."""
    queue = new_queue_name()
    previous = route_tasks_to(queue)
    worker = Worker(queue, tmp_path)
    worker.extra_env.update(FACTCHECK_WEBHOOK_TIMEOUT="2", FACTCHECK_WEBHOOK_BACKOFF="0.2")
    yield worker
    worker.stop_all()
    purge(queue)
    set_routes(previous)


def subscribe(owner, url: str, **kw) -> Subscription:
    """A webhook subscription to the world's claim (position changes unless told)."""
    kw.setdefault("events", ["position.changed"])
    return subscription_create(owner=owner, url=url, secret=SECRET, **kw)
