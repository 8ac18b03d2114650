"""How news names a government without naming its country, so editors need not register it.

A newsroom registers "Russia" with "Moscow" and expects "Kremlin spokesman
Dmitry Peskov", "the Russian foreign ministry" and "Russian officials" to
speak for it. The countries' names, alternative spellings, demonyms and
capitals come from the ``countryinfo`` package; the seats of government
("the Kremlin", "the Pentagon") that news uses as metonyms are listed here,
because no maintained package carries them; so are the titles of offices news names
without the country ("Attorney General …", "Gov. …") and the U.S. states, whose offices
speak for the state a story is about.

A registered source is taken for a country when its name is one of the
country's names and none of its aliases names another place: "Georgia"
registered with "Atlanta" is the U.S. state, not the country.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from countryinfo import all_countries

# Seats and organs of government that news names instead of the country (ISO alpha-2).
SEATS: dict[str, tuple[str, ...]] = {
    "US": (
        "White House",
        "Pentagon",
        "State Department",
        "Department of State",
        "Capitol Hill",
        # Federal agencies news names alone: "the FDA said", "HHS did not respond".
        "Justice Department",
        "Department of Justice",
        "FBI",
        "CIA",
        "Food and Drug Administration",
        "FDA",
        "Centers for Disease Control and Prevention",
        "CDC",
        "Department of Health and Human Services",
        "Health and Human Services",
        "HHS",
        "National Institutes of Health",
        "NIH",
        "Department of Homeland Security",
        "Homeland Security",
        "National Security Council",
        "Defense Department",
        "Department of Defense",
        # The federal regulator of pesticides and pollution, named alone as often.
        "Environmental Protection Agency",
        "EPA",
    ),
    "RU": ("Kremlin",),
    "GB": ("Downing Street", "Whitehall", "Foreign Office", "Ministry of Defence", "MHRA"),
    "AU": ("Therapeutic Goods Administration", "TGA"),
    "PK": ("Inter-Services Public Relations", "ISPR"),
    "FR": ("Elysee", "Élysée", "Elysée", "Quai d'Orsay"),
    "DE": ("Chancellery", "Bundeswehr"),
    "IL": ("Israel Defense Forces", "Israeli Defence Forces", "IDF", "Knesset"),
    "CN": ("Zhongnanhai",),
    "KP": ("KCNA",),
    "UA": ("Verkhovna Rada",),
    "IR": ("IRGC",),
}
# Short names news writes that countryinfo keeps only as codes ("US", "UK").
SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "America", "Washington"),
    "GB": ("U.K.", "UK", "Britain"),
    "KP": ("DPRK", "North Korea"),
    "KR": ("ROK", "South Korea"),
    "CN": ("PRC",),
    "AE": ("UAE", "U.A.E."),
    "PS": ("Palestinian Authority",),
}
# Demonyms countryinfo lacks or words differently.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "U.S."),
    "GB": ("British",),
    "KP": ("North Korean",),
    "KR": ("South Korean",),
    "AE": ("Emirati",),
    "NL": ("Dutch",),
}
# Offices news names by their title alone, the country left to the story: "Attorney
# General William Barr said", "Health Secretary Robert F. Kennedy Jr.". Each title with
# the department it heads, where a newsroom may have registered that department as an
# actor of its own (then the holder speaks for it, not for the country). A head of state
# or government counts by title only, in a story naming one registered country: nobody
# looks up who held the office when.
NATIONAL_OFFICES: dict[str, str] = {
    "president": "",
    "vice president": "",
    "prime minister": "",
    "foreign minister": "",
    "foreign secretary": "",
    "secretary of state": "State Department",
    "attorney general": "Justice Department",
    "special counsel": "Justice Department",
    "health secretary": "Health and Human Services",
    "health minister": "",
    "surgeon general": "Health and Human Services",
    "defense secretary": "Defense Department",
    "defence secretary": "",
    "defense minister": "",
    "defence minister": "",
    "homeland security secretary": "Department of Homeland Security",
    "press secretary": "White House",
}
# The names of each department above, as news writes them.
DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "State Department": ("State Department", "Department of State"),
    "Justice Department": ("Justice Department", "Department of Justice", "DOJ"),
    "Health and Human Services": (
        "Department of Health and Human Services",
        "Health and Human Services",
        "HHS",
    ),
    "Defense Department": ("Defense Department", "Department of Defense", "Pentagon"),
    "Department of Homeland Security": ("Department of Homeland Security", "DHS"),
    "White House": ("White House",),
}
# The offices of a U.S. state, whose holder speaks for the state the story is about:
# "Gov. Doug Ducey", "Secretary of State Brad Raffensperger" in a story on Georgia.
STATE_OFFICES = frozenset(
    [
        "gov.",
        "governor",
        "lt. gov.",
        "lieutenant governor",
        "secretary of state",
        "attorney general",
    ]
)
US_STATES = frozenset(
    [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "West Virginia",
        "Wisconsin",
        "Wyoming",
    ]
)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z.' \-]*$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]  # its name and the other names news uses for it
    capital: str
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]

    @property
    def speaking_names(self) -> tuple[str, ...]:
        """What a speaker phrase may start with and still speak for the country."""
        return (*self.names, self.capital, *self.demonyms, *self.seats)


def _usable(name: str) -> bool:
    """A name as written in English running text: Latin letters, not a bare ISO code."""
    return bool(_LATIN.match(name)) and (len(name) > 3 or name in {"U.S.", "U.K.", "UAE"})


@functools.cache
def countries() -> dict[str, Country]:
    """Every country, keyed by each of its names in lower case."""
    found: dict[str, Country] = {}
    for entry in all_countries():
        info = entry.info()
        code = (info.get("ISO") or {}).get("alpha2", "")
        name = info.get("name") or ""
        if not code or not name:
            continue
        names = tuple(
            dict.fromkeys(
                n
                for n in (name, *(info.get("altSpellings") or []), *SHORT_NAMES.get(code, ()))
                if _usable(n) or n in SHORT_NAMES.get(code, ())
            )
        )
        capital = info.get("capital") or ""
        if isinstance(capital, list):  # a few countries have several
            capital = capital[0] if capital else ""
        capital = capital.removesuffix(" D.C.")
        demonyms = tuple(
            dict.fromkeys(d for d in (info.get("demonym") or "", *DEMONYMS.get(code, ())) if d)
        )
        country = Country(code, name, names, capital, demonyms, SEATS.get(code, ()))
        for key in names:
            found.setdefault(key.lower(), country)
    return found


def country_named(name: str, aliases: tuple[str, ...] = ()) -> Country | None:
    """The country a source registered as ``name`` (with ``aliases``) stands for, if any."""
    country = countries().get(name.strip().lower())
    if country is None:
        return None
    known = {n.lower() for n in country.speaking_names}
    for alias in (a.strip() for a in aliases):
        if alias.lower() in known or countries().get(alias.lower()) is country:
            continue
        if " " not in alias and alias[:1].isupper() and not alias.isupper():
            return None  # a one-word place that is not this country's: "Georgia", "Atlanta"
    return country
