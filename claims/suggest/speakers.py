"""Who is named in a text: source aliases found exactly, then by trigram similarity.

The database picks the aliases that occur in an article (one query, whatever
the number of sources), and pg_trgm resolves the names that match no alias
exactly ("South Korea's spy company" -> the alias "South Korea's spy agency")
in one batched query. What a newsroom need not register is added for the
article: registered governments as news names them ("Indian", "the Kremlin":
gazetteer.py), registered people by surname, the people the text presents
with a role ("Kremlin spokesman Dmitry Peskov"), and those it presents by an office's
title alone ("Attorney General William Barr": the registered department the office heads,
or the one registered country or U.S. state the story names). Then who a mention stands for in a
sentence: a pronoun or "the agency" (the latest fitting speaker), "both countries"
(the last two governments named), a name no alias spells (resolve_mentions).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Value
from django.db.models.functions import Lower

from claims.suggest.gazetteer import (
    DEPARTMENTS,
    NATIONAL_OFFICES,
    STATE_OFFICES,
    US_STATES,
    countries,
    country_named,
)
from sources.models import Source, SourceAlias, SourceKind, normalize_alias
from sources.selectors import AliasMatch, aliases_matching

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
    # "alias", "trigram", "gazetteer" (a government named as news names it: "the Kremlin",
    # "Indian"), "role" (a person named with role words: "Kremlin spokesman Dmitry Peskov")
    # or "surname" (a registered person by surname alone)
    method: str = "alias"
    score: float = 1.0


@dataclass(frozen=True)
class Introduced:
    """A speaker the registry does not know, as the text presents it: a person with role
    words ("Kremlin spokesman Dmitry Peskov") or a body of a registered source ("Iran's
    foreign ministry"). Suggestions speak for ``parent_id``; a reviewer may register it."""

    name: str  # as written: "Dmitry Peskov", "U.S. intelligence"
    kind: str  # SourceKind: "official" for a person, "agency" for a body
    parent_id: int  # the registered source its role words name
    role: str  # the role words as written: "Kremlin spokesman", "Iran's foreign ministry"


@dataclass
class Lexicon:
    """The aliases that occur in one article, and the sources they name (with their ancestors)."""

    sources: dict[int, SourceInfo] = field(default_factory=dict)
    # (pattern, alias, source id, how it was found: see Mention.method)
    patterns: list[tuple[re.Pattern[str], str, int, str]] = field(default_factory=list)
    fuzzy: dict[str, tuple[int, str, float]] = field(default_factory=dict)
    # The people the text presents with their role, by the alias of their "role" pattern.
    introduced: dict[str, Introduced] = field(default_factory=dict)

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Exact alias mentions in ``text``, longest first where they overlap."""
        found: list[tuple[int, int, str, int, str]] = []
        words = set(re.findall(r"[^\W_]+", text.lower()))
        for pattern, alias, source_id, method in self.patterns:
            first = _first_word(alias)
            if first and first not in words:
                continue  # the alias cannot occur: its first word does not
            for match in pattern.finditer(text):
                found.append((match.start("name"), match.end("name"), alias, source_id, method))
        found = [f for f in found if not self._other_person(text, f)]
        # Longest first; of two as long, the registry's alias before what was inferred.
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[4] != "alias"))
        chosen: list[Mention] = []
        last_end = -1
        for start, end, alias, source_id, method in found:
            if start < last_end:
                continue
            chosen.append(
                Mention(
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    source=self.sources[source_id],
                    alias=alias,
                    method=method,
                )
            )
            last_end = end
        return chosen

    def _other_person(self, text: str, found: tuple[int, int, str, int, str]) -> bool:
        """Whether a one-word alias of a person is part of another person's name.

        "Kim" is Kim Jong Un, but not in "Kim Yo Jong" or "Kim Tong-hyung".
        """
        _start, end, alias, source_id, _method = found
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


@functools.lru_cache(maxsize=4096)
def _first_word(alias: str) -> str:
    """The alias's first word past "the", lower-cased, as a text's words are split."""
    words = re.findall(r"[^\W_]+", alias.lower())
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return words[0] if words else ""


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
    body = r"[\s.\-'\u2019&]{1,3}".join(parts)  # "Johnson & Johnson", "U.S.", "Al-Ahli"
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
    # Every alias standing in the text as whole words, and every source named in it.
    rows: list[tuple[str, int]] = list(
        aliases_matching(text, match=AliasMatch.WITHIN).values_list("alias", "source_id")
    )
    rows += (
        Source.objects.alias(_text=Value(text.lower(), output_field=CharField()))
        .filter(_text__contains=Lower("name"))
        .values_list("name", "id")
    )
    with connection.cursor() as cursor:
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
    rows = list(dict.fromkeys(rows))
    named = _governments_named(text) + _people_by_surname(text)
    lexicon = Lexicon(sources=_source_tree([*(s for _, s in rows), *(s for _, s, _ in named)]))
    for alias, source_id in rows:
        pattern = _alias_pattern(alias)
        if pattern is not None:
            lexicon.patterns.append((pattern, alias, source_id, "alias"))
    for alias, source_id, method in named:
        pattern = _alias_pattern(alias)
        if pattern is not None:
            lexicon.patterns.append((pattern, alias, source_id, method))
    _add_people(lexicon, text)
    _add_office_holders(lexicon, text)
    return lexicon


def _people_by_surname(text: str) -> list[tuple[str, int, str]]:
    """Registered people named by their surname alone ("Trump" for Donald Trump), where no
    other registered person has that surname."""
    words = set(re.findall(r"\b[A-Z][\w\-\u2019']{3,}", text))
    if not words:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id, name FROM sources_source
            WHERE kind = ANY(%s) AND split_part(name, ' ', 1) <> name
            """,
            [list(PERSON_KINDS)],
        )
        people = cursor.fetchall()
    by_surname: dict[str, list[int]] = {}
    for source_id, name in people:
        parts = [w for w in name.split() if w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
        by_surname.setdefault(parts[-1], []).append(source_id)
    return [
        (surname, ids[0], "surname")
        for surname, ids in by_surname.items()
        if surname in words and len(ids) == 1
    ]


def _governments_named(text: str) -> list[tuple[str, int, str]]:
    """Registered governments named in ``text`` as news names them (see gazetteer.py)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT s.id, s.name, array_remove(array_agg(a.alias), NULL)
            FROM sources_source s LEFT JOIN sources_sourcealias a ON a.source_id = s.id
            WHERE s.parent_id IS NULL AND s.kind = %s
            GROUP BY s.id
            """,
            [SourceKind.GOVERNMENT.value],
        )
        governments = cursor.fetchall()
    lowered = text.lower()
    found = []
    for source_id, name, aliases in governments:
        country = country_named(name, tuple(aliases))
        if country is None:
            continue
        for word in country.speaking_names:
            if word and word.lower() in lowered:
                found.append((word, source_id, "gazetteer"))
    return found


# A person named with the role that makes them speak for a source: "Kremlin spokesman
# Dmitry Peskov", "Indian Foreign Secretary Vikram Misri", "WADA President Witold Banka",
# "U.S. Secretary of State Antony Blinken"; and in apposition: "Dmitry Peskov, the
# Kremlin's spokesman". Not a former official, nor the opposition's.
NOT_FOR_THE_SOURCE = r"(?:former|ex|opposition|rebel|exiled|dissident)"
ROLE = (
    # Up to three words before the head, and a body's acronym: "Defence Forces (IDF) official".
    rf"(?P<role>(?:(?!{NOT_FOR_THE_SOURCE}\b)[A-Za-z\-]+\s+){{0,3}}?(?:\([A-Z]{{2,6}}\)\s+)?"
    # The role's head word in any case ("Foreign Secretary", "spokesman"), or a title's
    # abbreviation ("Gov.", "Sen.").
    r"(?i:spokes(?:person|man|woman)|(?:prime\s+)?minister|secretary|president|premier"
    r"|ambassador|envoy|chief(?:\s+executive)?|director|head|general|commander|advis[eo]r|official|chair(?:man|woman)?"
    r"|CEO|leader|governor|senator|lawmaker|negotiator|diplomat|attorney\s+general|mayor"
    r"|representative|coordinator|commissioner|administrator|gov\.|sen\.|rep\.|gen\."
    r"|clerk|officer|executive|manager|supervisor|auditor|registrar|inspector|superintendent"
    r"|scientist|researcher|epidemiologist|counsel)"
    r"(?:\s+(?:of|for)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)"
)
NOT_SPEAKING_FOR = re.compile(rf"\b{NOT_FOR_THE_SOURCE}(?:-|\s+)(?:the\s+)?$", re.I)
PERSON_NAME = r"(?P<person>[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){1,3})"
ROLE_THEN_NAME = re.compile(rf"^(?:['\u2019]s)?\s+{ROLE}\s*,?\s+{PERSON_NAME}")
NAME_THEN_ROLE = re.compile(rf"{PERSON_NAME},\s+(?:the\s+|a\s+)?$")
# "Jack Sellers, chair of the Maricopa County Board", "Susan Gapstur, senior vice president
# of Epidemiology Research at the American Cancer Society": the role, then its source.
NAME_ROLE_OF = re.compile(
    rf"{PERSON_NAME},\s+(?:the\s+|a\s+|an\s+)?{ROLE}(?:\s+(?:and\s+|of\s+(?:the\s+)?|&\s+)?[A-Z][\w\-]*){{0,4}}"
    r"\s+(?:of|at|for)\s+(?:the\s+)?$"
)
ROLE_AFTER_NAME = re.compile(rf"^(?:['\u2019]s)?\s+{ROLE}\b")
# Capitalised words that start a sentence or a title, never a person's name.
NOT_A_NAME = frozenset(["The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It"])


# A headline is one short line.
HEADLINE_CHARS = 200


def _in_a_headline(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in title case (most words capitalised)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if end - start > HEADLINE_CHARS:
        return False
    words = re.findall(r"[A-Za-z][\w'\u2019\-]*", text[start:end])
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and capitalised / len(words) > 0.7


def _add_people(lexicon: Lexicon, text: str) -> None:
    """Names of the people the text presents as speaking for a source, and their surnames.

    Each is also kept as an Introduced speaker (lexicon.introduced): full name, role words
    as written and the source they speak for, for a reviewer to register.
    """
    # name -> (source id, label, full name, role words as written)
    people: dict[str, tuple[int, str, str, str]] = {}
    mentions = lexicon.mentions(text)
    departments = _departments_registered() if OFFICE_THEN_NAME.search(text) else {}
    starts = sorted((m.start, m.source.id) for m in mentions)
    for mention in mentions:
        if _in_a_headline(text, mention.start):
            continue  # "Kenvue CEO Urges RFK Jr. Not to…": capitals say nothing there
        if NOT_SPEAKING_FOR.search(text, max(0, mention.start - 30), mention.start):
            continue  # "former Russian ambassador…", "opposition leader…"
        after = text[mention.end : mention.end + 160]
        found = ROLE_THEN_NAME.match(after)
        if found is not None:
            role = found.group("role")
            person = found.group("person")
            role_end = mention.end + found.start("person")
            if any(
                mention.end < at < role_end and source_id != mention.source.id
                for at, source_id in starts
            ):
                # "Trump urged Georgia Secretary of State Brad Raffensperger": the nearest
                # source before the role is the one the person speaks for.
                continue
            written = text[mention.start : mention.end + found.end("role")]
        elif owner := NAME_ROLE_OF.search(text, max(0, mention.start - 200), mention.start):
            role, person = owner.group("role"), owner.group("person")
            written = text[owner.start("role") : mention.end]
        else:
            before = NAME_THEN_ROLE.search(text, max(0, mention.start - 80), mention.start)
            role_after = ROLE_AFTER_NAME.match(after)
            if before is None or role_after is None:
                continue
            role, person = role_after.group("role"), before.group("person")
            written = text[mention.start : mention.end + role_after.end("role")]
            if article := re.search(r"\b(?:the|a|an)\s+$", text[: mention.start]):
                written = article.group(0) + written  # "the Kremlin's spokesman"
        words = person.split()
        if words[0] in NOT_A_NAME:
            continue
        label = f"{mention.text} {role.strip()}"
        written = " ".join(written.split())
        speaks_for = _department_of(mention.source, role, departments) or mention.source.id
        people.setdefault(person, (speaks_for, label, person, written))
        surname = words[-1]
        if len(surname) > 2 and surname not in NOT_A_NAME:
            people.setdefault(surname, (speaks_for, label, person, written))
    lexicon.sources.update(_source_tree({p[0] for p in people.values()} - set(lexicon.sources)))
    for name, (source_id, label, person, written) in people.items():
        pattern = _alias_pattern(name)
        if pattern is not None:
            alias = f"{name} ({label})"
            lexicon.patterns.append((pattern, alias, source_id, "role"))
            lexicon.introduced[alias] = Introduced(
                name=person, kind=SourceKind.OFFICIAL.value, parent_id=source_id, role=written
            )


# A title news gives an official without naming the country: "Attorney General William
# Barr", "Health Secretary Robert F. Kennedy Jr.", "Gov. Doug Ducey" (gazetteer.py), then
# the person's name. What may stand before it: the start of a clause, a word in lower case,
# a party's adjective, or a country's name ("U.S. Attorney General …", the country not
# registered but the department is). A registered name before it is _add_people's.
_TITLES = sorted(NATIONAL_OFFICES.keys() | STATE_OFFICES, key=len, reverse=True)
OFFICE_THEN_NAME = re.compile(
    r"(?<![\w.\-'\u2019])(?P<prefix>(?:[A-Z][\w.]*\s+){0,2}?)(?P<office>"
    + "|".join(
        r"\s+".join(
            (re.escape(w) if not w[0].isalpha() else f"[{w[0].upper()}{w[0]}]" + re.escape(w[1:]))
            for w in title.split()
        )
        for title in _TITLES
    )
    # A surname alone will do after a title: "President Trump said".
    + r")\s+(?P<person>[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'\u2019\-]+)){0,3})"
)
# The word before a title in lower case, when the title is the speaker's own: "said",
# "by", "the" (not "the company president …", another body's officer).
BEFORE_TITLE = re.compile(
    r"(?:^|\n\s*|[^\w\s]\s*|\b(?:the|and|or|but|by|with|from|to|for|of|as|when|while|after"
    r"|before|that|said|says|told|then)\s+)$",
    re.I,
)
PARTY_PREFIX = frozenset(["Republican", "Democratic", "Democrat", "The", "And", "But"])
NAME_SUFFIXES = frozenset(["Jr", "Jr.", "Sr", "Sr.", "II", "III"])


def _add_office_holders(lexicon: Lexicon, text: str) -> None:
    """The people the text presents by an office's title alone, as speaking for the
    registered department that office heads, or for the one registered country (or U.S.
    state, for a state's office) the text names; kept as Introduced speakers like
    _add_people's. With two countries named, a bare title says nothing of whose it is."""
    offices = list(OFFICE_THEN_NAME.finditer(text))
    if not offices:
        return
    mentions = lexicon.mentions(text)
    nations = {
        m.source.top_id
        for m in mentions
        if m.source.kind == SourceKind.GOVERNMENT
        and m.source.top_name not in US_STATES
        and m.source.top_name.lower() in countries()
    }
    states = {m.source.top_id for m in mentions if m.source.top_name in US_STATES}
    departments = _departments_registered()
    taken = {i.name for i in lexicon.introduced.values()}
    for found in offices:
        person, office = found.group("person"), " ".join(found.group("office").lower().split())
        start = found.start("office")
        if _in_a_headline(text, start) or NOT_SPEAKING_FOR.search(text, max(0, start - 30), start):
            continue
        if person in taken or any(
            m.start < found.end() and found.start() < m.end for m in mentions
        ):
            continue  # a registered name in it or before it: "Texas Attorney General Ken Paxton"
        if not BEFORE_TITLE.search(text, max(0, found.start() - 40), found.start()):
            continue
        prefix = found.group("prefix").split()
        country = countries().get(prefix[-1].lower()) if prefix else None
        if prefix and country is None and prefix[-1] not in PARTY_PREFIX:
            continue  # "Ohio Secretary of State …": a place nobody registered
        department = departments.get(NATIONAL_OFFICES.get(office, ""))
        if department is not None and (country is None or country.code == "US"):
            parent = department
        elif country is not None:
            continue
        elif office in STATE_OFFICES and len(states) == 1:
            parent = next(iter(states))
        elif office in NATIONAL_OFFICES and len(nations) == 1:
            parent = next(iter(nations))
        else:
            continue
        if parent not in lexicon.sources:
            lexicon.sources.update(_source_tree([parent]))
        written = " ".join(text[found.start("office") : found.end("person")].split())
        words = [w for w in person.split() if w not in NAME_SUFFIXES]
        names = [person] + ([words[-1]] if len(words) > 1 and len(words[-1]) > 2 else [])
        label = f"{found.group('office')}"
        for name in names:
            pattern = _alias_pattern(name)
            if pattern is None:
                continue
            alias = f"{name} ({label})"
            lexicon.patterns.append((pattern, alias, parent, "role"))
            lexicon.introduced[alias] = Introduced(
                name=person, kind=SourceKind.OFFICIAL.value, parent_id=parent, role=written
            )
        taken.add(person)


def _department_of(source: SourceInfo, role: str, departments: dict[str, int]) -> int | None:
    """The registered department whose head the role words name, for the country whose
    departments gazetteer.DEPARTMENTS lists: "U.S. Attorney General William Barr" speaks for
    a registered Justice Department, the most specific actor registered."""
    office = " ".join(role.lower().split())
    country = countries().get(source.top_name.lower())
    if country is None or country.code != "US" or not departments:
        return None
    return departments.get(NATIONAL_OFFICES.get(office, ""))


def _departments_registered() -> dict[str, int]:
    """The departments of NATIONAL_OFFICES a newsroom registered as top-level actors, by
    their key in DEPARTMENTS."""
    wanted = {normalize_alias(n): key for key, names in DEPARTMENTS.items() for n in names}
    rows = SourceAlias.objects.filter(
        normalized__in=list(wanted), source__parent__isnull=True
    ).values_list("normalized", "source_id")
    return {wanted[normalized]: source_id for normalized, source_id in rows}


# A body of a registered source named by it: "Iran's foreign ministry", "U.S. intelligence
# officials", "the Russian Defence Ministry". Its head word says it is a body of the state,
# not the state ("the Russian government" is Russia) nor a deed ("Russia's invasion").
ORGAN_NOT_BEFORE = (
    r"(?:said|says|told|its|their|his|her|the|and|or|has|have|had|was|were|is|are|that|which"
    r"|who|to|of|in|on|for|with|by|from|a|an)"
)
ORGAN = re.compile(
    rf"(?:['\u2019]s)?\s+(?P<organ>(?:(?!{ORGAN_NOT_BEFORE}\b)[A-Za-z\-]+\s+){{0,2}}?"
    r"(?i:ministry|agency|intelligence|(?:security|intelligence|secret)\s+service|services?"
    r"|department|army|military|navy|air\s+force|armed\s+forces|police|embassy|mission"
    r"|council|commission|regulator|parliament|election\s+authority|electoral\s+council))\b"
    r"(?:\s+of\s+(?P<of>[A-Z][\w\-]+(?:\s+(?:and\s+)?[A-Z][\w\-]+){0,3}))?"
    # Who speaks for the body, kept with the role words: "U.S. intelligence officials".
    r"(?P<tail>\s+(?:officials?|spokes(?:person|man|woman)|sources?|chief|head))?"
)


def organ_introduced(text: str, mention: Mention) -> Introduced | None:
    """The body of ``mention``'s source that ``text`` names right after it, if any:
    "Iran's foreign ministry" for the mention "Iran" (article offsets; ``text`` whole)."""
    if mention.source.kind != SourceKind.GOVERNMENT:
        return None
    found = ORGAN.match(text, mention.end, min(len(text), mention.end + 80))
    if found is None:
        return None
    name = " ".join(
        text[mention.start : found.start("tail") if found.group("tail") else found.end()].split()
    )
    role = " ".join(text[mention.start : found.end()].split())
    return Introduced(
        name=name, kind=SourceKind.AGENCY.value, parent_id=mention.source.id, role=role
    )


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


PAIR = re.compile(r"^(?:both|the\s+two)\s+", re.I)


def pair_speakers(mentioned: Sequence[SourceInfo]) -> list[SourceInfo]:
    """ "Both countries", "the two governments": the last two countries named before."""
    pair: list[SourceInfo] = []
    for source in reversed(mentioned):
        top = source.top_id
        if (
            source.kind == "government"
            and source.parent_id is None
            and top not in {p.id for p in pair}
        ):
            pair.insert(0, source)
        if len(pair) == 2:
            return pair
    return []


COMPANY_WORDS = frozenset(["company", "firm", "drugmaker", "manufacturer", "maker"])
GOVERNMENT_WORDS = frozenset(["government", "administration"])


def pronoun_speaker(
    pronoun: str,
    recent: list[tuple[SourceInfo, bool]],
    mentioned: Sequence[SourceInfo] = (),
    nearby: Sequence[SourceInfo] = (),
) -> tuple[SourceInfo, bool] | None:
    """The source a pronoun or "the agency" stands for: the latest fitting speaker.

    ``recent`` holds each speaker so far with whether a person spoke for it
    ("Ukraine's defense minister said … He said": Ukraine); ``mentioned`` every source named
    so far, ``nearby`` those named in this sentence and the one before.
    """
    wants_person = pronoun in {"he", "she"} or pronoun.split()[-1] in {
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
    }
    wants_body = pronoun == "it" or (not wants_person and pronoun != "they")
    head = pronoun.split()[-1]
    kind = "agency" if head in {"agency", "service"} else ""
    if head in {"ministry", "department", "regulator"}:
        # "the ministry said": a body of the latest government named, spoken or not.
        for source in reversed(mentioned):
            if source.kind == SourceKind.GOVERNMENT and source.parent_id is None:
                return source, False
    if kind:
        # "the spy agency": the latest agency named, spoken or not.
        for source, person in reversed([*recent, *((m, False) for m in mentioned)]):
            if source.kind == kind:
                return source, person
    latest = recent[-1][0] if recent else None
    if head in COMPANY_WORDS and not (latest and latest.id in {n.id for n in nearby}):
        # "…also names Valeant Pharmaceuticals, which changed its name to Bausch Health. The
        # company declined to comment.": the organisation just named, spoken or not, unless
        # the latest speaker was named there too ("KP Law said… The firm says…").
        for source in reversed(nearby):
            if source.kind == SourceKind.GROUP:
                return source, False
    if head in GOVERNMENT_WORDS:
        # "The government says…": the latest government that spoke, else was named.
        for source, person in reversed([*((m, False) for m in mentioned), *recent]):
            if source.kind == SourceKind.GOVERNMENT:
                return source, person
    for source, person in reversed(recent):
        if wants_person and (source.is_person or person):
            return source, person
        if wants_body and not source.is_person:
            return source, person
        if pronoun == "they":
            return source, person
    return None


# What a name's possessive may be followed by and still speak for it: "Pakistan's army",
# "Russia's foreign ministry" (not "South Korea's spy company").
STATE_ORGANS = frozenset(
    [
        "army",
        "military",
        "navy",
        "armed",
        "forces",
        "government",
        "ministry",
        "foreign",
        "defence",
        "defense",
        "interior",
        "health",
        "office",
        "embassy",
        "administration",
        "cabinet",
        "presidency",
        "police",
    ]
)


def fuzzy_candidates(text: str, mentions: list[Mention]) -> list[tuple[str, int, int, bool]]:
    """Names no alias spelled exactly, with their spans: runs of capitalised words outside
    the exact mentions ("South Korean") and each of their words ("Russian"), and possessive
    phrases before a verb ("South Korea's spy company"). Longer candidates come first."""
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in re.finditer(
        r"\b(?P<np>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*['\u2019]s(?:\s+[a-z][\w\-]+){1,3})\s+"
        r"(?:has\s+|have\s+|also\s+)?(?:said|says|stated|reported|confirmed|suspects?)\b",
        text,
    ):
        found.append((match.group("np"), match.start("np"), match.end("np"), True))
    words = [
        w
        for w in re.finditer(r"\b[A-Z][\w\-]+", text)
        if not any(s < w.end() and w.start() < e for s, e in taken)
    ]
    runs: list[list[re.Match[str]]] = []
    for word in words:
        if runs and text[runs[-1][-1].end() : word.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
    for run in runs:
        # The run, then its beginnings ("South Korean" in "South Korean President Yoon
        # Suk Yeol"), then its words ("Russian").
        for last in range(len(run) - 1, 0, -1):
            found.append(
                (text[run[0].start() : run[last].end()], run[0].start(), run[last].end(), False)
            )
        found.extend((w.group(0), w.start(), w.end(), False) for w in run if len(w.group(0)) >= 4)
    return found


def _variant_of(phrase: str, *names: str) -> bool:
    """Whether a name found by similarity is a form of one of ``names``, not another name.

    Every capitalised word of the phrase must begin as a word of the names does
    ("South Korean" -> South Korea, "Ukrainian" -> Ukraine), so "United
    Nations" is not "United States" however alike they look.
    """
    known = {w.lower()[:4] for name in names for w in re.findall(r"[\w]+", name)}
    words = [w for w in re.findall(r"[\w]+", phrase) if w[0].isupper() and w.lower() != "the"]
    return all(w.lower()[:4] in known for w in words)


# How the adjective of a place ends: "Russian", "Chinese", "Israeli", "British", "Dutch".
DEMONYM = re.compile(r"(?:an|ese|i|ish|ic|ch)$")


def _fragment_of(phrase: str, before: str, after: str, alias: str) -> bool:
    """Whether a single word taken from a longer name is just a word of a longer alias:
    "United" in "United Nations" is not "United States", "Health" is not "Bausch Health"."""
    words = [w for w in alias.lower().split() if w != "the"]
    if " " not in phrase and len(words) > 1 and phrase.lower() in words[1:]:
        return True
    if " " not in phrase and re.match(r" [A-Z][a-z]", after) and not DEMONYM.search(phrase):
        return True  # a first name ("George Christenson"), not a place's adjective ("Russian")
    in_a_name = re.match(r" [A-Z][\w.]+", after) or re.search(r"(?:^|\s)[A-Z][\w.]+$", before)
    return " " not in phrase and len(words) > 1 and phrase.lower() in words and bool(in_a_name)


def resolve_mentions(text: str, offset: int, lexicon: Lexicon) -> list[Mention]:
    """Exact alias mentions plus fuzzy (trigram) ones in a stretch of article text.

    A fuzzy possessive phrase ("South Korea's spy company") replaces the exact
    mentions inside it, since it names something more specific.
    """
    mentions = lexicon.mentions(text, offset)
    other_names: list[tuple[int, int]] = []
    for phrase, start, end, possessive in fuzzy_candidates(text, lexicon.mentions(text)):
        if any(s <= start and end <= e for s, e in other_names):
            continue  # a word of another name: "United" in "United Nations"
        if possessive and set(
            re.split(r"['\u2019]s\s+", phrase, maxsplit=1)[-1].lower().split()
        ) <= (STATE_ORGANS):
            continue  # "Pakistan's army said": the state's own organ speaks for it
        mention = lexicon.fuzzy_mention(phrase, offset + start, offset + end)
        if mention is None:
            continue
        if not _variant_of(phrase, mention.alias, mention.source.name) or _fragment_of(
            phrase, text[:start].rstrip(" "), text[end:], mention.alias
        ):
            other_names.append((start, end))
            continue
        mentions = [m for m in mentions if not (m.start >= mention.start and m.end <= mention.end)]
        if any(m.start < mention.end and mention.start < m.end for m in mentions):
            continue
        mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)
