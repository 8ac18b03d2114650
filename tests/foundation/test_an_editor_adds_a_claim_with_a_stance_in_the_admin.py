"""An editor registers a claim and its first stance in one admin form, pasting only the quote."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Claim, Stance
from tests.factories import ArticleFactory, SourceFactory
from tests.foundation.admin_forms import claim_form

pytestmark = pytest.mark.django_db

QUOTE = "Pyongyang has denied it."


@pytest.fixture
def article():
    return ArticleFactory()


def new_stance(article, source, quote: str = QUOTE, **fields) -> dict:
    return {
        "source": source.pk,
        "position": "denies",
        "stated_on": "2023-07-26",
        "stated_on_precision": "day",
        "article": article.pk,
        "quote_exact": quote,
        "quote_start": "",
        "quote_end": "",
        "attributed_via": "",
        "status": "confirmed",
        **fields,
    }


def add_claim(client, stance: dict):
    return client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            text="North Korea supplies weapons to Russia",
            slug="north-korea-arms-to-russia",
            tags="north-korea,russia",
            stances=[stance],
        ),
    )


def test_the_claim_and_its_stance_are_saved_with_the_quote_anchored(client, editor, article):
    north_korea = SourceFactory(name="North Korea")
    client.force_login(editor)
    response = add_claim(client, new_stance(article, north_korea))
    assert response.status_code == 302, response.context and response.context["errors"]
    claim = Claim.objects.get(slug="north-korea-arms-to-russia")
    assert claim.created_by == editor
    assert claim.tags == ["north-korea", "russia"]
    stance = claim.stances.get()
    start = article.text.index(QUOTE)
    assert (stance.quote_start, stance.quote_end) == (start, start + len(QUOTE))
    assert stance.quote_prefix == article.text[start - 32 : start]
    assert stance.quote_suffix == article.text[start + len(QUOTE) :][:32]
    assert (stance.source, stance.position, stance.stated_on) == (
        north_korea,
        "denies",
        dt.date(2023, 7, 26),
    )
    assert (stance.status, stance.created_by, stance.reviewed_by) == ("confirmed", editor, editor)
    assert stance.reviewed_at is not None


def test_a_quote_not_in_the_article_is_refused_on_the_quote_field(client, editor, article):
    client.force_login(editor)
    response = add_claim(client, new_stance(article, SourceFactory(), "Pyongyang admitted it."))
    assert response.status_code == 200
    [inline] = response.context["inline_admin_formsets"]
    assert inline.formset.forms[0].errors["quote_exact"] == [
        "The quote is not in the article text."
    ]
    assert b"The quote is not in the article text." in response.content
    assert not Claim.objects.exists()
    assert not Stance.objects.exists()


def test_offsets_are_not_asked_for_the_quote_is_anchored_by_its_words(client, editor, article):
    client.force_login(editor)
    form = client.get(reverse("admin:claims_claim_add")).content.decode()
    assert 'name="stances-0-quote_exact"' in form
    assert "quote_start" not in form and "quote_end" not in form
    # Offsets sent anyway (an old bookmarklet, a script) are not the form's business.
    response = add_claim(
        client, new_stance(article, SourceFactory(), quote_start="0", quote_end=str(len(QUOTE)))
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    stance = Stance.objects.get()
    assert stance.quote_start == article.text.index(QUOTE)
