"""In the review queue a reviewer registers a proposed source in one action, maps it to a
registered source, or dismisses it; the stances waiting on the name follow the decision."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.models import ProposedSource, Stance
from sources.models import Source
from tests.proposals import PESKOV_SAYS, suggested

pytestmark = pytest.mark.django_db

AGAIN = (
    "On Friday Kremlin spokesman Dmitry Peskov again denied that North Korea had supplied "
    "ammunition to Russia."
)


def decide(client, stance: Stance, decision: str, **fields):
    return client.post(
        reverse("proposal-decide", args=[stance.proposed_source_id]),
        {"decision": decision, "stance": stance.pk, "version": stance.version, **fields},
    )


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_queue_shows_the_proposed_source_with_its_parent_and_role(demo, client_for, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    assert f'id="proposal-{stance.pk}"' in page
    assert (
        "Dmitry Peskov \u2014 official, speaks for Russia (from \u2018Kremlin spokesman\u2019)"
        in page
    )
    assert "filed for Russia meanwhile" in page


def test_accepting_registers_the_source_under_its_parent_and_moves_waiting_stances(
    demo, client_for, reviewer
):
    (stance,) = suggested(PESKOV_SAYS)
    (other,) = suggested(AGAIN)
    client = client_for(reviewer)

    response = decide(client, stance, "accept", name="Dmitry Peskov")

    assert response.status_code == 302
    peskov = Source.objects.get(name="Dmitry Peskov")
    assert (peskov.kind, peskov.parent.name) == ("official", "Russia")
    assert [a.alias for a in peskov.aliases.all()] == ["Dmitry Peskov"]
    assert said(response) == [
        "Registered Dmitry Peskov (official, speaks for Russia) with the alias "
        "\u201cDmitry Peskov\u201d. 2 suggested stances now name Dmitry Peskov."
    ]
    for waiting in (stance, other):
        waiting.refresh_from_db()
        # It stays in the queue, now naming the new source, with a new version.
        assert (waiting.source, waiting.status) == (peskov, "suggested")
        assert waiting.version == 2
    proposal = ProposedSource.objects.get()
    assert (proposal.state, proposal.source, proposal.decided_by) == ("accepted", peskov, reviewer)
    # The audit history records who registered the source.
    event = Source.pgh_event_model.objects.get(pgh_obj=peskov)
    assert event.pgh_context.metadata["user"] == reviewer.pk
    # The queue proposes it no more.
    assert f'id="proposal-{stance.pk}"' not in client.get(reverse("review-queue")).content.decode()


def test_accepting_and_confirming_confirms_the_stance_under_the_new_source(
    demo, client_for, reviewer
):
    (stance,) = suggested(PESKOV_SAYS)
    response = decide(client_for(reviewer), stance, "accept", name="Dmitry Peskov", confirm="1")
    stance.refresh_from_db()
    assert (stance.source.name, stance.status, stance.reviewed_by) == (
        "Dmitry Peskov",
        "confirmed",
        reviewer,
    )
    assert said(response)[0].endswith(
        "Confirmed: Dmitry Peskov denies on \u201cNorth Korea supplies weapons or ammunition "
        "to Russia for its war in Ukraine\u201d."
    )


def test_from_then_on_the_name_is_known_in_every_article(demo, client_for, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    decide(client_for(reviewer), stance, "accept", name="Dmitry Peskov")

    (later,) = suggested("Peskov said North Korea had never supplied ammunition to Russia.")
    assert (later.source.name, later.source.parent.name) == ("Dmitry Peskov", "Russia")
    assert later.proposed_source is None


def test_a_second_accept_creates_nothing_and_says_who_decided(
    demo, client_for, reviewer, second_reviewer
):
    (stance,) = suggested(PESKOV_SAYS)
    decide(client_for(reviewer), stance, "accept", name="Dmitry Peskov")

    response = decide(client_for(second_reviewer), stance, "accept", name="Dmitry Peskov")

    assert Source.objects.filter(name="Dmitry Peskov").count() == 1
    assert said(response) == [
        "Not accepted: Dmitry Peskov. Dmitry Peskov was already registered as Dmitry Peskov "
        "by reviewer; nothing more to do."
    ]


def test_a_stale_version_is_refused_and_nothing_is_created(demo, client_for, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    Stance.objects.filter(pk=stance.pk).update(version=5)
    response = decide(client_for(reviewer), stance, "accept")
    assert not Source.objects.filter(name="Dmitry Peskov").exists()
    assert ProposedSource.objects.get().state == "open"
    assert "was changed by" in said(response)[0]


def test_mapping_adds_the_alias_to_a_registered_source(demo, client_for, reviewer):
    russia = Source.objects.get(name="Russia")
    spokesman = Source.objects.create(
        name="Kremlin press office", slug="kremlin-press", kind="agency", parent=russia
    )
    (stance,) = suggested(PESKOV_SAYS)

    response = decide(client_for(reviewer), stance, "map", source="Kremlin press office")

    assert said(response) == [
        "Dmitry Peskov is Kremlin press office: alias \u201cDmitry Peskov\u201d added. "
        "1 suggested stance now names Kremlin press office."
    ]
    assert "Dmitry Peskov" in [a.alias for a in spokesman.aliases.all()]
    stance.refresh_from_db()
    assert stance.source == spokesman
    assert ProposedSource.objects.get().state == "mapped"


def test_mapping_needs_a_registered_source(demo, client_for, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    response = decide(client_for(reviewer), stance, "map", source="Nobody Known")
    assert said(response)[0].startswith("Nothing done for Dmitry Peskov: No source is called")
    assert ProposedSource.objects.get().state == "open"


def test_dismissing_keeps_the_stance_with_its_parent(demo, client_for, reviewer):
    (stance,) = suggested(PESKOV_SAYS)
    response = decide(client_for(reviewer), stance, "dismiss")
    assert said(response) == [
        "Dismissed the proposal of Dmitry Peskov; its stances stay with Russia."
    ]
    stance.refresh_from_db()
    assert (stance.source.name, stance.status) == ("Russia", "suggested")
    assert ProposedSource.objects.get().state == "dismissed"
    assert not Source.objects.filter(name="Dmitry Peskov").exists()


def test_api_consumers_may_not_decide(demo, client_for, api_consumer):
    (stance,) = suggested(PESKOV_SAYS)
    response = decide(client_for(api_consumer), stance, "accept")
    assert response.status_code == 403
    assert not Source.objects.filter(name="Dmitry Peskov").exists()
