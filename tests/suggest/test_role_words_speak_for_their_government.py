"""Officials nobody registered speak for their government, known from their role words."""

import pytest
from django.utils.text import slugify

from claims.models import Position
from claims.suggest.attribution import position_for
from sources.models import Source, SourceAlias, SourceKind, normalize_alias
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


@pytest.mark.parametrize(
    "agency", ["The FDA", "The Justice Department", "HHS", "The CDC", "The EPA"]
)
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


def _register(name: str) -> None:
    """A top-level actor a newsroom registered besides the countries (not a government)."""
    source = Source.objects.create(name=name, slug=slugify(name), kind=SourceKind.GROUP)
    SourceAlias.objects.create(source=source, alias=name, normalized=normalize_alias(name))


def test_an_office_named_by_its_title_alone_speaks_for_the_one_country_named():
    found = proposed(
        "Defense Secretary Mark Holloway said on Tuesday that Sudan's army had received "
        "missiles. The Pentagon briefed allies later. Holloway said the missiles came by sea."
    )
    assert {f[:3] for f in found} == {(CLAIM, "United States", "asserts")}
    assert {f[5] for f in found if "Holloway" in f[4]} == {"role"}


def test_a_bare_title_says_nothing_of_whose_office_when_two_countries_are_named():
    found = proposed(
        "Defense Secretary Mark Holloway said on Tuesday that Sudan's army had received "
        "missiles. Moscow and Washington traded accusations over the war."
    )
    assert found == []


def test_an_office_speaks_for_its_registered_department_before_its_country():
    _register("Justice Department")
    found = proposed(
        "Attorney General Mark Holloway said Sudan's army had received missiles. "
        "Washington has long watched the war."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Justice Department", "asserts")]


def test_a_state_office_speaks_for_the_registered_state_the_story_is_about():
    _register("Arizona")
    found = proposed(
        "In Arizona, Gov. Jane Roe said Sudan's army had not received missiles from the "
        "state's factories. Ohio Secretary of State Tom Vale said Sudan's army got missiles. "
        "Washington hosted a summit of governors last spring."
    )
    # Ohio is nobody's registered state: its secretary speaks for no one here. The country
    # named (Washington) does not make the governor its own.
    assert [f[:3] for f in found] == [(CLAIM, "Arizona", "denies")]


def test_a_modal_describing_what_was_not_seen_leaves_the_statement_negated():
    position, _ = position_for(
        Position.ASSERTS,
        negated=False,
        complement="we have not seen missiles in numbers that could have changed the war",
        cue="said",
    )
    assert position == Position.DENIES


def test_a_countrys_officer_speaks_for_the_registered_department_the_title_names():
    _register("Justice Department")
    found = proposed(
        "U.S. Attorney General Mark Holloway said on Friday that Sudan's army had received "
        "missiles. Holloway said the shipments came by sea."
    )
    assert {f[:3] for f in found} == {(CLAIM, "Justice Department", "asserts")}


def test_a_president_named_by_title_speaks_for_the_one_country_named():
    found = proposed(
        "President Mark Holloway told reporters at the White House that Sudan's army had "
        "received missiles."
    )
    assert [f[:3] for f in found] == [(CLAIM, "United States", "asserts")]


@pytest.mark.parametrize(
    "said",
    [
        "Buying those missiles is not good, don't buy them",
        "Those missiles aren't good, and nobody should want them",
    ],
)
def test_a_warning_is_no_denial(said):
    position, _ = position_for(Position.ASSERTS, negated=False, complement=said, cue="said")
    assert position == Position.ASSERTS


def test_the_ministry_is_a_body_of_the_latest_government_named():
    found = proposed(
        "Moscow hosted the talks on Monday. "
        "The ministry said Sudan's army had received missiles from abroad."
    )
    assert [f[:3] for f in found] == [(CLAIM, "Russia", "asserts")]


def test_a_ministry_named_by_a_place_nobody_registered_is_not_a_reference_back():
    found = proposed(
        "Moscow hosted the talks on Monday. "
        "The Khartoum health ministry said Sudan's army had received missiles from abroad."
    )
    assert found == []
