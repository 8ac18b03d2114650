"""The "why" of a match: for an article and a claim, the sentences that matched with their
words, speaker, alias and cue, and for sentences on the claim's topic that gave nothing, what
was missing. It is the suggester's own reading, so it agrees with what the task files."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim, Stance
from claims.suggest import article_suggest
from claims.suggest.explain import article_explain
from sources.models import Article

pytestmark = pytest.mark.django_db

ARMS = "north-korea-arms-to-russia"
TEXT = (
    "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to "
    "Russia. Maria Zakharova said the ammunition reports were lies. "
    "North Korea supplied more ammunition to Russia through the winter. "
    "Pyongyang has denied it."
)


def article(text: str = TEXT, published_on: dt.date = dt.date(2024, 9, 13)) -> Article:
    return Article.objects.create(
        title="Arms", text=text, published_on=published_on, origin=Article.Origin.PASTE
    )


def why_of(found, slug: str):
    (why,) = [w for w in found if w.claim.slug == slug]
    return why


def test_a_matched_sentence_says_on_which_words_with_which_speaker_alias_and_cue(demo):
    why = why_of(article_explain(article=article()), ARMS)
    assert why.matches and why.problems == []
    first = why.sentences[0]
    assert first.suggested
    assert first.words == ["ammunition", "supplies"]
    assert first.names_actors
    (statement,) = first.statements
    assert (statement.source, statement.position, statement.cue) == ("Russia", "denies", "denied")
    assert statement.alias == "Dmitry Peskov (Kremlin spokesman)"
    assert statement.found_by == "by the role words that present them"
    assert statement.proposed.startswith("Dmitry Peskov \u2014 official, speaks for Russia")


def test_sentences_on_the_topic_without_a_suggestion_say_what_was_missing(demo):
    why = why_of(article_explain(article=article()), ARMS)
    missing = {s.text: s.missing for s in why.not_suggested}
    assert missing["Maria Zakharova said the ammunition reports were lies."] == [
        "no known actor: \u2018said\u2019 has no registered source as its speaker "
        "(not registered: Maria Zakharova)"
    ]
    assert missing["North Korea supplied more ammunition to Russia through the winter."] == [
        "no attribution cue: nobody is said to say, deny or confirm anything in it"
    ]


def test_the_why_agrees_with_what_the_task_files(demo):
    stored = article()
    article_suggest(article_id=stored.pk)
    why = why_of(article_explain(article=stored), ARMS)
    filed = Stance.objects.filter(article=stored, claim__slug=ARMS)
    assert sorted((s.quote_start, s.source.name) for s in filed) == sorted(
        (sentence.start, statement.source)
        for sentence in why.suggested
        for statement in sentence.statements
    )
    assert {statement.stance_status for s in why.suggested for statement in s.statements} == {
        "suggested"
    }
    assert not Stance.objects.filter(article=stored).exclude(pk__in=filed).exists()


def test_an_article_outside_the_claims_period_says_so_and_what_it_would_have_suggested(demo):
    claim = Claim.objects.get(slug=ARMS)
    claim.valid_from = dt.date(2025, 1, 1)
    claim.save()
    stored = article()
    assert all(w.claim.slug != ARMS for w in article_explain(article=stored))
    found = article_explain(article=stored, claims=[claim])
    why = why_of(found, ARMS)
    assert not why.matches
    assert why.problems == [
        "outside the claim's period: the article is dated 13 Sep 2024, the claim is valid "
        "from 1 Jan 2025"
    ]
    first = why.sentences[0]
    assert not first.suggested
    assert [s.source for s in first.statements] == ["Russia"]
    assert first.missing == why.problems
    article_suggest(article_id=stored.pk)
    assert not Stance.objects.filter(article=stored).exists()


def test_an_article_that_does_not_match_the_claim_as_a_whole_says_what_it_lacks(demo):
    claim = Claim.objects.create(
        slug="kursk-incursion",
        text="Ukraine holds territory in Russia's Kursk region",
        search_terms=["Kursk"],
    )
    stored = article(
        "Fighting continued in the Kursk region, where troops held several villages, "
        "a military blogger said."
    )
    (why,) = article_explain(article=stored, claims=[claim])
    assert why.problems == [
        "the article as a whole does not match the claim: it must name both Ukraine and "
        "Russia (or their aliases), and one of its search terms or words"
    ]
    (sentence,) = why.sentences
    assert sentence.words[0] == "Kursk"
    assert not sentence.suggested
