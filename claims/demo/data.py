"""The demo data set: the five seed articles (claims/demo/seeds/, the founding corpus) and what they show.

Each article's main text is the part of the scraped page between two marker
lines (page furniture before and after is left out). Each stance names its
quote as it reads in the article; load_demo anchors it in the stored text and
refuses to load a quote that is not there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ARMS = "north-korea-arms-to-russia"
TROOPS = "north-korean-troops-in-russia"
AID = "russian-aid-to-north-korea"

CLAIMS = [
    {
        "slug": ARMS,
        "text": "North Korea supplies weapons or ammunition to Russia for its war in Ukraine",
        "topic": "Russia-Ukraine war",
        "tags": ["north-korea", "russia", "ukraine", "arms"],
        "search_terms": ["ammunition", "shells", "missiles", "rockets", "arms", "weapons"],
        "description": (
            "Washington and its allies say Pyongyang ships shells and missiles to Moscow; "
            "both governments denied it in 2023 and 2024."
        ),
    },
    {
        "slug": TROOPS,
        "text": "North Korea has sent troops to Russia to fight in its war against Ukraine",
        "topic": "Russia-Ukraine war",
        "tags": ["north-korea", "russia", "ukraine", "troops"],
        "search_terms": ["troops", "soldiers", "deployed", "sent"],
        "description": "Reports from late 2024 on of North Korean soldiers in Russia.",
    },
    {
        "slug": AID,
        "text": "Russia gives North Korea economic and military help in return for its support",
        "topic": "Russia-Ukraine war",
        "tags": ["north-korea", "russia", "aid"],
        "search_terms": ["assistance", "aid", "help", "technology", "in return"],
        "description": "What Pyongyang is said to receive from Moscow for its weapons and troops.",
    },
]

# name: (kind, country, parent, aliases)
SOURCES: dict[str, tuple[str, str, str | None, list[str]]] = {
    "United States": (
        "government",
        "United States",
        None,
        ["Washington", "the White House", "the Biden administration", "U.S.", "US", "USA"],
    ),
    "John Kirby": (
        "official",
        "United States",
        "United States",
        ["Kirby", "National Security Council spokesperson John Kirby"],
    ),
    "North Korea": (
        "government",
        "North Korea",
        None,
        ["Pyongyang", "the North", "DPRK", "Democratic People's Republic of Korea"],
    ),
    "KCNA": (
        "agency",
        "North Korea",
        "North Korea",
        ["Korean Central News Agency", "North Korean state media"],
    ),
    "Kim Jong Un": ("official", "North Korea", "North Korea", ["Kim", "Kim Jong-un"]),
    "Russia": ("government", "Russia", None, ["Moscow", "the Kremlin", "Kremlin"]),
    "Sergei Shoigu": ("official", "Russia", "Russia", ["Shoigu"]),
    "Ukraine": ("government", "Ukraine", None, ["Kyiv", "Kiev"]),
    "South Korea": ("government", "South Korea", None, ["Seoul"]),
    "South Korean intelligence": (
        "agency",
        "South Korea",
        "South Korea",
        ["National Intelligence Service", "South Korea's spy agency"],
    ),
    "Independent analysts": ("group", "", None, ["analysts", "experts"]),
}

# name: (domain, is_wire_service)
OUTLETS = {
    "The Associated Press": ("apnews.com", True),
    "Reuters": ("reuters.com", True),
    "The Hill": ("thehill.com", False),
    "Wealth Navigators Hub": ("", False),
    "The Japan News": ("japannews.yomiuri.co.jp", False),
    "Unnamed spun-copy site": ("", False),
}


@dataclass(frozen=True)
class DemoArticle:
    key: str
    seed: str
    # Where the seed was read: readers' "original at the quote" links open it. Empty where
    # the page is not known to be online (the two copies' sites): better no link than a dead one.
    url: str
    outlet: str
    title: str
    byline: str
    published_on: dt.date
    body_from: str  # the first line of the main text starts with this
    body_to: str  # the last line of the main text starts with this
    page_date: dt.date | None = None
    copy_of_outlet: str = ""  # for copies whose original is not stored
    duplicate_kind: str = ""


ARTICLES = [
    DemoArticle(
        key="000",
        seed="000_41bb6c4a6b97c8ad.txt",
        url="https://thehill.com/policy/international/4122666-north-koreas-kim-huddles-with-russian-defense-chief/",
        outlet="The Hill",
        title="North Korea’s Kim huddles with Russian defense chief",
        byline="Lauren Sforza",
        published_on=dt.date(2023, 7, 27),
        body_from="North Korean leader Kim Jong Un met with Russian Defense Minister",
        body_to="The Associated Press contributed.",
    ),
    DemoArticle(
        key="001",
        seed="001_7e37a441b11b5017.txt",
        url="",
        outlet="Wealth Navigators Hub",
        title=(
            "North Korean leader Kim Jong Un meets with Russian defense minister "
            "on military cooperation"
        ),
        byline="The Associated Press",
        published_on=dt.date(2023, 7, 27),
        page_date=dt.date(2025, 4, 17),
        body_from="SEOUL, South Korea (AP) — North Korean leader Kim Jong Un met",
        body_to="Both Moscow and Beijing have been derailing",
        copy_of_outlet="The Associated Press",
        duplicate_kind="republished",
    ),
    DemoArticle(
        key="002",
        seed="002_ea00b029d001865f.txt",
        url="https://japannews.yomiuri.co.jp/news-services/reuters/20240913-211119",
        outlet="The Japan News",
        title="Russia’s Shoigu Meets North Korea’s Kim in Pyongyang",
        byline="Reuters",
        published_on=dt.date(2024, 9, 13),
        body_from="MOSCOW, Sept 13 (Reuters)",
        body_to="It said the meetings took place",
        # The Japan News carries Reuters' story (its dateline says so; ingestion reads it).
        copy_of_outlet="Reuters",
        duplicate_kind="republished",
    ),
    DemoArticle(
        key="003",
        seed="003_19ede879a1e1781d.txt",
        url="https://menatoday.info/news/north-korea-s-kim-meets-russia-s-shoigu-vows-more-cooperation-kcna-says",
        outlet="Reuters",
        title="North Korea's Kim meets Russia's Shoigu, vows more cooperation, KCNA says",
        byline="Joyce Lee",
        published_on=dt.date(2024, 9, 14),
        body_from='They had a "wide exchange of views',
        body_to="At the time, he stood shoulder to shoulder",
    ),
    DemoArticle(
        key="004",
        seed="004_ef175c23e799bce8.txt",
        url="",
        outlet="Unnamed spun-copy site",
        title="Prime Russian official meets North Korean chief in newest Pyongyang go to",
        byline="The Associated Press (machine-reworded)",
        published_on=dt.date(2025, 3, 21),
        page_date=dt.date(2025, 3, 24),
        body_from="SEOUL, South Korea (AP) — A prime Russian safety official",
        body_to="Kim and Trump met thrice",
        copy_of_outlet="The Associated Press",
        duplicate_kind="spun",
    ),
]

# 003 repeats its lede above a photo caption; the stored text starts with it once.
LEDES = {
    "003": (
        "North Korean leader Kim Jong Un met with top Russian security official Sergei Shoigu "
        "and discussed deepening strategic dialogue between the two countries, state media "
        "KCNA said on Saturday."
    )
}


@dataclass(frozen=True)
class DemoStance:
    claim: str
    source: str
    position: str
    article: str
    quote: str
    stated_on: dt.date
    precision: str = "day"
    attributed_via: str = ""
    status: str = "confirmed"
    confidence: float | None = None
    evidence: dict = field(default_factory=dict)


def month(year: int, m: int) -> dt.date:
    return dt.date(year, m, 1)


_US_UA_2024 = (
    "The United States and Ukraine among other countries, as well as independent analysts, "
    "say that Kim is helping Russia in its invasion of Ukraine by supplying rockets and missiles"
)
_AID_2024 = (
    "say that Kim is helping Russia in its invasion of Ukraine by supplying rockets and missiles "
    "in return for economic and other military assistance from Moscow"
)
_INTEL_2025 = (
    "North Korea has been supplying an enormous quantity of standard weapons to Russia, and final "
    "fall it despatched about 10,000 to 12,000 troops to Russia as effectively, in response to "
    "U.S., South Korean and Ukraine intelligence officers."
)
_TROOPS_2025 = (
    "final fall it despatched about 10,000 to 12,000 troops to Russia as effectively, in response "
    "to U.S., South Korean and Ukraine intelligence officers."
)
_SUSPECT_2025 = (
    "South Korea, the U.S. and others suspect North Korea is receiving financial and army help "
    "from Russia in return for offering weapons and troops."
)

STANCES = [
    # --- 2023: Washington accuses, Pyongyang denies (000 The Hill, 001 AP copy)
    DemoStance(
        ARMS, "United States", "asserts", "000",
        "Washington has accused North Korea of supplying secret ammunition to Russia to help in "
        "its invasion of Ukraine", month(2023, 7), "month",
    ),
    DemoStance(ARMS, "North Korea", "denies", "000", "though Pyongyang has denied it",
               month(2023, 7), "month"),
    DemoStance(
        ARMS, "United States", "asserts", "001",
        "The Biden administration has accused North Korea of providing arms to Russia to aid its "
        "fighting in Ukraine", month(2023, 7), "month",
    ),
    DemoStance(ARMS, "North Korea", "denies", "001", "although the North has denied the claim",
               month(2023, 7), "month"),
    # --- 2024: Reuters, the US says ammunition and missiles; Moscow and Pyongyang deny
    DemoStance(
        ARMS, "United States", "asserts", "002",
        "the United States says North Korea has supplied ammunition and ballistic missiles to "
        "Russia", dt.date(2024, 9, 13),
    ),
    DemoStance(ARMS, "Russia", "denies", "002", "Moscow and Pyongyang have denied arms transfers",
               month(2024, 9), "month"),
    DemoStance(ARMS, "North Korea", "denies", "002",
               "Moscow and Pyongyang have denied arms transfers", month(2024, 9), "month"),
    DemoStance(ARMS, "United States", "asserts", "003", _US_UA_2024, dt.date(2024, 9, 14)),
    DemoStance(ARMS, "Ukraine", "asserts", "003", _US_UA_2024, dt.date(2024, 9, 14)),
    DemoStance(ARMS, "Russia", "denies", "003", "Moscow and Pyongyang have denied the accusations",
               month(2024, 9), "month"),
    DemoStance(ARMS, "North Korea", "denies", "003",
               "Moscow and Pyongyang have denied the accusations", month(2024, 9), "month"),
    DemoStance(AID, "United States", "asserts", "003", _AID_2024, dt.date(2024, 9, 14)),
    DemoStance(AID, "Ukraine", "asserts", "003", _AID_2024, dt.date(2024, 9, 14)),
    # --- 2025: troops; Shoigu thanks Pyongyang for its "assist" (004, spun AP copy)
    DemoStance(ARMS, "United States", "asserts", "004", _INTEL_2025, dt.date(2025, 3, 21),
               attributed_via="U.S. intelligence officials"),
    DemoStance(ARMS, "South Korea", "asserts", "004", _INTEL_2025, dt.date(2025, 3, 21),
               attributed_via="South Korean intelligence officials"),
    DemoStance(
        ARMS, "Sergei Shoigu", "hedges", "004",
        "thanked him for the nation’s assist of Moscow’s battle efforts in Ukraine",
        dt.date(2025, 3, 21), attributed_via="according to Russian state media",
    ),
    DemoStance(TROOPS, "United States", "asserts", "004", _TROOPS_2025, dt.date(2025, 3, 21),
               attributed_via="U.S. intelligence officials"),
    DemoStance(TROOPS, "South Korea", "asserts", "004", _TROOPS_2025, dt.date(2025, 3, 21),
               attributed_via="South Korean intelligence officials"),
    DemoStance(TROOPS, "Ukraine", "asserts", "004", _TROOPS_2025, dt.date(2025, 3, 21),
               attributed_via="Ukrainian intelligence officials"),
    DemoStance(
        TROOPS, "South Korean intelligence", "hedges", "004",
        "In late February, South Korea’s spy company stated North Korea appeared to have "
        "despatched extra troops to Russia.", month(2025, 2), "month",
    ),
    DemoStance(AID, "United States", "hedges", "004", _SUSPECT_2025, dt.date(2025, 3, 21)),
    DemoStance(AID, "South Korea", "hedges", "004", _SUSPECT_2025, dt.date(2025, 3, 21)),
    # --- waiting in the review queue
    DemoStance(
        ARMS, "John Kirby", "hedges", "000",
        "But the fact that he’s reaching out to North Korea, or could be, additionally, that’s — "
        "that wouldn’t come as a surprise to anybody.",
        dt.date(2023, 7, 26), status="suggested", confidence=0.55,
        evidence={"cue": "could be", "alias": "Kirby"},
    ),
    DemoStance(
        ARMS, "Independent analysts", "asserts", "003",
        "independent analysts, say that Kim is helping Russia in its invasion of Ukraine",
        dt.date(2024, 9, 14), status="suggested", confidence=0.8,
        evidence={"cue": "say", "alias": "analysts"},
    ),
    DemoStance(
        ARMS, "Independent analysts", "hedges", "004",
        "Many consultants say North Korea will probably ramp up its assist of Russia",
        dt.date(2025, 3, 21), status="suggested", confidence=0.6,
        evidence={"cue": "will probably", "alias": "experts"},
    ),
]  # fmt: skip

DEMO_USERS = [
    # username, password, group, staff
    ("editor", "editor-demo-2025", "Editors", True),
    ("reviewer", "reviewer-demo-2025", "Reviewers", True),
    ("consumer", "consumer-demo-2025", "API consumers", False),
]
