"""When a source spoke, read from the words around the attribution.

Relative expressions ("on Wednesday", "last fall", "in late February") are
resolved against the article's original date (``published_on``), never the
page date of a copy. Without an expression the article date stands, at day
precision for "said"/"says" and month precision for the perfect tense ("has
denied"), which reports something said some time before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claims.models import DatePrecision

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
# First month of each (northern) season: "last fall" is at month precision.
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH_NAME = r"(?:" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_DATE_WORDS = re.compile(
    r"\b(?:(?P<today>today|tonight|this morning|this afternoon|this evening)"
    r"|(?P<yesterday>yesterday|the day before|the day gone by)"
    r"|(?:(?:last|earlier on|earlier|on)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")"
    r"|(?P<month_day>"
    + _MONTH_NAME
    + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{4}))?"
    r"|(?:in\s+)?(?:(?:early|mid|late|mid-)\s*)?(?P<month>"
    + _MONTH_NAME
    + r")(?:\s+(?P<m_year>\d{4}))?"
    r"|(?P<season_rel>last|this|final)\s+(?P<season>spring|summer|fall|autumn|winter)"
    r"|(?P<year_rel>last|this)\s+year"
    r"|(?P<month_rel>last|this|earlier this)\s+month"
    r"|(?P<week_rel>last|this|earlier this|late last|earlier last)\s+week"
    r"|in\s+(?:(?:early|mid|late|mid-)\s*)?(?P<year>(?:19|20)\d{2})"
    r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatedOn:
    date: dt.date
    precision: str
    expression: str = ""


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR[word[:4] if word.startswith("sept") else word[:3]]


def _last_month(base: dt.date, month: int, year: str | None) -> dt.date:
    """The most recent ``month`` not after ``base`` (news speaks of the past)."""
    if year:
        return dt.date(int(year), month, 1)
    return dt.date(base.year if month <= base.month else base.year - 1, month, 1)


def resolve(expression: re.Match[str], base: dt.date) -> StatedOn | None:
    """The date one matched expression names, relative to ``base`` (the article date)."""
    g = expression.groupdict()
    text = expression.group(0)
    if g["today"]:
        return StatedOn(base, DatePrecision.DAY, text)
    if g["yesterday"]:
        return StatedOn(base - dt.timedelta(days=1), DatePrecision.DAY, text)
    if g["weekday"]:
        # The latest such weekday on or before the article date (AP style: "on Friday"
        # in a Friday story is that day).
        back = (base.weekday() - WEEKDAYS.index(g["weekday"].lower())) % 7
        if back == 0 and text.lower().startswith("last"):
            back = 7
        return StatedOn(base - dt.timedelta(days=back), DatePrecision.DAY, text)
    if g["month_day"]:
        if not g["month_day"][0].isupper():
            return None
        month = _month_number(g["month_day"])
        year = int(g["md_year"]) if g["md_year"] else _last_month(base, month, None).year
        try:
            return StatedOn(dt.date(year, month, int(g["day"])), DatePrecision.DAY, text)
        except ValueError:
            return None
    if g["month"]:
        # Month names count only capitalised: "may" and "march" are usually verbs.
        if not g["month"][0].isupper():
            return None
        return StatedOn(
            _last_month(base, _month_number(g["month"]), g["m_year"]), DatePrecision.MONTH, text
        )
    if g["season"]:
        month = SEASONS[g["season"].lower()]
        year = base.year - 1 if g["season_rel"].lower() in {"last", "final"} else base.year
        if g["season_rel"].lower() != "this" and month <= base.month and base.month - month < 6:
            # "last fall" said in November is the fall of the year before.
            year = base.year - 1
        return StatedOn(dt.date(year, month, 1), DatePrecision.MONTH, text)
    if g["year_rel"]:
        year = base.year - 1 if g["year_rel"].lower() == "last" else base.year
        return StatedOn(dt.date(year, 1, 1), DatePrecision.YEAR, text)
    if g["month_rel"]:
        first = base.replace(day=1)
        if g["month_rel"].lower() == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return StatedOn(first, DatePrecision.MONTH, text)
    if g["week_rel"]:
        # Which day is not said: the month of that week, at month precision.
        day = base - dt.timedelta(days=7) if "last" in g["week_rel"].lower() else base
        return StatedOn(day.replace(day=1), DatePrecision.MONTH, text)
    if g["year"]:
        return StatedOn(dt.date(int(g["year"]), 1, 1), DatePrecision.YEAR, text)
    return None


def date_expressions(text: str, base: dt.date) -> list[tuple[int, int, StatedOn]]:
    """Every date expression in ``text`` with its span, resolved against ``base``."""
    found = []
    for match in _DATE_WORDS.finditer(text):
        stated = resolve(match, base)
        if stated is not None and stated.date <= base:
            found.append((match.start(), match.end(), stated))
    return found


_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAME + r"),?(?:\s+(?P<year>\d{4}))?",
    re.I,
)
_MONTH_DAY = re.compile(
    r"(?P<month>" + _MONTH_NAME + r")\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?", re.I
)


def dateline_date(words: str, base: dt.date) -> dt.date | None:
    """The date of a wire dateline ("Nov 6", "06th June, 2023"), in the year of ``base``
    unless that would put it after ``base`` (a story filed on Dec 31 is read on Jan 2)."""
    found = _MONTH_DAY.fullmatch(words.strip()) or _DAY_MONTH.fullmatch(words.strip())
    if found is None:
        return None
    month, day = _month_number(found.group("month")), int(found.group("day"))
    year = int(found.group("year")) if found.group("year") else base.year
    try:
        date = dt.date(year, month, day)
        if not found.group("year") and date > base:
            date = dt.date(year - 1, month, day)
    except ValueError:
        return None
    return date


def article_date(article: object) -> dt.date:
    """The date an article speaks from: its original date, else its page date, else when stored."""
    for name in ("published_on", "page_date"):
        value = getattr(article, name, None)
        if value:
            return value  # type: ignore[no-any-return]
    created = getattr(article, "created_at", None)
    return created.date() if created else dt.date.today()
