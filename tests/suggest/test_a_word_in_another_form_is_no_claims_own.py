"""A claim's own topic words are those no rival claim has, in any form: a search term
"sabotage" is shared with a rival whose text says "sabotaged", so a sentence on sabotage
that names neither doer is on neither claim."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from tests.suggest.newsroom import proposed

pytestmark = pytest.mark.django_db

RUSSIA = "russia-cut-the-baltic-cable"
UKRAINE = "ukraine-cut-the-baltic-cable"


@pytest.fixture
def rival_doers(newsroom) -> None:
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug=RUSSIA,
        text="Russia cut the Baltic data cable",
        search_terms=["Baltic cable", "sabotage"],
        status=ClaimStatus.ACTIVE,
    )
    Claim.objects.create(
        slug=UKRAINE,
        text="Ukraine sabotaged the Baltic data cable",
        search_terms=["Baltic cable", "divers", "yacht"],
        status=ClaimStatus.ACTIVE,
    )


def test_a_sentence_on_sabotage_naming_no_doer_takes_no_side(rival_doers):
    found = {
        (claim, actor, position)
        for claim, actor, position, *_ in proposed(
            "Washington said explosives had been used to sabotage the Baltic cable. "
            "Russia and Ukraine have traded blame since the cable was cut."
        )
    }

    assert not {f for f in found if f[1] == "United States"}
