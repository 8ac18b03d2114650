"""A reviewer files a stance from a passage selected in the article; the server re-checks the quote."""

import pytest
from django.urls import reverse

from claims.models import Stance
from sources.models import Article

pytestmark = pytest.mark.django_db

SENTENCE = "Moscow and Pyongyang have denied arms transfers but have vowed to boost military ties."


def japan_news() -> Article:
    return Article.objects.get(outlet__name="The Japan News")


def form(article: Article, arms_claim, **overrides) -> dict:
    start = article.text.index(SENTENCE)
    data = {
        "claim": arms_claim.pk,
        "source": "the Kremlin",
        "position": "denies",
        "stated_on": "2024-09-13",
        "stated_on_precision": "month",
        "attributed_via": "",
        "quote_exact": SENTENCE,
        "quote_prefix": article.text[max(0, start - 32) : start],
        "quote_suffix": article.text[start + len(SENTENCE) : start + len(SENTENCE) + 32],
        "quote_start": start,
        "quote_end": start + len(SENTENCE),
    }
    data.update(overrides)
    return data


def test_a_selected_sentence_becomes_a_suggested_stance_anchored_in_the_text(
    client_for, reviewer, arms_claim
):
    article = japan_news()
    response = client_for(reviewer).post(
        reverse("article-stance-create", args=[article.pk]), form(article, arms_claim)
    )
    stance = Stance.objects.get(article=article, quote_exact=SENTENCE)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#stance-{stance.pk}")
    assert (stance.source.name, stance.position, stance.status) == ("Russia", "denies", "suggested")
    assert article.text[stance.quote_start : stance.quote_end] == SENTENCE
    assert stance.created_by == reviewer
    page = client_for(reviewer).get(response["Location"]).content.decode()
    assert f'<mark id="stance-{stance.pk}"' in page


def test_a_quote_that_is_not_in_the_article_is_refused_with_a_clear_error(
    client_for, reviewer, arms_claim
):
    article = japan_news()
    before = Stance.objects.count()
    response = client_for(reviewer).post(
        reverse("article-stance-create", args=[article.pk]),
        form(article, arms_claim, quote_exact="Moscow admitted the arms transfers."),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "This quote is not in the article’s stored text" in text
    # Nothing the reviewer typed is lost.
    assert "Moscow admitted the arms transfers." in text
    assert Stance.objects.count() == before


def test_offsets_that_miss_are_corrected_from_the_quote_and_its_prefix(
    client_for, reviewer, arms_claim
):
    article = japan_news()
    client_for(reviewer).post(
        reverse("article-stance-create", args=[article.pk]),
        form(article, arms_claim, quote_start=3, quote_end=3 + len(SENTENCE)),
    )
    stance = Stance.objects.get(article=article, quote_exact=SENTENCE)
    assert stance.quote_start == article.text.index(SENTENCE)


def test_a_pasted_quote_without_offsets_is_found_in_the_text(client_for, editor, arms_claim):
    article = japan_news()
    client_for(editor).post(
        reverse("article-stance-create", args=[article.pk]),
        form(article, arms_claim, quote_start="", quote_end="", quote_prefix=""),
    )
    assert Stance.objects.filter(article=article, quote_exact=SENTENCE).exists()


def test_the_same_evidence_twice_is_refused_clearly(client_for, reviewer, arms_claim):
    article = japan_news()
    client = client_for(reviewer)
    url = reverse("article-stance-create", args=[article.pk])
    assert client.post(url, form(article, arms_claim)).status_code == 302
    again = client.post(url, form(article, arms_claim))
    assert again.status_code == 400
    assert "already recorded for this claim and source" in again.content.decode()


def test_an_unknown_source_is_refused_with_suggestions(client_for, reviewer, arms_claim):
    article = japan_news()
    response = client_for(reviewer).post(
        reverse("article-stance-create", args=[article.pk]),
        form(article, arms_claim, source="Kremlim"),
    )
    assert response.status_code == 400
    assert "Did you mean Russia" in response.content.decode()
