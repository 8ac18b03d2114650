"""Why a claim matched an article, or did not: which sentences, on which of the claim's words,
which speaker, alias and cue; and, for sentences on the claim's topic that gave no suggestion,
what was missing (no known actor, no attribution cue, outside the claim's period…).

Recomputed on demand by the suggester's own reading (service.article_reading, traced), not
stored with the suggestions: a stored reason would go stale as the registry grows (the
proposed source a reviewer accepts turns "no known actor" into a match), it would weigh on
every suggestion task whether anyone looks or not, and a reading the task did not keep (a
claim the article does not match at all, a sentence pasted in the dry run) has nothing
stored to show. A reading costs what the task's costs (a long story about a second), once
per page that asks. The dry run on the claim page is the same reading of the pasted text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from claims.models import Claim, ClaimStatus, ProposedSource, Stance
from claims.suggest.attribution import cue_words
from claims.suggest.service import Proposal, Reading, SentenceTrace, article_reading
from claims.suggest.speakers import SourceInfo, lexicon_for
from sources.models import Article

# Why a sentence sharing words with a claim does not bear on it (service._Reader._not_bearing).
NOT_BEARING = {
    "little_topic": (
        "too little of the claim's topic: it needs one of the claim's search terms, or two "
        "words of its text"
    ),
    "other_doer_named": "no known actor of this claim: it names another claim's doer instead",
    "no_actor": (
        "no known actor: it names none of the claim's actors, and too little of its topic "
        "to count without them"
    ),
    "shared_topic": (
        "no known actor: it names none of the claim's actors, and its topic words are shared "
        "with another claim this article matches"
    ),
    "reversed": "it tells of the claim the other way round: the claim's doer receiving",
    "rival_topic": (
        "it is in the words of a rival account of the same event only, none of this claim's own"
    ),
}
# Why a speaker's statement on a claim was left out (service._Reader._propose).
SKIPPED = {
    "other_doer": "{source}'s statement is about another doer than this claim's",
    "own_deed": "{source} would assert its own deed without owning up to it",
    "another_matter": "{source}'s statement says nothing of what the claim says happened",
    "other_matter": "{source}'s silence is about another matter than this claim",
}
# How the speaker was found (Mention.method), in words.
FOUND_BY = {
    "alias": "by a registered name",
    "trigram": "by a close spelling",
    "gazetteer": "as news names the country",
    "role": "by the role words that present them",
    "surname": "by surname",
    "pronoun": "by pronoun",
    "quotation": "as the speaker of a running quotation",
}
# A name in a sentence: two or more capitalised words ("Maria Zakharova").
NAME = re.compile(r"\b[A-Z][\w'\u2019\-]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w'\u2019\-]+)+")
NOT_NAMES = frozenset(["The", "A", "An", "In", "On", "But", "And", "He", "She", "It", "They"])


@dataclass(frozen=True)
class Statement:
    """A suggestion the reading makes on the claim in one sentence."""

    source: str
    speaks_for: str  # the top-level source, the timeline's lane
    position: str
    alias: str  # the words that named the speaker
    found_by: str  # how, in words
    cue: str
    confidence: float
    quote: str
    proposed: str = ""  # the unregistered speaker proposed as a source, if any
    stance_id: int | None = None  # the stance that records it on this article, if any
    stance_status: str = ""


@dataclass
class SentenceWhy:
    start: int
    end: int
    text: str
    words: list[str]  # the claim's search terms and words found in it, terms first
    names_actors: bool  # it matches the claim's whole query (its actors and topic)
    back_reference: bool  # it bears on the claim by referring back to the story's claims
    statements: list[Statement] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # why no suggestion (or why not filed)

    @property
    def suggested(self) -> bool:
        return bool(self.statements) and not self.missing


@dataclass
class ClaimWhy:
    claim: Claim
    matches: bool  # the article matches the claim's query as a whole, in its period
    problems: list[str]  # what keeps the whole article from the claim
    sentences: list[SentenceWhy]

    @property
    def suggested(self) -> list[SentenceWhy]:
        return [s for s in self.sentences if s.suggested]

    @property
    def not_suggested(self) -> list[SentenceWhy]:
        return [s for s in self.sentences if not s.suggested]


def article_explain(*, article: Article, claims: Sequence[Claim] = ()) -> list[ClaimWhy]:
    """For every claim the article matches, and for each of ``claims`` whether it does or
    not, why: one reading for the claims it matches, one more for each of ``claims`` it does
    not (a claim read in alone changes nothing for the others)."""
    reading = article_reading(article, traced=True)
    matched = set(reading.matched.claim_ids) if reading.matched else set()
    wanted = {c.pk: c for c in claims}
    by_id = Claim.objects.in_bulk(matched | set(wanted))
    found = [_claim_why(article, by_id[pk], reading) for pk in sorted(matched)]
    for pk, claim in wanted.items():
        if pk not in matched:
            alone = article_reading(article, include=[pk], traced=True)
            found.append(_claim_why(article, claim, alone))
    order = {pk: n for n, pk in enumerate(wanted)}
    found.sort(key=lambda w: (w.claim.pk not in order, order.get(w.claim.pk, 0), w.claim.text))
    return found


def text_explain(*, claim: Claim, text: str, dated: dt.date | None = None) -> ClaimWhy:
    """The dry run: whether and how ``text`` (a sentence an editor pastes) would match the
    claim, dated ``dated`` (today if not given). The task's reading; nothing is stored."""
    article = Article(title="", text=text, published_on=dated or dt.date.today())
    return _claim_why(article, claim, article_reading(article, include=[claim.pk], traced=True))


def _claim_why(article: Article, claim: Claim, reading: Reading) -> ClaimWhy:
    matched = reading.matched
    problems = _article_problems(article, claim, reading)
    in_claim = {
        index
        for index, matches in (matched.by_sentence.items() if matched else ())
        if any(m.claim_id == claim.pk for m in matches)
    }
    in_claim |= {i for i, t in reading.trace.items() if claim.pk in t.factors}
    starts = [s.start for s in reading.sentences]
    proposals: dict[int, list[Proposal]] = {}
    for p in reading.proposals:
        if p.claim_id == claim.pk:
            proposals.setdefault(bisect.bisect_right(starts, p.start) - 1, []).append(p)
    in_claim |= set(proposals)
    recorded = _recorded(article, claim)
    proposed = _proposed([p for ps in proposals.values() for p in ps])
    sentences = []
    for index in sorted(in_claim):
        sentence = reading.sentences[index]
        match = next(
            (
                m
                for m in (matched.by_sentence.get(index, []) if matched else [])
                if m.claim_id == claim.pk
            ),
            None,
        )
        trace = reading.trace.get(index)
        why = SentenceWhy(
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            words=list(match.found) if match else [],
            names_actors=bool(match and match.matches),
            back_reference=bool(trace and trace.factors.get(claim.pk, 1.0) < 1.0),
        )
        why.statements = [
            _statement(article, p, recorded, proposed) for p in proposals.get(index, [])
        ]
        if why.statements:
            why.missing = list(problems)
        else:
            why.missing = [*problems, *_missing(claim.pk, sentence.text, trace)]
        sentences.append(why)
    return ClaimWhy(claim=claim, matches=not problems, problems=problems, sentences=sentences)


def _article_problems(article: Article, claim: Claim, reading: Reading) -> list[str]:
    """What keeps the article as a whole from the claim, whatever its sentences say."""
    problems = []
    if claim.status != ClaimStatus.ACTIVE:
        problems.append("the claim is archived: no article is matched to it")
    matched = reading.matched
    if matched is None or claim.pk in matched.out_of_period:
        dated = article.published_on or article.page_date
        when = f"{dated.day} {dated:%b %Y}" if dated else "undated"
        problems.append(
            f"outside the claim's period: the article is dated {when}, the claim is valid "
            f"{claim.validity}"
        )
    if matched is None or claim.pk in matched.unmatched:
        problems.append(f"the article as a whole does not match the claim: {_needs(claim)}")
    return problems


def _needs(claim: Claim) -> str:
    """What the claim's query asks of an article, in words."""
    names = list(dict.fromkeys(m.source.name for m in lexicon_for(claim.text).mentions(claim.text)))
    topic = "one of its search terms or words"
    if len(names) >= 3:
        return f"it must name two of {', '.join(names[:-1])} and {names[-1]} (or their aliases), and {topic}"
    if len(names) == 2:
        return f"it must name both {names[0]} and {names[1]} (or their aliases), and {topic}"
    if names:
        return f"it must name {names[0]} (or an alias), and {topic}"
    return f"it must have {topic}"


def _missing(claim_id: int, text: str, trace: SentenceTrace | None) -> list[str]:
    """Why a sentence on the claim's topic gave no suggestion on it."""
    if trace is None:
        return ["not read (past the article's reading budget)"]
    if claim_id not in trace.factors:
        # (A sentence that refers back to the story's claims bears on them all the same.)
        reason = trace.not_bearing.get(claim_id, "")
        return [NOT_BEARING.get(reason, "it does not bear on the claim")]
    if claim_id in trace.skipped:
        return [
            SKIPPED[code].format(source=source.name) for source, code in trace.skipped[claim_id]
        ]
    unknown = _unknown_names(text, trace)
    named = f" (not registered: {', '.join(unknown)})" if unknown else ""
    if not trace.frames:
        cues = cue_words(text)
        if cues:
            return [
                f"no known actor: \u2018{cues[0]}\u2019 has no registered source as its speaker{named}"
            ]
        return ["no attribution cue: nobody is said to say, deny or confirm anything in it"]
    if not trace.speakers:
        pronouns = [f.pronoun for f in trace.frames if f.pronoun]
        if pronouns:
            return [f"no known actor: \u2018{pronouns[0]}\u2019 stands for no speaker named before"]
        if all(f.relay or f.media for f in trace.frames):
            return ["the attribution names a reporter, not a speaker ('according to state media')"]
        return [
            f"no known actor: \u2018{trace.frames[0].cue}\u2019 names no registered source{named}"
        ]
    return [
        "another reading of the same statement was kept (a hedge, or a specific verb over "
        "\u2018said\u2019; a repeated sentence counts once)"
    ]


def _unknown_names(text: str, trace: SentenceTrace) -> list[str]:
    offset = trace.sentence.start
    taken = [(m.start - offset, m.end - offset) for m in trace.mentions]
    names = []
    for found in NAME.finditer(text):
        words = found.group(0).split()
        if words[0] in NOT_NAMES:
            continue
        if not any(s < found.end() and found.start() < e for s, e in taken):
            names.append(found.group(0))
    return names[:3]


def _recorded(article: Article, claim: Claim) -> list[tuple[int, int, int, int, str]]:
    if article.pk is None:
        return []
    return list(
        Stance.objects.filter(article=article, claim=claim).values_list(
            "pk", "source_id", "quote_start", "quote_end", "status"
        )
    )


def _proposed(proposals: list[Proposal]) -> dict[str, str]:
    """The summary of each unregistered speaker's open proposal, by name (one query)."""
    names = {p.proposed.name for p in proposals if p.proposed is not None}
    if not names:
        return {}
    rows = ProposedSource.objects.filter(name__in=names).select_related("parent")
    return {row.name: f"{row.summary} [{row.state}]" for row in rows}


def _statement(
    article: Article,
    p: Proposal,
    recorded: list[tuple[int, int, int, int, str]],
    proposed: dict[str, str],
) -> Statement:
    stance = next(
        (
            (pk, status)
            for pk, source_id, start, end, status in recorded
            if source_id == p.source.id and start < p.end and p.start < end
        ),
        (None, ""),
    )
    introduced = p.proposed
    if introduced is not None:
        label = proposed.get(introduced.name) or (
            f"{introduced.name} \u2014 {introduced.kind}, speaks for {p.source.name}"
            f" (from \u2018{introduced.role}\u2019)"
        )
    else:
        label = ""
    return Statement(
        source=p.source.name,
        speaks_for=_top(p.source),
        position=p.position,
        alias=str(p.evidence.get("alias", "")),
        found_by=FOUND_BY.get(str(p.evidence.get("alias_method", "")), ""),
        cue=str(p.evidence.get("cue", "")),
        confidence=p.confidence,
        quote=article.text[p.start : p.end],
        proposed=label,
        stance_id=stance[0],
        stance_status=stance[1],
    )


def _top(source: SourceInfo) -> str:
    return source.top_name
