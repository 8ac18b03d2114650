"""A quote typed with straight quotes, plain hyphens or single spaces finds its place in the
article, and what is stored is the article's own characters there; a changed word still fails."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims.models import Stance
from claims.services import stance_create
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "SEOUL (AP) \u2014 North Korea\u2019s foreign ministry called the report "
    "\u201ca groundless smear\u201d \u2014 and said the\nshipments \u201cnever happened.\u201d\n\n"
    "Officials in Seoul said the 2023\u20132024 figures were unchanged."
)
VERBATIM = (
    "North Korea\u2019s foreign ministry called the report \u201ca groundless smear\u201d "
    "\u2014 and said the\nshipments \u201cnever happened.\u201d"
)
TYPED = (
    'North Korea\'s foreign ministry called the report "a groundless smear" '
    '-- and said the shipments "never happened."'
)


@pytest.fixture
def article():
    return ArticleFactory(text=TEXT)


def create(article, quote: str) -> Stance:
    return stance_create(
        claim=ClaimFactory(),
        source=SourceFactory(name="North Korea"),
        article=article,
        position="denies",
        stated_on=dt.date(2024, 3, 1),
        quote_exact=quote,
    )


def test_straight_quotes_plain_hyphens_and_single_spaces_find_the_quote(article):
    stance = create(article, TYPED)

    assert stance.quote_exact == VERBATIM
    assert (stance.quote_start, stance.quote_end) == (
        TEXT.index(VERBATIM),
        TEXT.index(VERBATIM) + len(VERBATIM),
    )
    assert stance.quote_prefix == "SEOUL (AP) \u2014 "
    stance.refresh_from_db()
    assert stance.quote_exact == TEXT[stance.quote_start : stance.quote_end]


def test_a_hyphen_stands_for_an_en_dash_and_one_space_for_a_paragraph_break(article):
    stance = create(article, 'happened."  Officials in Seoul said the 2023-2024 figures')

    assert stance.quote_exact == (
        "happened.\u201d\n\nOfficials in Seoul said the 2023\u20132024 figures"
    )


@pytest.mark.parametrize(
    "quote",
    [
        TYPED.replace("groundless", "baseless"),  # a changed word
        TYPED.replace("North Korea's", "North Koreas"),  # a dropped apostrophe
        TYPED.replace("said the shipments", "said theshipments"),  # a space taken out
        "the 2023 2024 figures",  # a space for a dash
    ],
)
def test_anything_but_typography_still_fails(article, quote):
    with pytest.raises(ValidationError) as caught:
        create(article, quote)

    assert caught.value.message_dict == {"quote_exact": ["The quote is not in the article text."]}
    assert not Stance.objects.exists()


def admin_add_form(article, quote: str) -> dict:
    return {
        "claim": ClaimFactory().pk,
        "source": SourceFactory(name="North Korea").pk,
        "position": "denies",
        "stated_on": "2024-03-01",
        "stated_on_precision": "day",
        "article": article.pk,
        "quote_exact": quote,
        "quote_start": "",
        "quote_end": "",
        "quote_prefix": "",
        "quote_suffix": "",
        "attributed_via": "",
        "attributed_via_source": "",
        "status": "suggested",
        "confidence": "",
        "note": "",
        "loaded_version": "",
    }


def test_the_admin_stores_the_article_characters_for_a_typed_quote(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("admin:claims_stance_add"), admin_add_form(article, TYPED))

    assert response.status_code == 302, response.context and response.context["errors"]
    stance = Stance.objects.get()
    assert stance.quote_exact == VERBATIM


def test_the_admin_still_refuses_a_changed_word(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_stance_add"),
        admin_add_form(article, TYPED.replace("groundless", "baseless")),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["quote_exact"] == [
        "The quote is not in the article text."
    ]
    assert not Stance.objects.exists()


def test_the_admin_accepts_start_and_end_given_for_a_typed_quote(client, editor, article):
    start = TEXT.index(VERBATIM)
    data = admin_add_form(article, TYPED)
    data.update(quote_start=start, quote_end=start + len(VERBATIM))
    client.force_login(editor)
    response = client.post(reverse("admin:claims_stance_add"), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert Stance.objects.get().quote_exact == VERBATIM


def web_form(claim, quote: str) -> dict:
    return {
        "claim": claim.pk,
        "source": "North Korea",
        "position": "denies",
        "stated_on": "2024-03-01",
        "stated_on_precision": "day",
        "attributed_via": "",
        "quote_exact": quote,
    }


def test_the_web_form_stores_the_article_characters_for_a_pasted_quote(client, reviewer, article):
    claim = ClaimFactory()
    SourceFactory(name="North Korea")
    client.force_login(reviewer)
    response = client.post(
        reverse("article-stance-create", args=[article.pk]), web_form(claim, TYPED)
    )

    assert response.status_code == 302
    assert Stance.objects.get().quote_exact == VERBATIM


def test_the_web_form_still_refuses_a_changed_word(client, reviewer, article):
    claim = ClaimFactory()
    SourceFactory(name="North Korea")
    client.force_login(reviewer)
    response = client.post(
        reverse("article-stance-create", args=[article.pk]),
        web_form(claim, TYPED.replace("groundless", "baseless")),
    )

    assert response.status_code == 400
    assert "This quote is not in the article\u2019s stored text." in response.content.decode()
    assert not Stance.objects.exists()
