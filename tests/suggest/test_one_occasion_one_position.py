"""What one source says on one occasion makes one position, as a reader takes it: a hedging
source's other words are the detail of its hedge, a denying source's doubts the grounds of its
denial, and a doer doubting the evidence of its own deed denies it. An attribution closing
before an "as" clause does not reach into it, and a modal in a relative clause after a negated
main clause is part of the denial."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from tests.suggest.newsroom import CLAIM, triples

pytestmark = pytest.mark.django_db


def test_a_hedging_source_s_other_words_are_the_detail_of_its_hedge(newsroom):
    found = triples(
        "Seoul said Sudan's army most likely received missiles from abroad. "
        "Several missiles of that weight were delivered to Sudan's army, Seoul said."
    )

    assert found == {(CLAIM, "South Korea", "hedges")}


def test_a_denying_source_s_doubts_are_the_grounds_of_its_denial(newsroom):
    found = triples(
        "Moscow rejected the claims that Sudan's army received missiles. "
        "There is no conclusive evidence that Sudan's army received missiles, Moscow said."
    )

    assert found == {(CLAIM, "Russia", "denies")}


def test_a_doer_doubting_the_evidence_of_its_own_deed_denies_it(newsroom):
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug="iran-armed-sudan",
        text="Iran sold missiles to Sudan's army",
        search_terms=["missiles", "Sudan"],
        status=ClaimStatus.ACTIVE,
    )

    assert triples(
        "Tehran said larger studies found no conclusive link between its exports and the "
        "missiles of Sudan's army."
    ) == {("iran-armed-sudan", "Iran", "denies")}
    assert triples(
        "Kyiv said there is no conclusive evidence that Iran sold missiles to Sudan."
    ) == {("iran-armed-sudan", "Ukraine", "hedges")}


def test_an_attribution_does_not_reach_into_an_as_clause(newsroom):
    found = triples(
        "Sudan's army did not receive missiles from abroad, Moscow said on Wednesday, as "
        "Washington said Sudan's army appeared to hold new missiles."
    )

    assert (CLAIM, "Russia", "denies") in found
    assert (CLAIM, "Russia", "hedges") not in found
    assert (CLAIM, "United States", "hedges") in found


def test_a_modal_under_a_negated_main_clause_is_part_of_the_denial(newsroom):
    assert triples(
        "Moscow said inspectors found no missiles that could have reached Sudan's army."
    ) == {(CLAIM, "Russia", "denies")}
