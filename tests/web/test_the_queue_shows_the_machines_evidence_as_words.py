"""The queue shows the machine's evidence as a reviewer reads it: words and lists, no Python reprs."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.web.evidence import EvidenceRow, evidence_rows
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

EVIDENCE = {
    "cue": "may have",
    "alias": "he",
    "alias_method": "pronoun",
    "sentence": "He said Pyongyang may have sent shells.",
    "notes": ["hedge marker: may", "negated"],
    "date_words": "last week",
    "back_reference": True,
}


def test_each_kind_of_evidence_reads_as_words():
    assert evidence_rows(EVIDENCE) == [
        EvidenceRow("cue", "may have", quoted=True),
        EvidenceRow("speaker", "“he”, found by pronoun"),
        EvidenceRow("dated by", "last week", quoted=True),
        EvidenceRow("claim", "found through a back-reference"),
        EvidenceRow("notes", items=("hedge marker: may", "negated")),
    ]


def test_speakers_named_misspelt_or_quoted_say_so():
    assert evidence_rows({"alias": "Kirby", "alias_method": "alias"}) == [
        EvidenceRow("speaker", "Kirby", quoted=True)
    ]
    assert evidence_rows({"alias": "Kim Jong-un", "alias_method": "trigram"}) == [
        EvidenceRow("speaker", "“Kim Jong-un”, found by a close spelling")
    ]
    assert evidence_rows({"alias": "(quotation)", "alias_method": "quotation"}) == [
        EvidenceRow("speaker", "speaker of the running quotation")
    ]


def test_unknown_keys_are_shown_plainly_and_empty_ones_left_out():
    rows = evidence_rows(
        {"model_score": 0.82, "flags": [True, "odd"], "extra_info": {"a": 1}, "empty": []}
    )
    assert rows == [
        EvidenceRow("extra info", items=("a: 1",)),
        EvidenceRow("flags", items=("yes", "odd")),
        EvidenceRow("model score", "0.82"),
    ]
    assert evidence_rows({"back_reference": False, "notes": []}) == []


def test_the_queue_renders_notes_as_a_list_and_the_back_reference_in_words(client_for, reviewer):
    text = "He said Pyongyang may have sent shells. Nothing else."
    article = ArticleFactory(text=text)
    exact = "He said Pyongyang may have sent shells."
    stance = Stance.objects.create(
        claim=ClaimFactory(),
        source=SourceFactory(name="Kim Jong Un"),
        article=article,
        position="hedges",
        stated_on=dt.date(2024, 9, 14),
        quote_exact=exact,
        quote_start=0,
        quote_end=len(exact),
        evidence=EVIDENCE,
    )
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    machine = page.split(f'id="review-{stance.pk}"')[1].split('<dl class="machine">')[1]
    machine = machine.split("</dl>")[0]
    assert '<ul class="evidence-notes"><li>hedge marker: may</li><li>negated</li></ul>' in machine
    assert "<dt>speaker</dt><dd>“he”, found by pronoun</dd>" in machine
    assert "<dt>claim</dt><dd>found through a back-reference</dd>" in machine
    assert "[&#x27;" not in machine and "True" not in machine
