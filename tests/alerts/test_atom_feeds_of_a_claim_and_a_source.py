"""A claim's and a source's Atom feed: statements and position changes, newest first, valid
Atom (feedparser, no bozo flag); public only when claim pages are, else opened with the
reader's feed token."""

import datetime as dt

import feedparser
import pytest
from django.test import Client

from alerts.services import feed_token_for, feed_token_reset

pytestmark = pytest.mark.django_db

CLAIM_FEED = "/feeds/claims/nk-troops.atom"


@pytest.fixture
def history(world):
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28))
    world.stance(world.united_states, "asserts", dt.date(2024, 11, 4))
    world.stance(world.kirby, "hedges", dt.date(2025, 1, 15), attributed_via="AP said")
    world.stance(world.north_korea, "hedges", dt.date(2025, 5, 1), status="suggested")
    return world


def parse(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_a_claims_feed_lists_statements_and_changes_newest_first(client, reviewer, history):
    client.force_login(reviewer)

    feed = parse(client.get(CLAIM_FEED))

    assert feed.feed.title == "North Korea sent troops to Russia · factcheck"
    assert [e.title for e in feed.entries] == [
        "North Korea: denies → asserts (reversal), 2025-04-28",
        "North Korea asserts (2025-04-28)",
        "United States: asserts → hedges (softening), 2025-01-15",
        "John Kirby hedges (2025-01-15)",
        "United States asserts (2024-11-04)",
        "North Korea denies (2024-10-01)",
    ]  # confirmed only: the suggestion waits for review
    assert len({e.id for e in feed.entries}) == 6
    kirby = feed.entries[3]
    assert kirby.published_parsed[:3] == (2025, 1, 15)
    assert kirby.author == "John Kirby"
    assert "reported through AP said" in kirby.summary
    assert kirby.link.endswith("/claims/nk-troops/")
    assert feed.entries[0].id.startswith("tag:")


def test_a_sources_feed_takes_whoever_speaks_for_it(client, reviewer, history):
    client.force_login(reviewer)

    feed = parse(client.get("/feeds/sources/united-states.atom"))

    assert [e.title for e in feed.entries] == [
        "United States: asserts → hedges (softening) on “North Korea sent troops to Russia”, "
        "2025-01-15",
        "John Kirby hedges on “North Korea sent troops to Russia” (2025-01-15)",
        "United States asserts on “North Korea sent troops to Russia” (2024-11-04)",
    ]


def test_private_feeds_open_with_the_readers_token_only(reviewer, history, settings):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = False
    reader = Client()
    assert reader.get(CLAIM_FEED).status_code == 403
    assert reader.get(CLAIM_FEED + "?token=guessed").status_code == 403
    token = feed_token_for(user=reviewer).token

    feed = parse(reader.get(f"{CLAIM_FEED}?token={token}"))

    assert len(feed.entries) == 6
    assert any(f"token={token}" in link.href for link in feed.feed.links)  # rel="self"
    feed_token_reset(user=reviewer)
    assert reader.get(f"{CLAIM_FEED}?token={token}").status_code == 403


def test_public_claim_pages_make_public_feeds(history, settings):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    assert len(parse(Client().get(CLAIM_FEED)).entries) == 6


def test_the_claim_page_links_its_feed_with_the_token(client, reviewer, history, settings):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = False
    client.force_login(reviewer)
    client.get("/alerts/")  # the Alerts page makes the reader's token
    page = client.get("/claims/nk-troops/").content.decode()
    token = feed_token_for(user=reviewer).token
    assert f'href="{CLAIM_FEED}?token={token}"' in page
    assert f'href="/alerts/?claim={history.claim.pk}"' in page


def test_an_empty_claim_is_a_valid_feed(client, reviewer, world):
    client.force_login(reviewer)
    assert parse(client.get(CLAIM_FEED)).entries == []
