"""Attribution on single sentences: cue and negation -> position, aliases -> speaker, words -> date."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of


def suggest(text: str, published_on: dt.date = dt.date(2025, 3, 21)) -> list[tuple]:
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    article = article_of(text, published_on=published_on)
    return sorted(
        (slugs[p.claim_id], p.source.name, p.position, p.stated_on, p.precision, p.attributed_via)
        for p in article_proposals(article)
    )


ARMS = "north-korea-arms-to-russia"
TROOPS = "north-korean-troops-in-russia"


@pytest.mark.django_db
def test_declined_to_comment_is_no_comment(world):
    found = suggest(
        "Russia's Defense Ministry declined to comment on whether North Korea had supplied "
        "artillery shells to Moscow."
    )
    assert [f[:3] for f in found] == [(ARMS, "Russia", "no_comment")]


@pytest.mark.django_db
def test_dismissed_as_rumours_is_a_denial(world):
    found = suggest("Pyongyang dismissed the reports of troop deployments to Russia as rumours.")
    assert [f[:3] for f in found] == [(TROOPS, "North Korea", "denies")]


@pytest.mark.django_db
def test_no_indications_of_completion_is_a_hedge(world):
    found = suggest(
        "U.S. officials said there were no indications that the deployment of North Korean "
        "troops to Russia had been completed."
    )
    assert [f[:3] for f in found] == [(TROOPS, "United States", "hedges")]


@pytest.mark.django_db
def test_a_pronoun_goes_back_to_the_last_named_speaker(world):
    found = suggest(
        "John Kirby said the United States had information that North Korea had completed an "
        "arms delivery to Russia. He said North Korea had sent the rockets and shells to Russia."
    )
    assert {(f[0], f[1], f[2]) for f in found if f[0] == ARMS} == {(ARMS, "John Kirby", "asserts")}


@pytest.mark.django_db
def test_a_statement_reported_by_kcna_is_north_koreas_via_kcna(world):
    found = suggest(
        "Seoul and Washington say North Korea has shipped artillery shells to Russia. "
        "North Korea's foreign ministry rejected the accusations as a smear campaign, KCNA said."
    )
    denial = [f for f in found if f[2] == "denies"]
    assert denial == [(ARMS, "North Korea", "denies", dt.date(2025, 3, 21), "day", "KCNA said")]


@pytest.mark.django_db
def test_the_date_comes_from_the_words_relative_to_the_article_date(world):
    found = suggest(
        "In late February, South Korea's spy agency said North Korea appeared to have sent more "
        "troops to Russia. On Wednesday, the White House accused Pyongyang of shipping "
        "ammunition and rockets to Russia."
    )
    assert (
        TROOPS,
        "South Korean intelligence",
        "hedges",
        dt.date(2025, 2, 1),
        "month",
        "",
    ) in found
    assert (ARMS, "United States", "asserts", dt.date(2025, 3, 19), "day", "") in found


@pytest.mark.django_db
def test_a_name_no_alias_spells_is_found_by_trigram_similarity(world):
    found = suggest("North Korea has sent troops to Russia, according to South Korean officials.")
    assert [f[:3] for f in found] == [(TROOPS, "South Korea", "asserts")]
    # "South Korean" is how news names South Korea (the gazetteer); a phrase no alias and
    # no gazetteer spells goes to the closest alias by trigram similarity.
    article = article_of("Pyongyang has sent troops to Russia, South Korea's spy company said.")
    (proposal,) = article_proposals(article)
    assert proposal.evidence["alias_method"] == "trigram"
    assert proposal.evidence["alias"] == "South Korea's spy agency"


@pytest.mark.django_db
def test_a_sentence_without_attribution_gets_nothing(world):
    assert suggest("North Korea staged a military parade, showing off missiles for Russia.") == []
