"""Of two claims on one event that name different doers, a speaker who accuses one doer by
name of the deed ("accusing Ukraine of repeated breaches") bears on that doer's claim, though
the sentence shares only one word with the claim's text: an accusation names the deed in a
word of its own. What the same sentence says back about the story's claim before it ("dismissed
the allegations") still counts."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from tests.suggest.newsroom import triples

pytestmark = pytest.mark.django_db

BY_RUSSIA = "russia-breached-the-truce"
BY_UKRAINE = "ukraine-breached-the-truce"


@pytest.fixture
def two_claims(newsroom) -> None:
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug=BY_RUSSIA,
        text="Russia breached the truce with Ukraine along the front line",
        search_terms=["truce", "front line"],
        status=ClaimStatus.ACTIVE,
    )
    Claim.objects.create(
        slug=BY_UKRAINE,
        text="Ukraine breached the truce with Russia along the front line",
        search_terms=["truce", "front line"],
        status=ClaimStatus.ACTIVE,
    )


def test_accusing_a_doer_of_the_deed_bears_on_its_claim(two_claims):
    found = triples(
        "Kyiv said Russian forces breached the truce along the front line on Sunday. "
        "Moscow dismissed the allegations by accusing Ukraine of repeated breaches."
    )

    assert (BY_RUSSIA, "Ukraine", "asserts") in found
    assert (BY_RUSSIA, "Russia", "denies") in found
    assert (BY_UKRAINE, "Russia", "asserts") in found


def test_an_accusation_on_its_own_bears_on_the_doer_s_claim(two_claims):
    found = triples("Moscow accused Ukraine of repeated breaches near the border.")

    assert found == {(BY_UKRAINE, "Russia", "asserts")}


def test_a_word_of_the_deed_without_an_accusation_is_too_little(two_claims):
    found = triples("Moscow said Ukraine had counted repeated breaches near the border.")

    assert found == set()
