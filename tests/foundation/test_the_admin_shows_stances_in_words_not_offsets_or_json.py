"""The admin's claim and stance pages: no raw offsets, the machine's evidence in words, one History.

Editors saw the quote's start and end offsets, the suggester's evidence as
JSON, and three look-alike buttons (Stance events, Events, History).
"""

import datetime as dt
import re

import pytest
from django.urls import reverse

from claims.models import Stance
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory
from tests.foundation.admin_forms import claim_form, stance_form

pytestmark = pytest.mark.django_db

QUOTE = "Pyongyang has denied it."
# The quote occurs twice: the stance is anchored at the second occurrence.
TEXT = f"First report. {QUOTE} More words here. Later, the ministry said: {QUOTE} The end."
EVIDENCE = {
    "cue": "may have",
    "alias": "he",
    "alias_method": "pronoun",
    "sentence": "He said Pyongyang may have sent shells.",
    "notes": ["hedge marker: may", "negated"],
    "back_reference": True,
}


@pytest.fixture
def second() -> Stance:
    """A suggested stance anchored at the second of two occurrences of its quote."""
    article = ArticleFactory(text=TEXT)
    start = TEXT.rindex(QUOTE)
    return Stance.objects.create(
        claim=ClaimFactory(),
        source=SourceFactory(name="North Korea"),
        article=article,
        position="denies",
        stated_on=dt.date(2024, 9, 13),
        quote_exact=QUOTE,
        quote_start=start,
        quote_end=start + len(QUOTE),
        quote_prefix=TEXT[start - 32 : start],
        quote_suffix=TEXT[start + len(QUOTE) :][:32],
        status="suggested",
        confidence=0.6,
        evidence=EVIDENCE,
    )


def test_the_claim_page_rows_have_no_offsets(client, editor, second):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_change", args=[second.claim_id])).content
    page = page.decode()
    assert 'name="stances-0-quote_exact"' in page
    for hidden in ("quote_start", "quote_end", "quote_prefix", "quote_suffix"):
        assert f"stances-0-{hidden}" not in page, hidden


def test_a_stance_page_shows_the_quote_in_its_passage_not_offsets(client, editor, second):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_stance_change", args=[second.pk])).content.decode()
    for hidden in ("quote_start", "quote_end", "quote_suffix"):
        assert f'name="{hidden}"' not in page, hidden
    assert f"the ministry said: <mark>{QUOTE}</mark>" in page
    assert f'href="/articles/{second.article_id}/#stance-{second.pk}"' in page


def test_the_machines_evidence_reads_as_words_as_in_the_queue(client, editor, second):
    client.force_login(editor)
    page = client.get(reverse("admin:claims_stance_change", args=[second.pk])).content.decode()
    evidence = page.split('<dl class="machine">')[1].split("</dl>")[0]
    assert "<dt>cue</dt><dd>“may have”</dd>" in evidence
    assert "<dt>speaker</dt><dd>“he”, found by pronoun</dd>" in evidence
    assert "<li>hedge marker: may</li><li>negated</li>" in evidence
    assert "found through a back-reference" in evidence
    assert '{"cue"' not in page and "&quot;cue&quot;" not in page


def test_a_change_page_has_one_history_button(client, editor, second):
    client.force_login(editor)
    for url in (
        reverse("admin:claims_claim_change", args=[second.claim_id]),
        reverse("admin:claims_stance_change", args=[second.pk]),
    ):
        page = client.get(url).content.decode()
        tools = page.split('<ul class="object-tools">')[1].split("</ul>")[0]
        links = re.findall(r'class="([a-z-]+)">([^<]+)</a>', tools)
        assert ("historylink", "History") in links
        assert {kind for kind, _ in links} <= {"historylink", "viewsitelink"}, links


def test_saving_the_claim_keeps_a_quote_where_it_was_anchored(client, editor, second):
    client.force_login(editor)
    rows = claim_form(second.claim)
    rows["stances-0-position"] = "hedges"  # the row is edited, not only sent back
    response = client.post(reverse("admin:claims_claim_change", args=[second.claim_id]), rows)
    assert response.status_code == 302, response.context and response.context["errors"]
    second.refresh_from_db()
    assert second.position == "hedges"
    assert second.quote_start == TEXT.rindex(QUOTE)


def test_the_text_before_the_quote_picks_which_occurrence(client, editor):
    stance = StanceFactory(article=ArticleFactory(text=TEXT), quote_exact=QUOTE, quote_start=14)
    stance.quote_end = 14 + len(QUOTE)
    stance.save()
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_stance_change", args=[stance.pk]),
        stance_form(stance, quote_prefix="Later, the ministry said:"),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    stance.refresh_from_db()
    assert stance.quote_start == TEXT.rindex(QUOTE)
    assert stance.quote_prefix.endswith("Later, the ministry said: ")
    # Saved again as it stands, it stays there (its stored prefix ends with a space).
    response = client.post(
        reverse("admin:claims_stance_change", args=[stance.pk]), stance_form(stance)
    )
    assert response.status_code == 302
    stance.refresh_from_db()
    assert stance.quote_start == TEXT.rindex(QUOTE)


def test_words_the_quote_does_not_follow_are_refused(client, editor, second):
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_stance_change", args=[second.pk]),
        stance_form(second, quote_prefix="Nobody wrote this"),
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["quote_prefix"] == ["The quote does not follow these words."]


def test_markup_in_the_evidence_is_shown_as_text(client, editor, second):
    second.evidence = {"cue": "<script>alert(1)</script>", "notes": ["<b>bold</b>"]}
    second.save(update_fields=["evidence"])
    client.force_login(editor)
    page = client.get(reverse("admin:claims_stance_change", args=[second.pk])).content.decode()
    evidence = page.split('<dl class="machine">')[1].split("</dl>")[0]
    assert "“&lt;script&gt;alert(1)&lt;/script&gt;”" in evidence
    assert "<li>&lt;b&gt;bold&lt;/b&gt;</li>" in evidence
    assert "<script>alert" not in page
