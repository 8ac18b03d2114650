"""End to end on a real Celery worker: a statement by Kremlin spokesman Dmitry Peskov, whom
nobody registered, arrives proposing him under Russia; accepting the proposal over the API
registers him once, and the next article naming him files his statement in Russia's lane."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Claim, ProposedSource, Stance
from claims.timeline import claim_timeline
from sources.models import IngestJob, Source
from sources.services import ingest_text_submit
from tests.ingest.worker import Worker, new_queue_name, purge, route_tasks_to, set_routes
from tests.proposals import PESKOV_SAYS

WAIT_SECONDS = 90
SUCCEEDED = re.compile(
    r"Task claims\.tasks\.suggest_stances_for_article\[[\w-]+\] succeeded in [\d.]+s: (\d+)"
)
ARMS = "north-korea-arms-to-russia"


@pytest.fixture
def worker(transactional_db, tmp_path) -> Iterator[Worker]:
    queue = new_queue_name()
    previous = route_tasks_to(queue)
    worker = Worker(queue, tmp_path)
    worker.start()
    yield worker
    worker.stop_all()
    purge(queue)
    set_routes(previous)


def ingested(worker: Worker, text: str, runs: int) -> Stance:
    """Paste ``text``, wait for its suggestion task (the ``runs``-th), return its one stance."""
    job = ingest_text_submit(text=text, title="Kremlin on arms", published_on=dt.date(2024, 9, 13))

    def done() -> bool:
        job.refresh_from_db()
        assert job.status != IngestJob.Status.FAILED, job.error
        return job.status == IngestJob.Status.DONE

    worker.wait_until(done, "the ingestion job", WAIT_SECONDS)
    worker.wait_until(
        lambda: len(SUCCEEDED.findall(worker.logs())) >= runs, "the suggestions", WAIT_SECONDS
    )
    (stance,) = Stance.objects.filter(article_id=job.article_id).select_related(
        "source__parent", "proposed_source__parent"
    )
    return stance


@pytest.mark.worker
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_proposed_speaker_is_registered_once_and_known_from_then_on(demo, worker, reviewer):
    first = ingested(worker, PESKOV_SAYS, runs=1)
    assert (first.source.name, first.position, first.status) == ("Russia", "denies", "suggested")
    proposal = first.proposed_source
    assert (proposal.name, proposal.kind, proposal.parent.name, proposal.role) == (
        "Dmitry Peskov",
        "official",
        "Russia",
        "Kremlin spokesman",
    )

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=reviewer)[0].key}")
    url = f"/api/v1/stances/{first.pk}/accept-source/"
    accepted = api.post(url, {"version": first.version, "confirm": True}, format="json")
    assert accepted.status_code == 200, accepted.json()
    again = api.post(url, {"version": accepted.json()["version"]}, format="json")
    assert again.status_code == 409
    assert Source.objects.filter(name="Dmitry Peskov").count() == 1
    assert ProposedSource.objects.get().state == "accepted"

    second = ingested(
        worker, "Peskov said North Korea had never supplied ammunition to Russia.", runs=2
    )
    assert (second.source.name, second.source.parent.name) == ("Dmitry Peskov", "Russia")
    assert second.proposed_source is None
    assert ProposedSource.objects.count() == 1

    timeline = claim_timeline(claim=Claim.objects.get(slug=ARMS))
    (russia,) = [lane for lane in timeline.lanes if lane.source.name == "Russia"]
    assert "Dmitry Peskov" in [speaker.name for speaker in russia.speakers]
