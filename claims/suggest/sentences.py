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
    found = _WORD_BEFORE.search(text, 0, period_at)
    if found is None:
        return False
    word = found.group(1).lower().rstrip(".")
    # "U.S." and single initials ("John F. Kennedy") do not end a sentence.
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text``: line breaks always end one, periods unless they close an abbreviation."""
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
    r"|\s+(?=but\s+(?:has|have|had)\b)",
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
