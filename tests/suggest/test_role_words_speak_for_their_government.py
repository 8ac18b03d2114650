"""Officials nobody registered speak for their government, known from their role words."""

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.usefixtures("newsroom")


def test_a_kremlin_spokesman_speaks_for_russia():
    found = proposed(
        "Kremlin spokesman Dmitry Peskov said Moscow had not sold missiles to Sudan's army."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "denies")]
    # Peskov, presented by his role at the Kremlin (Russia's seat of government)
    assert found[0][5] == "role"


def test_the_kremlin_itself_is_russia():
    found = proposed("The Kremlin said Moscow had not sold missiles to Sudan's army.")
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "denies")]
    assert found[0][5] == "gazetteer"


def test_the_spokesman_named_once_speaks_for_russia_by_his_surname_later():
    found = proposed(
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Thursday. "
        "Peskov said the report that Sudan's army received Russian missiles was a fabrication."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "denies")]
    assert found[0][5] == "role"


def test_a_foreign_ministry_spokesman_speaks_for_his_country():
    found = proposed(
        "Iran's foreign ministry spokesman said Tehran had never sent missiles to Sudan's army."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Iran", "denies")]


def test_intelligence_officials_named_by_their_countrys_adjective_speak_for_it():
    found = proposed("U.S. intelligence officials said Sudan's army received missiles from Iran.")
    assert [f[:3] for f in found] == [(CLAIM, "United States", "asserts")]


def test_the_white_house_is_the_united_states():
    found = proposed("The White House accused Iran of sending missiles to Sudan's army.")
    assert [f[:3] for f in found] == [(CLAIM, "United States", "asserts")]


def test_a_former_official_or_the_opposition_does_not_speak_for_the_government():
    found = proposed(
        "Former Russian ambassador Ivan Petrovsky attended the talks. "
        "Petrovsky said Sudan's army received missiles from Moscow."
    )
    assert found == []


@pytest.mark.parametrize(
    "introduced",
    [
        "Russian Foreign Minister Sergei Lavrov",  # a capitalised role
        "Russia's Deputy Defense Minister Alexander Fomin",
        "Russian Gov. Sergei Lavrov",  # a title's abbreviation
    ],
)
def test_a_capitalised_title_presents_the_official_named_later_by_surname(introduced):
    found = proposed(
        f"{introduced} met the envoy on Monday. "
        f"{introduced.split()[-1]} said the report that Sudan's army received Russian "
        "missiles was a fabrication."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "denies")]
    assert found[0][5] == "role"


@pytest.mark.parametrize("agency", ["The FDA", "The Justice Department", "HHS", "The CDC"])
def test_a_federal_agency_named_alone_speaks_for_the_united_states(agency):
    found = proposed(f"{agency} said Sudan's army received missiles from Iran.")
    assert [f[:3] for f in found] == [(CLAIM, "United States", "asserts")]
    assert found[0][5] == "gazetteer"


def test_a_role_naming_its_body_by_acronym_speaks_for_the_government():
    found = proposed(
        "Ukrainian Defence Intelligence (HUR) official Andriy Yusov said Sudan's army "
        "received missiles from Iran. Mr Yusov said the missiles were Iranian-made."
    )
    assert (CLAIM, "Ukraine", "asserts") in [f[:3] for f in found]
    assert {f[5] for f in found if f[1] == "Ukraine"} == {"role"}
