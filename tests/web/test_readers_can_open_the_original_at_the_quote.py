"""Next to each statement, a link opens the original page at the quote (a WICG text fragment)."""

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.web.links import at_quote_url, text_fragment

pytestmark = pytest.mark.django_db


def test_a_short_quote_is_matched_whole_between_a_few_words_of_context():
    assert text_fragment(
        exact="Pyongyang has denied it.",
        prefix="supplied ammunition to Russia. ",
        suffix=" Moscow declined to comment.",
    ) == (
        ":~:text=ammunition%20to%20Russia.-,Pyongyang%20has%20denied%20it.,-Moscow%20declined%20to"
    )


def test_the_directives_own_characters_and_non_ascii_are_percent_encoded():
    directive = text_fragment(exact="a well-known, “off & on” stance", prefix="", suffix="")
    assert directive == (":~:text=a%20well%2Dknown%2C%20%E2%80%9Coff%20%26%20on%E2%80%9D%20stance")


def test_a_long_quote_is_matched_by_its_first_and_last_words():
    exact = "one two three four five six seven eight nine ten eleven twelve"
    assert text_fragment(exact=exact) == (
        ":~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
    )


def test_context_stops_at_a_paragraph_and_a_word_cut_by_the_stored_context_is_left_out():
    # Stored contexts are 32 characters: "rnment" is the end of a cut-off word.
    prefix = "rnment spokesman told reporters "
    suffix = " on Friday and then added more t"
    assert len(prefix) == len(suffix) == 32
    assert text_fragment(exact="No.", prefix=prefix, suffix=suffix) == (
        ":~:text=spokesman%20told%20reporters-,No.,-on%20Friday%20and"
    )
    assert text_fragment(exact="No.", prefix="Headline\n\nHe said: ", suffix=" Then\nmore") == (
        ":~:text=He%20said%3A-,No.,-Then"
    )


def test_an_url_with_a_fragment_gets_the_directive_after_it():
    assert at_quote_url("https://x.example/a#part", exact="Yes.") == (
        "https://x.example/a#part:~:text=Yes."
    )
    assert at_quote_url("https://x.example/a?b=1#", exact="Yes.") == (
        "https://x.example/a?b=1#:~:text=Yes."
    )
    assert at_quote_url("javascript:alert(1)", exact="Yes.") == ""


def test_a_stored_directive_is_replaced_not_followed_by_a_second_one():
    # A URL shared at another passage: its directive points elsewhere, and two
    # ":~:" (or two "#") would make browsers ignore the fragment altogether.
    for stored, expected in [
        ("https://x.example/a#:~:text=Other", "https://x.example/a#:~:text=Yes."),
        ("https://x.example/a#part:~:text=Other", "https://x.example/a#part:~:text=Yes."),
    ]:
        link = at_quote_url(stored, exact="Yes.")
        assert link == expected
        assert link.count("#") == 1
        assert link.count(":~:") == 1


def test_a_public_claim_page_links_each_statement_to_the_original_at_the_quote(
    client, settings, arms_claim
):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    stance = Stance.objects.get(
        source__name="United States", article__outlet__name="The Japan News"
    )
    expected = at_quote_url(
        stance.article.url,
        exact=stance.quote_exact,
        prefix=stance.quote_prefix,
        suffix=stance.quote_suffix,
    )
    assert expected.startswith(stance.article.url + "#:~:text=")
    page = client.get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    row = page.split(f'<tr id="row-{stance.pk}">')[1].split("</tr>")[0]
    assert f'<a href="{stance.article.url}">' in row
    assert f'<a class="at-quote" href="{expected}"' in row
    # The mark card gets the same link.
    mark = page.split(f'data-stance="{stance.pk}"')[1].split(">")[0]
    assert f'data-at-quote="{expected}"' in mark
