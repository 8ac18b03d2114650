"""Of rival accounts of one event (a government did it / it was staged), a sentence in the
words of one account alone is on that account only: denying "the sarin attack on the village"
says nothing of whether the attack was staged, though both accounts share the village and
the attack."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from tests.suggest.newsroom import triples

pytestmark = pytest.mark.django_db

GASSED = "regime-gassed-the-village"
STAGED = "village-attack-staged"


@pytest.fixture
def rival_accounts(newsroom) -> None:
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug=GASSED,
        text="The Sudanese army carried out the sarin attack on Tawila village",
        search_terms=["Tawila", "sarin", "chemical attack"],
        status=ClaimStatus.ACTIVE,
    )
    Claim.objects.create(
        slug=STAGED,
        text="The Tawila chemical attack was staged",
        search_terms=["Tawila", "staged", "fabricated"],
        status=ClaimStatus.ACTIVE,
    )


def test_a_denial_in_one_accounts_words_takes_no_side_on_the_other(rival_accounts):
    found = triples("Moscow denied the allegations of a sarin attack in Tawila.")

    assert (GASSED, "Russia", "denies") in found
    assert not {f for f in found if f[0] == STAGED}


def test_a_sentence_in_both_accounts_words_bears_on_both(rival_accounts):
    found = triples("Moscow denied the sarin attack in Tawila and said it was staged.")

    assert {claim for claim, *_ in found} == {GASSED, STAGED}


def test_calling_the_event_fake_asserts_that_it_was_staged(rival_accounts):
    found = triples("Moscow said the chemical attack in Tawila was staged, a fabrication.")

    assert (STAGED, "Russia", "asserts") in found
    assert (STAGED, "Russia", "denies") not in found


def test_denying_that_it_was_staged_still_denies(rival_accounts):
    found = triples("Moscow denied that the Tawila chemical attack was fabricated.")

    assert (STAGED, "Russia", "denies") in found
