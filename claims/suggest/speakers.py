"""Who is named in a text: source aliases found exactly, then by trigram similarity.

The database picks the aliases that occur in an article (one query, whatever
the number of sources), and pg_trgm resolves the names that match no alias
exactly ("South Korean" -> South Korea, "South Korea's spy company" -> the
alias "South Korea's spy agency") in one batched query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from sources.models import SourceKind, normalize_alias

# pg_trgm similarity a name must reach to count as an alias it does not spell
# exactly ("South Korean" -> South Korea 0.79, "Ukrainian" -> Ukraine 0.5).
# Measured on the evaluation set (bench/suggest.py): 0.4 and 0.5 give recall
# 0.92, 0.6 and 0.7 lose "Ukrainian troops" (0.90), no trigram lookups 0.81;
# precision stays 0.92 throughout. A phrase in speaker position ("South
# Korea's spy company" for the alias "South Korea's spy agency") also needs 0.5.
TRIGRAM_THRESHOLD = 0.5
TRIGRAM_THRESHOLD_SPEAKER = 0.5

PERSON_KINDS = frozenset({SourceKind.PERSON.value, SourceKind.OFFICIAL.value})
_NAME_AFTER = re.compile(r"[ \-][A-Z][a-z]")


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str
    kind: str
    parent_id: int | None
    top_id: int
    top_name: str

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS


@dataclass(frozen=True)
class Mention:
    """A source named in the text at [start, end) (article offsets)."""

    start: int
    end: int
    text: str
    source: SourceInfo
    alias: str
    method: str = "alias"  # "alias" or "trigram"
    score: float = 1.0


@dataclass
class Lexicon:
    """The aliases that occur in one article, and the sources they name (with their ancestors)."""

    sources: dict[int, SourceInfo] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], str, int]] = field(default_factory=list)
    fuzzy: dict[str, tuple[int, str, float]] = field(default_factory=dict)

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Exact alias mentions in ``text``, longest first where they overlap."""
        found: list[tuple[int, int, str, int]] = []
        for pattern, alias, source_id in self.patterns:
            for match in pattern.finditer(text):
                found.append((match.start("name"), match.end("name"), alias, source_id))
        found = [f for f in found if not self._other_person(text, f)]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        chosen: list[Mention] = []
        last_end = -1
        for start, end, alias, source_id in found:
            if start < last_end:
                continue
            chosen.append(
                Mention(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    source=self.sources[source_id],
                    alias=alias,
                )
            )
            last_end = end
        return chosen

    def _other_person(self, text: str, found: tuple[int, int, str, int]) -> bool:
        """Whether a one-word alias of a person is part of another person's name.

        "Kim" is Kim Jong Un, but not in "Kim Yo Jong" or "Kim Tong-hyung".
        """
        _start, end, alias, source_id = found
        if " " in alias.strip() or not self.sources[source_id].is_person:
            return False
        return bool(_NAME_AFTER.match(text, end))

    def fuzzy_mention(self, phrase: str, start: int, end: int) -> Mention | None:
        hit = self.fuzzy.get(normalize_alias(phrase))
        if hit is None:
            return None
        source_id, alias, score = hit
        return Mention(
            start=start,
            end=end,
            text=phrase,
            source=self.sources[source_id],
            alias=alias,
            method="trigram",
            score=score,
        )


def _alias_pattern(alias: str) -> re.Pattern[str] | None:
    """A regex for an alias as written in running text.

    Acronyms ("US", "KCNA") match only in capitals, so "us" is never the
    United States; an alias that is "the" plus one word ("the North") needs
    its "the" and its capital; the rest match in any case ("independent
    analysts" for "Independent analysts").
    """
    words = re.findall(r"\w+", alias)
    needs_the = False
    if words and words[0].lower() == "the":
        words = words[1:]
        needs_the = len(words) == 1
    if not words:
        return None
    parts = []
    for word in words:
        if (len(word) > 1 and word.isupper()) or needs_the:
            parts.append(re.escape(word))
        else:
            parts.append("(?i:" + re.escape(word) + ")")
    body = r"[\s.\-'\u2019]{1,3}".join(parts)
    if alias.endswith("."):
        body += r"\.?"  # "U.S." keeps its last period
    lead = r"(?i:the)\s+" if needs_the else ""
    return re.compile(rf"(?<![\w.]){lead}(?P<name>{body})(?!\w)")


def _source_tree(source_ids: Iterable[int]) -> dict[int, SourceInfo]:
    """The sources with all their ancestors, each knowing its top-level source."""
    ids = list(set(source_ids))
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE up AS (
                SELECT id, name, kind, parent_id FROM sources_source WHERE id = ANY(%s)
                UNION
                SELECT s.id, s.name, s.kind, s.parent_id
                FROM sources_source s JOIN up ON s.id = up.parent_id
            )
            SELECT id, name, kind, parent_id FROM up
            """,
            [ids],
        )
        rows = {row[0]: row for row in cursor.fetchall()}
    tree: dict[int, SourceInfo] = {}
    for source_id, (_, name, kind, parent_id) in rows.items():
        top, seen = source_id, {source_id}
        while rows[top][3] is not None and rows[top][3] not in seen and rows[top][3] in rows:
            top = rows[top][3]
            seen.add(top)
        tree[source_id] = SourceInfo(source_id, name, kind, parent_id, top, rows[top][1])
    return tree


def lexicon_for(text: str) -> Lexicon:
    """The aliases (and source names) that occur in ``text``, found by the database."""
    haystack = f" {normalize_alias(text)} "
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.alias, a.source_id FROM sources_sourcealias a
            WHERE position(' ' || a.normalized || ' ' IN %s) > 0
            UNION
            SELECT s.name, s.id FROM sources_source s
            WHERE position(lower(s.name) IN lower(%s)) > 0
            """,
            [haystack, text],
        )
        rows = cursor.fetchall()
        # An acronym of an alias: "the NIS" for the National Intelligence Service.
        acronyms = sorted(set(re.findall(r"\b[A-Z]{3,6}\b", text)))
        if acronyms:
            cursor.execute(
                """
                SELECT DISTINCT i.initials, a.source_id FROM sources_sourcealias a
                CROSS JOIN LATERAL (
                    SELECT string_agg(left(w, 1), '') AS initials, count(*) AS words
                    FROM regexp_split_to_table(a.alias, '\\s+') AS w
                    WHERE w ~ '^[A-Z]'
                ) AS i
                WHERE i.words >= 3 AND i.initials = ANY(%s)
                """,
                [acronyms],
            )
            rows += cursor.fetchall()
    lexicon = Lexicon(sources=_source_tree(source_id for _, source_id in rows))
    for alias, source_id in rows:
        pattern = _alias_pattern(alias)
        if pattern is not None:
            lexicon.patterns.append((pattern, alias, source_id))
    return lexicon


def lexicon_add_fuzzy(
    lexicon: Lexicon, phrases: Iterable[str], speaker_phrases: Iterable[str] = ()
) -> None:
    """Resolve names no alias spells exactly by trigram similarity (one query for all)."""
    speaker = {normalize_alias(p) for p in speaker_phrases}
    wanted = sorted(({normalize_alias(p) for p in phrases} | speaker) - {""} - set(lexicon.fuzzy))
    if not wanted:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT DISTINCT ON (p.phrase) p.phrase, a.source_id, a.alias,
                   similarity(a.normalized, p.phrase) AS score
            FROM unnest(%s::text[]) AS p(phrase)
            JOIN sources_sourcealias a ON a.normalized %% p.phrase
            JOIN sources_source s ON s.id = a.source_id
            WHERE similarity(a.normalized, p.phrase) >= %s
              -- a name like a person's is another person ("Kim Yo Jong" is not
              -- Kim Jong Un); names of bodies vary in form ("South Korean").
              AND s.kind <> ALL(%s)
            ORDER BY p.phrase, score DESC, a.id
            """,
            [wanted, min(TRIGRAM_THRESHOLD, TRIGRAM_THRESHOLD_SPEAKER), list(PERSON_KINDS)],
        )
        hits = [
            hit
            for hit in cursor.fetchall()
            if hit[3] >= (TRIGRAM_THRESHOLD_SPEAKER if hit[0] in speaker else TRIGRAM_THRESHOLD)
        ]
    missing = {source_id for _, source_id, _, _ in hits} - set(lexicon.sources)
    lexicon.sources.update(_source_tree(missing))
    for phrase, source_id, alias, score in hits:
        lexicon.fuzzy[phrase] = (source_id, alias, float(score))
