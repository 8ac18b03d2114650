"""Wordings of real news the suggester reads: a participle's speaker is its clause's
subject, rejecting what another said is a denial, a role belongs to the nearest source."""

from __future__ import annotations

import pytest

from sources.models import Source, SourceAlias, SourceKind
from tests.suggest.newsroom import CLAIM, proposed, triples

pytestmark = pytest.mark.django_db


def test_a_participle_speaks_for_its_clause_subject_not_the_name_before_it(newsroom):
    text = (
        "Ukraine filed a complaint against Russia and Iran at the United Nations "
        "alleging that Sudan's army received missiles from abroad."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "asserts")}


def test_a_participle_after_a_comma_takes_its_position_from_what_follows(newsroom):
    text = "Moscow issued a statement on Monday, denying that Sudan's army received missiles."

    assert triples(text) == {(CLAIM, "Russia", "denies")}


def test_rejecting_what_another_said_is_a_denial(newsroom):
    assert triples(
        "Tehran decried Washington's claims that Sudan's army received Iranian missiles."
    ) == {(CLAIM, "Iran", "denies"), (CLAIM, "United States", "asserts")}
    assert triples(
        "Moscow called on Kyiv to drop its allegations that Sudan's army received missiles."
    ) >= {(CLAIM, "Russia", "denies")}


def test_condemning_an_event_is_no_denial(newsroom):
    found = triples("Kyiv condemned the delivery of missiles to Sudan's army, officials said.")

    assert (CLAIM, "Ukraine", "denies") not in found


def test_a_lack_of_evidence_is_a_denial(newsroom):
    text = "Moscow said there was a lack of credible evidence that Sudan's army received missiles."

    assert triples(text) == {(CLAIM, "Russia", "denies")}


def test_a_role_belongs_to_the_nearest_source_before_it(newsroom):
    text = (
        "Washington pressed Iran's Foreign Minister Hassan Tabari on the shipments. "
        "Tabari said Sudan's army had received no missiles from Iran."
    )

    assert triples(text) == {(CLAIM, "Iran", "denies")}


def test_a_states_army_speaks_for_it_as_its_ministry_does(newsroom):
    text = "Ukraine's army said Sudan's army had received no missiles from Ukraine."

    assert proposed(text)[0][1:3] == ("Ukraine", "denies")
    assert proposed(text)[0][5] == "alias"


def test_the_subjects_own_claims_are_its_assertions_whatever_the_reporter_calls_them(newsroom):
    assert triples(
        "Moscow is still sticking to its unproven claims that Sudan's army received "
        "missiles from Kyiv."
    ) == {(CLAIM, "Russia", "asserts")}
    assert triples(
        "Tehran continues to push baseless claims about missiles Sudan's army received."
    ) == {(CLAIM, "Iran", "asserts")}


def test_a_person_named_then_given_a_role_at_a_source_speaks_for_it(newsroom):
    text = (
        "“Sudan's army has received no missiles from us,” said Oleh Petrenko, deputy head "
        "of the Border Service at Kyiv's defence ministry."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "denies")}


def test_a_first_name_is_not_a_place(newsroom):
    georgia = Source.objects.create(name="Georgia", slug="georgia", kind=SourceKind.GOVERNMENT)
    SourceAlias.objects.create(source=georgia, alias="Georgia", normalized="georgia")
    text = "“Sudan's army received no missiles,” the clerk, George Christenson, said."

    assert all(actor != "Georgia" for _, actor, *_ in proposed(text))


def test_appealing_a_verdict_contests_it(newsroom):
    text = (
        "“We will appeal this verdict that Sudan's army received our missiles,” "
        "an Iranian spokesman said."
    )

    assert triples(text) == {(CLAIM, "Iran", "denies")}


def test_mocked_for_claiming_is_still_claiming(newsroom):
    text = "Kyiv was mocked for claiming that Sudan's army received missiles from Moscow."

    assert triples(text) == {(CLAIM, "Ukraine", "asserts")}


def test_doubt_about_how_sure_one_can_be_is_a_hedge_not_a_denial(newsroom):
    assert triples(
        "Seoul said the evidence does not suffice to claim Sudan's army definitively "
        "received missiles."
    ) == {(CLAIM, "South Korea", "hedges")}
    assert triples("Kyiv said it was too early to say whether Sudan's army received missiles.") == {
        (CLAIM, "Ukraine", "hedges")
    }
    assert triples(
        "Washington said it was working to determine whether Sudan's army received missiles."
    ) == {(CLAIM, "United States", "hedges")}


def test_a_bulleted_participle_still_finds_its_subject(newsroom):
    text = "- Kyiv filed a complaint against Moscow alleging Sudan's army received missiles."

    assert triples(text) == {(CLAIM, "Ukraine", "asserts")}


def test_an_inquiry_that_found_nothing_denies(newsroom):
    text = "Kyiv's own inquiry has found no evidence that Sudan's army received missiles."

    assert triples(text) == {(CLAIM, "Ukraine", "denies")}


def test_the_national_security_council_speaks_for_the_united_states(newsroom):
    text = "National Security Council spokeswoman Jane Roe said Sudan's army got no missiles."

    assert triples(text) == {(CLAIM, "United States", "denies")}


def test_rejecting_an_attack_condemns_it_and_rejecting_the_claims_denies_them(newsroom):
    condemned = triples(
        "Kyiv categorically rejects this brutal attack on Sudan's army with Russian missiles, "
        "the foreign ministry said."
    )
    denied = triples("Moscow rejected the claims that Sudan's army received Russian missiles.")

    assert (CLAIM, "Ukraine", "denies") not in condemned
    assert (CLAIM, "Ukraine", "asserts") in condemned
    assert denied == {(CLAIM, "Russia", "denies")}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow emphasized its belief that Sudan's army never received Russian missiles.",
        "Moscow stressed that Sudan's army never received Russian missiles.",
        "Moscow reiterated that Sudan's army never received Russian missiles.",
        '"Sudan\'s army never received Russian missiles," Moscow posted on Telegram.',
    ],
)
def test_reporting_verbs_beyond_said_attribute_what_follows(newsroom, text):
    assert triples(text) == {(CLAIM, "Russia", "denies")}


def test_a_second_subject_after_comma_and_has_its_own_attribution(newsroom):
    text = (
        "Observers maintain there is no firm evidence that Sudan's army got missiles, "
        "and Moscow continues to deny that it sent missiles to Sudan's army."
    )

    assert triples(text) == {(CLAIM, "Russia", "denies")}


@pytest.mark.parametrize(
    "text",
    [
        # An assessment is an attribution, and its "likely" a hedge.
        "The Kremlin judges that Sudan's army likely received Russian missiles.",
        # "apparent": what the speaker holds to be so, not what it says is so.
        "Sudan's army received an apparent Russian missile shipment, Kyiv said.",
        # Evidence said to be weak, or the facts still being weighed.
        "Kyiv said the evidence was inconclusive that Sudan's army received Russian missiles.",
        "Kyiv said it would not rush to judgement on whether Sudan's army received missiles.",
        "Kyiv said it had not been able to confirm that Sudan's army received missiles.",
    ],
)
def test_assessments_and_weak_evidence_are_hedges(newsroom, text):
    positions = {position for _, _, position in triples(text)}

    assert positions == {"hedges"}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow responded that there is no definitive causal link between Russian missiles "
        "and the losses of Sudan's army.",
        "Moscow pointed out that Sudan's army never received Russian missiles.",
    ],
)
def test_denying_a_cause_and_pointing_out_are_denials(newsroom, text):
    assert triples(text) == {(CLAIM, "Russia", "denies")}


def test_no_definitive_proof_stays_a_hedge(newsroom):
    text = "Kyiv said there was no definitive proof that Sudan's army received Russian missiles."

    assert triples(text) == {(CLAIM, "Ukraine", "hedges")}


def test_a_relative_clause_speaks_for_its_antecedent(newsroom):
    text = (
        "Sanctions were discussed in the case of Kyiv, who alleged that Sudan's army "
        "received Russian missiles."
    )

    assert triples(text) == {(CLAIM, "Ukraine", "asserts")}


def test_a_relative_clause_between_subject_and_verb_is_passed_over(newsroom):
    text = (
        "Kyiv, which has ended its talks with Tehran since the war began, accused Moscow "
        "of sending missiles to Sudan's army."
    )

    assert (CLAIM, "Ukraine", "asserts") in triples(text)
    assert not {t for t in triples(text) if t[1] == "Iran"}


def test_still_finding_out_is_a_hedge_and_reviewing_a_lawsuit_is_not(newsroom):
    analysing = "Kyiv is analysing evidence on whether Sudan's army received Russian missiles."
    reviewing = (
        "Moscow said it is reviewing the lawsuit, adding that Sudan's army never received "
        "Russian missiles."
    )

    assert triples(analysing) == {(CLAIM, "Ukraine", "hedges")}
    assert (CLAIM, "Russia", "hedges") not in triples(reviewing)


def test_a_name_inside_a_clause_of_its_own_is_no_participles_subject(newsroom):
    text = (
        "The news that Moscow had brokered the deal came out at a trial in Texas where a "
        "dealer won a lawsuit against an arms broker, claiming Sudan's army received missiles."
    )

    assert proposed(text) == []
