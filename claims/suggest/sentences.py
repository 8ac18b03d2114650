"""Sentences and clauses with their character offsets in the article text.

Offsets are what stance quotes are anchored by, so every span here is a slice
of the original text (never a cleaned-up copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end in a period without ending a sentence (news style).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "prof",
        "pres",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "dept",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "a.m",
        "p.m",
        "d.c",
    ]
)

# A sentence ends at . ! ? (plus closing quotes or brackets) before white space
# and something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def _is_abbreviation(text: str, period_at: int) -> bool:
    # Only the word before: searching from the start would make splitting quadratic.
    found = _WORD_BEFORE.search(text, max(0, period_at - 40), period_at)
    if found is None:
        return False
    word = found.group(1).lower().rstrip(".")
    # "U.S." and single initials ("John F. Kennedy") do not end a sentence.
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


# A wire dateline opening a story: "KYIV, Nov 6 (Reuters) -", "SEOUL, South Korea (AP) —",
# "WASHINGTON —", "MOSCOW (UrduPoint News / Sputnik - 06th June, 2023)". The place is in
# capitals, or the agency in brackets follows it; a date may stand after the place or
# inside the brackets. It is where and when the story was filed, never part of a quote.
_PLACE_CAPS = r"[A-Z][A-Z.'\-]{2,}(?:\s+[A-Z][A-Z.'\-]+){0,3}"
_PLACE_WORDS = r"[A-Z][a-z.'\-]+(?:\s+[A-Z][a-z.'\-]+){0,3}"
DATELINE = re.compile(
    # page furniture before it: "date 2023-06-20", "Updated 14:05"
    r"(?P<clutter>(?:(?:date|updated|published|\d[\d\-/:.,]*)\s+){0,4})"
    r"(?:(?P<caps>" + _PLACE_CAPS + r")|(?P<words>" + _PLACE_WORDS + r"))"
    r"(?:,\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,2})?"  # ", South Korea"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"  # ", Nov 6"
    r"\s*(?:\((?P<agency>[^()\n]{1,80})\))?"  # "(Reuters)"
    r"(?P<dash>\s*[\-\u2013\u2014]+\s+|\s+(?=[A-Z]))"
)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # where the story's own words begin
    date_words: str  # "Nov 6", "06th June, 2023", or ""


def dateline_at(text: str, start: int, end: int) -> Dateline | None:
    """The wire dateline opening ``text[start:end]``, if there is one."""
    found = DATELINE.match(text, start, end)
    if found is None:
        return None
    agency = found.group("agency") or ""
    if found.group("words") and not agency:
        return None  # "Moscow said…": a capitalised place needs its agency to be a dateline
    if not found.group("dash").strip() and not agency:
        return None  # "WASHINGTON —" needs its dash when nothing is in brackets
    if found.group("caps") and len(found.group("caps").replace(".", "")) < 4 and not agency:
        return None  # "U.S. officials…" is no place
    date_words = found.group("date") or ""
    if not date_words and agency:
        inside = re.search(
            r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}",
            agency,
        )
        date_words = inside.group(0) if inside else ""
    return Dateline(
        found.start("caps") if found.group("caps") else found.start("words"),
        found.end(),
        date_words,
    )


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text``: line breaks always end one, periods unless they close an abbreviation.

    A sentence opening with a wire dateline starts after it ("KYIV, Nov 6 (Reuters) -
    Ukraine said…" is "Ukraine said…"): a quote never starts with a dateline.
    """
    spans = []
    for span in _sentences(text):
        dateline = dateline_at(text, span.start, span.end)
        if dateline is not None and dateline.end < span.end:
            span = _trimmed(text, dateline.end, span.end) or span
        spans.append(span)
    return spans


def _sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    line_start = 0
    for line_break in [*_PARAGRAPH.finditer(text), None]:
        line_end = line_break.start() if line_break else len(text)
        start = line_start
        for boundary in _BOUNDARY.finditer(text, line_start, line_end):
            if text[boundary.start()] == "." and _is_abbreviation(text, boundary.start()):
                continue
            span = _trimmed(text, start, boundary.end())
            if span:
                spans.append(span)
            start = boundary.end()
        span = _trimmed(text, start, line_end)
        if span:
            spans.append(span)
        line_start = line_break.end() if line_break else len(text)
    return spans


# Where one attribution gives way to another inside a sentence:
# "Washington has accused ..., though Pyongyang has denied it."
_CLAUSE_BREAK = re.compile(
    r"(?:,|;|\s\u2014|\s\u2013)\s+(?=(?:though|although|while|but|whereas|even as|yet)\b)"
    r"|;\s+"
    r"|\s+(?=but\s+(?:has|have|had)\b)"
    # "…, and drugmaker Kenvue continues to assert that…": a new subject with its own cue.
    r"|,\s+and\s+(?=(?:[\w'\u2019&.\-]+\s+){1,4}?(?:(?:has|have|had|also|still)\s+)?"
    r"(?:said|says|denied|denies|insist(?:s|ed)|maintain(?:s|ed)|continues?\s+to|reject(?:s|ed)"
    r"|dismiss(?:es|ed)|accus(?:es|ed)|confirm(?:s|ed)|declined|argu(?:es|ed)|called)\b)",
)


def split_clauses(sentence: Span) -> list[Span]:
    """Clauses of a sentence (offsets into the article text), split before 'though', 'but'…"""
    spans: list[Span] = []
    start = 0
    text = sentence.text
    for brk in _CLAUSE_BREAK.finditer(text):
        piece = _trimmed(text, start, brk.start())
        if piece:
            spans.append(piece)
        start = brk.end()
    piece = _trimmed(text, start, len(text))
    if piece:
        spans.append(piece)
    return [Span(sentence.start + s.start, sentence.start + s.end, s.text) for s in spans]
