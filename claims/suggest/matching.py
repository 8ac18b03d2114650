"""Which active claims an article (and which of its sentences) bears on: PostgreSQL full-text search.

Each claim has one tsquery built from websearch-style pieces:

    (two of the claim's actors, each by any of its aliases) && (any topic term)

The actors are the sources named in the claim text ("North Korea", "Russia",
"Ukraine"), each widened to its aliases ("Pyongyang" OR "the North" OR
"DPRK"); with three actors any two must occur. The topic terms are the
claim's search terms (synonyms: ammunition, shells, missiles…) and the
content words of its text.

The query is compiled once and stored on the claim (``match_query``, with the
``match_terms``/``match_words`` the sentence scoring counts and the
``match_giver``). The database marks it stale (NULL) when the claim's text
or search terms change and, for every claim, when a source or an alias
changes (triggers, claims migration 0004); ``claims_compile`` recompiles the
stale active claims in one batch, and only them. Matching an article is then
one SQL statement joining ``claims_claim``: the active claims sharing a topic
lexeme with the article (``match_lexemes``, GIN-indexed; a claim whose topic is
only stop words is always read) against the article's stored ``search_vector``,
and the matched ones against the article's sentences. No Python runs per claim
per article, and claims the article cannot match are not read.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction

from claims.models import Claim, ClaimStatus
from claims.suggest.gazetteer import country_named
from claims.suggest.speakers import PERSON_KINDS, lexicon_for
from sources.models import Source, SourceAlias, SourceKind

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


def prefix_phrase(name: str) -> str:
    """A to_tsquery phrase for a place or body's name and the words formed from it.

    "North Korea" -> 'north <-> korea:*', which also matches "North Korean(s)";
    "Russia" -> "Russian", "Ukraine" -> "Ukrainian". Only plain words, and
    only when the last one is long enough not to be the start of many others
    (not "US", "Kyiv", acronyms).
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not all(re.fullmatch(r"[A-Za-z]+", w) for w in words):
        return ""
    last = words[-1]
    if len(last) < 5 or last.isupper():
        return ""
    return " <-> ".join([*(w.lower() for w in words[:-1]), last.lower() + ":*"])


@dataclass(frozen=True)
class ClaimQuery:
    """How one claim is searched for: actor groups (any two) and topic terms (any one)."""

    claim_id: int
    actors: tuple[tuple[str, str], ...]  # per actor: websearch string (its aliases, OR-ed)
    # and to_tsquery string of its names' prefix phrases (North Korea:* for "North Korean")
    topic: str  # websearch string (search terms and content words, OR-ed)
    terms: tuple[str, ...] = ()  # the claim's search terms
    words: tuple[str, ...] = ()  # content words of the claim text
    giver_id: int | None = None  # the first actor named: "North Korea supplies … to Russia"

    def sql(self) -> tuple[str, list[str]]:
        """A tsquery SQL expression and its parameters."""
        q = f"websearch_to_tsquery('{TS_CONFIG}', %s)"
        params: list[str] = []

        def actor(names: str, prefixes: str) -> str:
            params.append(names)
            if not prefixes:
                return q
            params.append(prefixes)
            return f"({q} || to_tsquery('{TS_CONFIG}', %s))"

        if len(self.actors) >= 2:
            pairs = [
                f"({actor(*a)} && {actor(*b)})" for a, b in itertools.combinations(self.actors, 2)
            ]
            actors = "(" + " || ".join(pairs) + ")"
        elif self.actors:
            actors = actor(*self.actors[0])
        else:
            actors = ""
        if not actors:
            return q, [self.topic]
        params.append(self.topic)
        return f"({actors} && {q})", params


def claim_queries(claims: Sequence[Claim]) -> list[ClaimQuery]:
    """The search query of each claim, compiled in Python (``claims_compile`` stores them)."""
    if not claims:
        return []
    # One lexicon for all claim texts: the aliases they contain, found by the database.
    lexicon = lexicon_for("\n".join(c.text for c in claims))
    # An actor is named by its own aliases and those of who speaks or acts for it
    # ("Kim" for North Korea, "Shoigu" for Russia).
    family = source_families({m.source.id for c in claims for m in lexicon.mentions(c.text)})
    aliases_of: dict[int, set[str]] = {}
    prefixes_of: dict[int, set[str]] = {}
    rows = SourceAlias.objects.filter(source_id__in=family).values_list(
        "source_id", "alias", "source__kind"
    )
    for source_id, alias, kind in rows:
        aliases_of.setdefault(family[source_id], set()).add(alias)
        if kind not in PERSON_KINDS and (prefix := prefix_phrase(alias)):
            prefixes_of.setdefault(family[source_id], set()).add(prefix)
    queries = []
    for claim in claims:
        mentions = lexicon.mentions(claim.text)
        actors: list[tuple[str, str]] = []
        seen: set[int] = set()
        for mention in mentions:
            if mention.source.id in seen:
                continue
            seen.add(mention.source.id)
            aliases = aliases_of.get(mention.source.id, set()) | {mention.source.name}
            if mention.method == "gazetteer" or mention.source.kind == SourceKind.GOVERNMENT:
                # "Israeli", "the Kremlin": how news names the country (gazetteer.py).
                country = country_named(mention.source.name, tuple(aliases))
                aliases |= set(country.speaking_names) if country else set()
            names = sorted(aliases)
            prefixes = set(prefixes_of.get(mention.source.id, set()))
            if not mention.source.is_person and (prefix := prefix_phrase(mention.source.name)):
                prefixes.add(prefix)
            actors.append((websearch_any(names), " | ".join(f"({p})" for p in sorted(prefixes))))
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
        if query.terms or query.words:
            expression, query_params = query.sql()
        else:
            # Nothing to search for: compiled all the same, to a query that matches nothing.
            expression, query_params = "''::tsquery", []
        rows.append(f"(%s::bigint, {expression}, %s::text[], %s::text[], %s::bigint)")
        params += [
            query.claim_id,
            *query_params,
            list(query.terms),
            list(query.words),
            query.giver_id,
        ]
    return "VALUES " + ", ".join(rows), params


def claims_compile() -> int:
    """Compile and store the match query of every stale active claim (one batch); how many.

    The stale rows are locked while they are compiled, so a source or alias
    change committed meanwhile waits and then marks them stale again.
    """
    with transaction.atomic():
        stale = list(
            Claim.objects.select_for_update()
            .filter(status=ClaimStatus.ACTIVE, match_query__isnull=True)
            .only("pk", "text", "search_terms")
            .order_by("pk")
        )
        if not stale:
            return 0
        values, params = _values(claim_queries(stale))
        with connection.cursor() as cursor:
            # The claims' trigger lets only this statement write a compiled query.
            cursor.execute("SELECT set_config('claims.match_compiling', 'on', true)")
            cursor.execute(
                f"""
                UPDATE claims_claim AS c
                SET match_query = q.query, match_terms = q.terms, match_words = q.words,
                    match_giver_id = q.giver,
                    -- The topic's lexemes, as the query's phrases spell them: an article
                    -- matching the query has every lexeme of one phrase. Empty when the
                    -- topic is only stop words (then the claim is read for every article).
                    match_lexemes = ARRAY(
                        SELECT DISTINCT lexeme
                        FROM unnest(q.terms || q.words) AS t(term),
                             unnest(tsvector_to_array(to_tsvector('{TS_CONFIG}', t.term)))
                                 AS l(lexeme)
                        ORDER BY lexeme
                    )
                FROM ({values}) AS q(claim_id, query, terms, words, giver)
                WHERE c.id = q.claim_id
                """,  # noqa: S608 - only placeholders are interpolated
                params,
            )
            cursor.execute("SELECT set_config('claims.match_compiling', 'off', true)")
    return len(stale)


@dataclass(frozen=True)
class SentenceMatch:
    claim_id: int
    term_hits: int  # search terms found in the sentence
    word_hits: int  # content words of the claim text found
    giver_id: int | None = None  # the source the claim names first (see ClaimQuery)
    matches: bool = True  # the sentence matches the claim's whole query (not only topic words)
    # the search terms and claim words found: terms first, each in the claim's order
    found: tuple[str, ...] = ()

    @property
    def weight(self) -> float:
        """How much topic the sentence shares: a search term counts 1, a claim word 1/2."""
        return self.term_hits + self.word_hits / 2


@dataclass
class ArticleMatch:
    """The active claims an article matches, and for each sentence index what it matches."""

    claim_ids: list[int] = field(default_factory=list)
    by_sentence: dict[int, list[SentenceMatch]] = field(default_factory=dict)
    # Each matched claim's search terms and content words.
    topics: dict[int, tuple[list[str], list[str]]] = field(default_factory=dict)
    # Each matched claim's text: what it says happened (see service.claim_predicates).
    texts: dict[int, str] = field(default_factory=dict)
    # Claims read although the article does not match them (``include``): those whose query
    # the article does not match as a whole, and those outside whose period it is dated.
    unmatched: set[int] = field(default_factory=set)
    out_of_period: set[int] = field(default_factory=set)


def article_matches(
    *,
    article_id: int | None,
    sentences: Sequence[str],
    include: Sequence[int] = (),
    text: str = "",
    dated: dt.date | None = None,
) -> ArticleMatch:
    """Match one stored article and its sentences against all active claims (one statement).

    A claim with a period of validity (valid_from, valid_to) is matched only by an
    article whose original date (published_on, else page_date) lies within it.

    For each claim the article matches, every sentence that matches its query
    or shares a topic word with it (``matches`` tells which). Stale claims are
    compiled first (nothing to do once every query is stored).

    ``include`` names claims to read the article for whether it matches them or not (the
    "why" of a match: ``unmatched`` and ``out_of_period`` say which did not). With no
    ``article_id`` the article is ``text`` dated ``dated``, stored nowhere (a dry run).
    """
    claims_compile()
    if article_id is not None:
        article = "SELECT search_vector, coalesce(published_on, page_date) AS dated FROM sources_article WHERE id = %s"
        article_params: list = [article_id]
        # A value of its own (an InitPlan), so the claims' GIN index is searched with it.
        lexemes = "(SELECT tsvector_to_array(search_vector) FROM sources_article WHERE id = %s)"
        lexeme_params: list = [article_id]
    else:
        article = f"SELECT to_tsvector('{TS_CONFIG}', %s) AS search_vector, %s::date AS dated"
        article_params = [text, dated]
        lexemes = f"tsvector_to_array(to_tsvector('{TS_CONFIG}', %s))"
        lexeme_params = [text]
    with connection.cursor() as cursor:
        # Each matched claim's terms become tsqueries once (topic), not once per sentence.
        cursor.execute(
            f"""
            WITH judged AS (
                SELECT c.id, c.match_query, c.match_terms, c.match_words, c.match_giver_id,
                       c.text, c.status, coalesce(a.search_vector @@ c.match_query, false) AS whole,
                       -- A claim with a period of validity bears on articles of that period;
                       -- an article with no date at all is still read.
                       (a.dated IS NULL OR a.dated BETWEEN coalesce(c.valid_from, '-infinity')
                                                       AND coalesce(c.valid_to, 'infinity'))
                           AS in_period
                -- A subquery, not a CTE of its own: the planner pulls it up and reads the
                -- stored vector as it reads a column (a CTE's copy measured 2.5 times slower
                -- with 3,000 claims).
                FROM ({article}) AS a CROSS JOIN claims_claim c
                -- Only the claims the article can match: those sharing a topic lexeme with
                -- it (GIN index on match_lexemes), those whose topic is only stop words,
                -- and those asked for.
                WHERE (c.status = %s AND c.match_lexemes && {lexemes})
                   OR (c.status = %s AND c.match_lexemes = '{{}}'::text[])
                   OR c.id = ANY(%s::bigint[])
            ), matched AS MATERIALIZED (
                SELECT * FROM judged
                WHERE (status = %s AND whole AND in_period) OR id = ANY(%s::bigint[])
            ), sentence AS MATERIALIZED (
                SELECT idx, to_tsvector('{TS_CONFIG}', body) AS vector
                FROM unnest(%s::text[]) WITH ORDINALITY AS u(body, idx)
            ), topic AS MATERIALIZED (
                SELECT m.id, m.match_query, t.is_term, t.n, t.word,
                       websearch_to_tsquery('{TS_CONFIG}', '"' || t.word || '"') AS query
                FROM matched m
                CROSS JOIN LATERAL (
                    SELECT word, true, n FROM unnest(m.match_terms) WITH ORDINALITY AS w(word, n)
                    UNION ALL
                    SELECT word, false, n FROM unnest(m.match_words) WITH ORDINALITY AS w(word, n)
                ) AS t(word, is_term, n)
            ), hits AS (
                SELECT t.id, s.idx,
                       bool_or(s.vector @@ t.match_query) AS whole,
                       count(*) FILTER (WHERE t.is_term) AS terms,
                       count(*) FILTER (WHERE NOT t.is_term) AS words,
                       array_agg(t.word ORDER BY NOT t.is_term, t.n) AS found
                FROM topic t JOIN sentence s ON s.vector @@ t.query
                GROUP BY t.id, s.idx
            )
            -- Each matched claim once, then its sentences, with no join between the two:
            -- the planner cannot know their sizes, and a nested loop over both grew with
            -- the square of the claims matched (3,000 claims, 750 matched: 561,000 rows).
            SELECT id, match_terms, match_words, match_giver_id, NULL::bigint, NULL::boolean,
                   0::bigint, 0::bigint, NULL::text[], whole, in_period, text
            FROM matched
            UNION ALL
            SELECT id, NULL::text[], NULL::text[], NULL::bigint, idx - 1, whole, terms, words,
                   found, NULL::boolean, NULL::boolean, NULL::text
            FROM hits
            ORDER BY 1, 5 NULLS FIRST
            """,  # noqa: S608 - only placeholders are interpolated
            [
                *article_params,
                ClaimStatus.ACTIVE.value,
                *lexeme_params,
                ClaimStatus.ACTIVE.value,
                list(include),
                ClaimStatus.ACTIVE.value,
                list(include),
                list(sentences),
            ],
        )
        found = ArticleMatch()
        givers: dict[int, int | None] = {}
        for row in cursor.fetchall():
            claim_id, terms, words, giver_id, index, matches, term_hits, word_hits = row[:8]
            words_found, whole, in_period, claim_text = row[8:]
            if index is None:
                # The claim's own row, before its sentences' (NULLS FIRST).
                found.claim_ids.append(claim_id)
                found.topics[claim_id] = (list(terms or []), list(words or []))
                found.texts[claim_id] = claim_text or ""
                givers[claim_id] = giver_id
                if not whole:
                    found.unmatched.add(claim_id)
                if not in_period:
                    found.out_of_period.add(claim_id)
                continue
            found.by_sentence.setdefault(index, []).append(
                SentenceMatch(
                    claim_id,
                    term_hits,
                    word_hits,
                    givers[claim_id],
                    bool(matches),
                    tuple(dict.fromkeys(words_found or ())),
                )
            )
    for matches in found.by_sentence.values():
        matches.sort(key=lambda m: m.claim_id)
    return found


def sentence_words(*, pairs: Sequence[tuple[int, str]]) -> list[list[str]]:
    """For each (claim id, sentence): the claim's search terms and words the sentence has,
    terms first, as matching counts them (one statement for all; the queue's "matched on")."""
    if not pairs:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT p.n, array_agg(t.word ORDER BY NOT t.is_term, t.n)
            FROM unnest(%s::bigint[], %s::text[]) WITH ORDINALITY AS p(claim_id, body, n)
            JOIN claims_claim c ON c.id = p.claim_id
            CROSS JOIN LATERAL (
                SELECT word, true, n FROM unnest(c.match_terms) WITH ORDINALITY AS w(word, n)
                UNION ALL
                SELECT word, false, n FROM unnest(c.match_words) WITH ORDINALITY AS w(word, n)
            ) AS t(word, is_term, n)
            WHERE to_tsvector('{TS_CONFIG}', p.body)
                  @@ websearch_to_tsquery('{TS_CONFIG}', '"' || t.word || '"')
            GROUP BY p.n
            """,  # noqa: S608 - only placeholders are interpolated
            [[claim for claim, _ in pairs], [text for _, text in pairs]],
        )
        found = {n: list(dict.fromkeys(words)) for n, words in cursor.fetchall()}
    return [found.get(n, []) for n in range(1, len(pairs) + 1)]
