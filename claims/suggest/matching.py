"""Which active claims an article (and which of its sentences) bears on: PostgreSQL full-text search.

Each claim becomes one tsquery built from websearch-style pieces:

    (two of the claim's actors, each by any of its aliases) && (any topic term)

The actors are the sources named in the claim text ("North Korea", "Russia",
"Ukraine"), each widened to its aliases ("Pyongyang" OR "the North" OR
"DPRK"); with three actors any two must occur. The topic terms are the
claim's search terms (synonyms: ammunition, shells, missiles…) and the
content words of its text. The database then matches every claim at once
against the article's stored, GIN-indexed ``search_vector`` (one query), and
against the sentences of the matched article only (one more query).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection

from claims.models import Claim, ClaimStatus
from claims.suggest.speakers import lexicon_for
from sources.models import Source, SourceAlias

# Words of a claim's text that say nothing about its topic. Stop words proper
# are dropped by PostgreSQL's english configuration; these are the ones it keeps.
GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "its",
        "it",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "by",
        "with",
        "from",
        "at",
        "as",
        "that",
        "this",
        "than",
        "against",
        "into",
        "war",
        "wars",
        "fight",
        "fighting",
        "country",
        "countries",
        "nation",
        "nations",
        "people",
        "state",
        "states",
        "government",
        "support",
        "supports",
        "year",
        "years",
        "time",
    ]
)

TS_CONFIG = "english"


def _quoted(term: str) -> str:
    """One websearch term: a phrase in double quotes (websearch_to_tsquery syntax)."""
    return '"' + term.replace('"', " ").strip() + '"'


def websearch_any(terms: Sequence[str]) -> str:
    """A websearch_to_tsquery string matching any of ``terms`` (each a phrase)."""
    return " or ".join(_quoted(t) for t in terms if t.strip())


@dataclass(frozen=True)
class ClaimQuery:
    """How one claim is searched for: actor groups (any two) and topic terms (any one)."""

    claim_id: int
    actors: tuple[str, ...]  # websearch strings, one per actor (its aliases, OR-ed)
    topic: str  # websearch string (search terms and content words, OR-ed)
    terms: tuple[str, ...] = ()  # the claim's search terms
    words: tuple[str, ...] = ()  # content words of the claim text
    giver_id: int | None = None  # the first actor named: "North Korea supplies … to Russia"

    def sql(self) -> tuple[str, list[str]]:
        """A tsquery SQL expression and its parameters."""
        q = f"websearch_to_tsquery('{TS_CONFIG}', %s)"
        params: list[str] = []
        if len(self.actors) >= 2:
            pairs = []
            for a, b in itertools.combinations(self.actors, 2):
                pairs.append(f"({q} && {q})")
                params += [a, b]
            actors = "(" + " || ".join(pairs) + ")"
        elif self.actors:
            actors = q
            params.append(self.actors[0])
        else:
            actors = ""
        if not actors:
            return q, [self.topic]
        params.append(self.topic)
        return f"({actors} && {q})", params


def claim_queries(claims: Sequence[Claim] | None = None) -> list[ClaimQuery]:
    """The search query of each claim (all active claims unless given)."""
    if claims is None:
        claims = list(Claim.objects.filter(status=ClaimStatus.ACTIVE).order_by("pk"))
    if not claims:
        return []
    # One lexicon for all claim texts: the aliases they contain, found by the database.
    lexicon = lexicon_for("\n".join(c.text for c in claims))
    # An actor is named by its own aliases and those of who speaks or acts for it
    # ("Kim" for North Korea, "Shoigu" for Russia).
    family = source_families({m.source.id for c in claims for m in lexicon.mentions(c.text)})
    aliases_of: dict[int, set[str]] = {}
    rows = SourceAlias.objects.filter(source_id__in=family).values_list("source_id", "alias")
    for source_id, alias in rows:
        aliases_of.setdefault(family[source_id], set()).add(alias)
    queries = []
    for claim in claims:
        mentions = lexicon.mentions(claim.text)
        actors: list[str] = []
        seen: set[int] = set()
        for mention in mentions:
            if mention.source.id in seen:
                continue
            seen.add(mention.source.id)
            names = sorted(aliases_of.get(mention.source.id, set()) | {mention.source.name})
            actors.append(websearch_any(names))
        rest = claim.text
        for mention in reversed(mentions):
            rest = rest[: mention.start] + " " + rest[mention.end :]
        words = [
            w
            for w in re.findall(r"[A-Za-z][\w'-]+", rest)
            if w.lower() not in GENERIC_WORDS and len(w) > 2
        ]
        terms = list(dict.fromkeys(claim.search_terms))
        words = [w for w in dict.fromkeys(words) if w not in terms]
        if not terms and not words:
            continue
        queries.append(
            ClaimQuery(
                claim.pk,
                tuple(actors),
                websearch_any([*terms, *words]),
                terms=tuple(terms),
                words=tuple(words),
                giver_id=mentions[0].source.id if mentions else None,
            )
        )
    return queries


def source_families(roots: Iterable[int]) -> dict[int, int]:
    """Every descendant of the given sources (and the sources themselves) -> its root."""
    family = {root: root for root in roots}
    frontier = list(family)
    while frontier:
        children = Source.objects.filter(parent_id__in=frontier).values_list("id", "parent_id")
        frontier = []
        for child, parent in children:
            if child not in family:
                family[child] = family[parent]
                frontier.append(child)
    return family


def _values(queries: Sequence[ClaimQuery]) -> tuple[str, list]:
    rows, params = [], []
    for query in queries:
        expression, query_params = query.sql()
        rows.append(f"(%s::bigint, {expression}, %s::text[], %s::text[])")
        params += [query.claim_id, *query_params, list(query.terms), list(query.words)]
    return "VALUES " + ", ".join(rows), params


@dataclass(frozen=True)
class SentenceMatch:
    claim_id: int
    term_hits: int  # search terms found in the sentence
    word_hits: int  # content words of the claim text found

    @property
    def weight(self) -> float:
        """How much topic the sentence shares: a search term counts 1, a claim word 1/2."""
        return self.term_hits + self.word_hits / 2


def claims_matching_article(*, article_id: int, queries: Sequence[ClaimQuery]) -> list[int]:
    """Ids of the claims whose query matches the article's stored search vector (one query)."""
    if not queries:
        return []
    values, params = _values(queries)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT q.claim_id
            FROM sources_article a CROSS JOIN ({values}) AS q(claim_id, query, terms, words)
            WHERE a.id = %s AND a.search_vector @@ q.query
            ORDER BY q.claim_id
            """,  # noqa: S608 - only placeholders are interpolated
            [*params, article_id],
        )
        return [row[0] for row in cursor.fetchall()]


def claims_matching_sentences(
    *, sentences: Sequence[str], queries: Sequence[ClaimQuery]
) -> dict[int, list[SentenceMatch]]:
    """For each sentence index, the claims it matches and how many topic terms it shares."""
    if not queries or not sentences:
        return {}
    values, params = _values(queries)
    hits = (
        "(SELECT count(*) FROM unnest({}) AS t(term) "  # noqa: S608 - placeholders only
        f"WHERE s.vector @@ websearch_to_tsquery('{TS_CONFIG}', '\"' || t.term || '\"'))"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT s.idx - 1, q.claim_id, {hits.format("q.terms")}, {hits.format("q.words")}
            FROM (
                SELECT idx, to_tsvector('{TS_CONFIG}', body) AS vector
                FROM unnest(%s::text[]) WITH ORDINALITY AS u(body, idx)
            ) AS s
            CROSS JOIN ({values}) AS q(claim_id, query, terms, words)
            WHERE s.vector @@ q.query
            ORDER BY s.idx, q.claim_id
            """,  # noqa: S608 - only placeholders are interpolated
            [list(sentences), *params],
        )
        found: dict[int, list[SentenceMatch]] = {}
        for index, claim_id, term_hits, word_hits in cursor.fetchall():
            found.setdefault(index, []).append(SentenceMatch(claim_id, term_hits, word_hits))
    return found
