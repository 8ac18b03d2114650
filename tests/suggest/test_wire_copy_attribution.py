"""How wire copy attributes: passive voice, "citing", pronouns, no-comment lines, follow-up sentences."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.suggest import article_proposals
from tests.suggest.conftest import article_of

ARMS = "north-korea-arms-to-russia"
TROOPS = "north-korean-troops-in-russia"
AID = "russian-aid-to-north-korea"


def proposals(text: str) -> list:
    return article_proposals(article_of(text))


def found(text: str) -> set[tuple[str, str, str]]:
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return {(slugs[p.claim_id], p.source.name, p.position) for p in proposals(text)}


def in_sentence(text: str, sentence: str) -> set[tuple[str, str, str]]:
    """What is proposed from one sentence of a text (its quote starts there)."""
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    start = text.index(sentence)
    return {
        (slugs[p.claim_id], p.source.name, p.position)
        for p in proposals(text)
        if start <= p.start < start + len(sentence)
    }


@pytest.mark.django_db
def test_the_speaker_of_a_passive_cue_follows_by(world):
    text = "Claims that North Korea sold shells to Russia were rejected by Moscow on Friday."
    assert found(text) == {(ARMS, "Russia", "denies")}


@pytest.mark.django_db
def test_the_cited_source_speaks_through_those_who_cite_it(world):
    text = (
        "North Korea has sent more troops to Russia, South Korean lawmakers said, citing the "
        "National Intelligence Service."
    )
    (proposal,) = proposals(text)
    assert proposal.source.name == "South Korean intelligence"
    assert proposal.position == "asserts"
    assert proposal.attributed_via == "South Korean lawmakers said"


@pytest.mark.django_db
def test_it_after_a_speaker_is_that_speaker(world):
    text = (
        "Washington says North Korea has sent troops to Russia. "
        "Seoul said on Tuesday it believed North Korea had shipped shells to Russia."
    )
    assert in_sentence(text, "Seoul said") == {(ARMS, "South Korea", "asserts")}


@pytest.mark.django_db
def test_an_assertion_qualified_in_the_same_sentence_is_a_hedge(world):
    text = (
        "Seoul said North Korea had agreed to send troops to Russia, though it could not say "
        "whether any had arrived."
    )
    assert found(text) == {(TROOPS, "South Korea", "hedges")}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin did not immediately comment.",
        "The Kremlin had no immediate comment.",
        "The Kremlin did not reply to an emailed request for comment.",
    ],
)
def test_a_no_comment_line_is_about_the_claim_before_it(world, line):
    text = f"Washington says North Korea has shipped shells to Russia. {line}"
    assert in_sentence(text, line) == {(ARMS, "Russia", "no_comment")}


@pytest.mark.django_db
def test_not_owning_up_is_no_comment_and_not_knowing_is_a_hedge(world):
    text = (
        "Seoul says North Korea has sent troops to Russia. "
        "Pyongyang has never acknowledged the deployment. "
        "Washington could not confirm that the North Korean troops had reached the front."
    )
    assert in_sentence(text, "Pyongyang has never") == {(TROOPS, "North Korea", "no_comment")}
    assert in_sentence(text, "Washington could not") == {(TROOPS, "United States", "hedges")}


@pytest.mark.django_db
def test_a_role_for_a_source_is_that_source_speaking(world):
    text = (
        "A spokesperson for Russia's foreign ministry said North Korea had never supplied "
        "shells to Moscow."
    )
    assert found(text) == {(ARMS, "Russia", "denies")}


@pytest.mark.django_db
def test_a_name_like_an_alias_is_not_that_source(world):
    text = (
        "North Korea's mission to the United Nations said reports that it had sold missiles "
        "to Russia were lies."
    )
    assert found(text) == {(ARMS, "North Korea", "denies")}


@pytest.mark.django_db
def test_he_is_the_person_who_spoke_for_a_country(world):
    text = (
        "Ukraine's defense minister said on Monday that North Korean troops had joined the "
        "fighting in Russia. He said the North Korean soldiers had suffered heavy losses."
    )
    assert in_sentence(text, "He said") == {(TROOPS, "Ukraine", "asserts")}


@pytest.mark.django_db
def test_claims_as_a_noun_is_no_speaker(world):
    text = "North Korea denied sending shells to Russia, calling the U.S. claims “absurd”."
    assert found(text) == {(ARMS, "North Korea", "denies")}


@pytest.mark.django_db
def test_help_given_to_the_giver_is_not_the_giver_giving(world):
    text = "Russia could give North Korea missile technology, U.S. officials say."
    assert found(text) == {(AID, "United States", "hedges")}


@pytest.mark.django_db
def test_a_follow_up_naming_only_the_giver_needs_the_claim_just_before(world):
    alone = "North Korea fired two missiles into the sea, South Korea's military said."
    assert found(alone) == set()
    story = (
        "Washington says North Korea has shipped missiles to Russia. "
        "North Korea has also supplied rocket launchers, South Korea's military said."
    )
    assert in_sentence(story, "North Korea has also") == {(ARMS, "South Korea", "asserts")}


@pytest.mark.django_db
def test_a_body_named_after_the_possessive_speaks_for_its_country(world):
    text = "Russia's Ministry of Foreign Affairs said North Korea had never sold shells to Moscow."
    assert found(text) == {(ARMS, "Russia", "denies")}


@pytest.mark.django_db
def test_a_speaker_with_a_negated_verb_is_still_the_speaker(world):
    text = "Seoul says North Korea sent troops to Russia. South Korean President Yoon Suk Yeol did not deny the reports."
    assert in_sentence(text, "South Korean President") == {(TROOPS, "South Korea", "hedges")}


@pytest.mark.django_db
def test_a_coordinated_verb_shares_the_subject(world):
    text = (
        "Washington says North Korea has shipped shells to Russia. "
        "The Kremlin was asked about the shipments and declined to comment."
    )
    assert in_sentence(text, "The Kremlin was asked") == {(ARMS, "Russia", "no_comment")}


@pytest.mark.django_db
def test_an_attribution_followed_by_its_source_still_closes_the_clause(world):
    text = "North Korea may have sent more troops to Russia, Seoul said, according to local media."
    assert found(text) == {(TROOPS, "South Korea", "hedges")}


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["a farce", "a hoax", "unfounded", "disinformation"])
def test_words_that_dismiss_make_a_denial(world, word):
    text = f"Pyongyang said reports that it sold missiles to Russia were {word}."
    assert found(text) == {(ARMS, "North Korea", "denies")}


@pytest.mark.django_db
def test_what_is_received_in_return_bears_on_the_exchange(world):
    text = "Experts say North Korea is getting oil from Russia in return for its shells."
    assert found(text) == {(AID, "Independent analysts", "asserts")}


@pytest.mark.django_db
def test_what_any_deployment_would_be_is_a_hedge(world):
    text = "Pyongyang said any deployment of troops to Russia would be lawful."
    assert found(text) == {(TROOPS, "North Korea", "hedges")}


@pytest.mark.django_db
def test_an_acronym_of_an_alias_names_its_source(world):
    text = "The NIS said North Korea had sent more troops to Russia."
    (proposal,) = proposals(text)
    assert (proposal.source.name, proposal.evidence["alias"]) == (
        "South Korean intelligence",
        "NIS",
    )


@pytest.mark.django_db
def test_both_countries_are_the_last_two_countries_named(world):
    text = (
        "Seoul says Pyongyang has shipped artillery shells to Moscow. "
        "Both countries have denied the shipments of shells."
    )
    assert in_sentence(text, "Both countries") == {
        (ARMS, "North Korea", "denies"),
        (ARMS, "Russia", "denies"),
    }


@pytest.mark.django_db
def test_he_said_on_the_claims_topic_goes_on_with_the_claim(world):
    text = (
        "Ukraine's military intelligence chief said North Korean shells were reaching Russian "
        "units. He said many of the shells were duds."
    )
    assert in_sentence(text, "He said") == {(ARMS, "Ukraine", "asserts")}
