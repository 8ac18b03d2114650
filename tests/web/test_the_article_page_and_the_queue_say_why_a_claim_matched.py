"""The article page shows, on request, why the suggester matched each claim or not; the queue
says on which words each suggestion matched and links to the why of its article."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.suggest import article_suggest
from sources.models import Article

pytestmark = pytest.mark.django_db

ARMS = "north-korea-arms-to-russia"
TEXT = (
    "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to "
    "Russia. Maria Zakharova said the ammunition reports were lies."
)


@pytest.fixture
def story(demo) -> Article:
    stored = Article.objects.create(
        title="Arms", text=TEXT, published_on=dt.date(2024, 9, 13), origin=Article.Origin.PASTE
    )
    article_suggest(article_id=stored.pk)
    return stored


def test_the_why_is_computed_only_when_asked(client_for, reviewer, story):
    page = client_for(reviewer).get(reverse("article-detail", args=[story.pk])).content.decode()
    assert 'id="why"' in page
    assert "why-sentence" not in page


def test_the_article_page_shows_a_matched_and_an_unmatched_sentence(client_for, reviewer, story):
    url = reverse("article-detail", args=[story.pk]) + "?why=matched"
    page = client_for(reviewer).get(url).content.decode()
    assert "1 sentence suggested; 1 on its topic without a suggestion." in page
    assert 'Suggested</strong> · on <span class="why-words">ammunition, supplies</span>' in page
    assert (
        "speaker “Dmitry Peskov (Kremlin spokesman)”, found by the role words that present them; cue “denied”"
        in page
    )
    assert "Proposed source: Dmitry Peskov \u2014 official, speaks for Russia" in page
    assert (
        "No known actor: ‘said’ has no registered source as its speaker (not registered: "
        "Maria Zakharova)." in page
    )


def test_the_why_of_one_claim_the_article_does_not_match(client_for, reviewer, story):
    other = Claim.objects.get(slug="russian-aid-to-north-korea")
    url = reverse("article-detail", args=[story.pk]) + f"?why={other.pk}"
    page = client_for(reviewer).get(url).content.decode()
    assert f'id="why-claim-{other.pk}"' in page
    assert f'<option value="{other.pk}" selected>' in page


def test_readers_who_do_not_review_get_no_why(client_for, api_consumer, story):
    url = reverse("article-detail", args=[story.pk]) + "?why=matched"
    page = client_for(api_consumer).get(url).content.decode()
    assert 'id="why"' not in page
    assert "Maria Zakharova said" in page  # the article itself is there


def test_the_queue_says_on_which_words_and_links_to_the_why(client_for, reviewer, story):
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    claim = Claim.objects.get(slug=ARMS)
    assert "<dt>Matched on</dt><dd>ammunition, supplies" in page
    assert (
        f'href="/articles/{story.pk}/?why={claim.pk}#why-claim-{claim.pk}" class="why-link"' in page
    )
