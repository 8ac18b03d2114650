"""An accusation naming several doers in a list ("blamed Tehran, Washington and Moscow") bears
on each listed doer's claim, not on the first one's alone; a name after a comma that ends no
list ("blamed Tehran, Seoul said") is not accused."""

from __future__ import annotations

import pytest

from tests.suggest.newsroom import MINE, TORPEDO, triples

pytestmark = pytest.mark.django_db


def test_each_doer_in_the_list_is_accused(two_doers):
    found = triples("Kyiv has blamed Iran, Britain and Russia for sinking the cargo ship.")

    assert (TORPEDO, "Ukraine", "asserts") in found
    assert (MINE, "Ukraine", "asserts") in found


def test_a_name_after_a_comma_that_ends_no_list_is_not_accused(two_doers):
    found = triples("Kyiv has blamed Iran for sinking the cargo ship, Russia reported.")

    assert (MINE, "Ukraine", "asserts") not in found
