"""Suggested stances for one article: match claims, read attributions, file them for review."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from claims.models import (
    Claim,
    DatePrecision,
    Position,
    ReviewStatus,
    Stance,
    SuggestionRun,
)
from claims.proposals import proposed_source_file
from claims.services import stance_create
from claims.suggest.attribution import (
    ROLE_WORDS,
    Frame,
    frames_in_clause,
    negated_scope,
    position_for,
)
from claims.suggest.dating import article_date, date_expressions, dateline_date
from claims.suggest.matching import ArticleMatch, SentenceMatch, article_matches
from claims.suggest.sentences import Span, dateline_at, split_clauses, split_sentences
from claims.suggest.speakers import (
    PAIR,
    Introduced,
    Lexicon,
    Mention,
    SourceInfo,
    _source_tree,
    fuzzy_candidates,
    lexicon_add_fuzzy,
    lexicon_for,
    organ_introduced,
    pair_speakers,
    pronoun_speaker,
    resolve_mentions,
)
from sources.models import Article, Source
from sources.services import ingest_jobs_note

logger = logging.getLogger(__name__)

# "Moscow and Pyongyang have denied the accusations": a sentence that refers
# back to the one before takes over that sentence's claims.
BACK_REFERENCE = re.compile(
    r"\b(?:den(?:y|ies|ied)|dismiss(?:es|ed)?|reject(?:s|ed)?|refut(?:e|es|ed)|confirm(?:s|ed)?"
    r"|counter(?:s|ed)?|rebut(?:s|ted)?"
    r"|acknowledg(?:e|es|ed)|comment(?:ed)? on|respond(?:ed)? to|call(?:s|ed)?)\s+(?:it|this|that|them"
    r"|the\s+(?:[A-Z][\w.]*\s+|\w+ern\s+)?(?:accusations?|allegations?|claims?|charges?|reports?)"
    r"|such\s+\w+|these\s+\w+)\b"
    r"|\bthe\s+(?:[\w.]+\s+)?(?:accusations?|allegations?|claims?|charges?|reports?)"
    r"\s+(?:of\s+(?:[\w\-]+\s+){1,3})?(?:were|was|are|is)\b"
    # "bears responsibility for this grave incident"
    r"|\b(?:this|that|these|those)\s+(?:\w+\s+)?(?:incidents?|attacks?|events?|tragedy|crimes?"
    r"|acts?|matter|case|allegations?|accusations?)\b"
    # "Johnson & Johnson says its product is safe": the product the story is on.
    r"|\b(?:its|their)\s+(?:\w+\s+)?(?:products?|drugs?|vaccines?|medicines?|treatments?)"
    r"\s+(?:is|are|was|were|remains?)\s+(?:\w+ly\s+)?safe\b",
    re.I,
)
# What is given "in return for" the matter of a sentence is presupposed, not
# stated, and left out of matching (the exchange itself, "in return", stays):
# stated: "help from Russia in return for offering weapons" is about help.
EXCHANGE = re.compile(r"\b(in return|in exchange) for\b.*", re.I | re.S)
# Nor is the question a speaker was asked: "When asked whether the visit was
# to discuss getting weapons from North Korea, Kirby said…"
QUESTION = re.compile(
    r"^(?:when |after being |if )?asked (?:about )?(?:whether|if|about)\b[^,]*,", re.I
)
RIGHT_AFTER_CUE = re.compile(
    r"[\s,]*(?:(?:in|at|during)\s+(?:an?|the|its)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+[\s,]*)?", re.I
)
PERFECT_TENSE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,3}$", re.I)
# Confidence lost when a sentence only refers back to the claim, and when the
# speaker is a pronoun or a quote continuation rather than a name.
BACK_REFERENCE_FACTOR = 0.85
# A sentence must share this much topic with a claim (a search term counts 1,
# a word of the claim's text 1/2): "denied arms transfers" is enough, "vowed to
# boost military ties" is not.
MIN_TOPIC_WEIGHT = 1.0
# ... and this much when the sentence names none of the claim's actors (see _distinct_topics).
RELAXED_TOPIC_WEIGHT = 2.0
TO_SOURCE = re.compile(r"\bto\s+(?:the\s+)?$", re.I)
# The giver as the one given to: "could provide North Korea with", "is supplying Pyongyang with".
GIVEN_TO = re.compile(
    r"\b(?:provid|suppl|giv|gave|send|sent|sell|sold|ship|transfer|deliver|offer)\w*\s+(?:the\s+)?$",
    re.I,
)
# … or as the one who receives: "Pyongyang to receive", "North Korea is getting".
RECEIVES = re.compile(
    r"^(?:['\u2019]s)?\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:receiv|get|gett|got|obtain|acquir|import)\w*\b",
    re.I,
)
FROM_SOURCE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
PRONOUN_FACTOR = 0.8
# One's part in a deed, denied: "denied any involvement", "denies responsibility for", "denied
# that it was behind".
OWN_PART = re.compile(
    r"^[\s\u201c\u201d\"]*(?:(?:any|all|its|their|his|her)\s+)?(?:\w+\s+)?"
    r"(?:involvement|responsibility|role|part)\b"
    r"|^[\s,]*(?:that\s+)?(?:it|they|he|she)\s+(?:was|were|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:involved|responsible|behind)\b",
    re.I,
)
# How many sentences without claims a reference back may reach over: "Pyongyang's
# foreign ministry did not immediately comment. Moscow has repeatedly denied…"
RUNNING_SENTENCES = 2
# A no-comment line says nothing of its own: "did not immediately comment", "had no
# immediate comment", "declined to comment on the reports".
GENERIC_TAIL = re.compile(
    r"^[\s,]*(?:(?:on|about|to|regarding)\s+(?:the|these|those|such|its|their)?\s*(?:[\w\-]+\s*){0,2})?[.\s\u201d\"]*$",
    re.I,
)
QUOTE_FACTOR = 0.75
# What is read of an article (see article_proposals): a long story is some 50,000
# characters, a long sentence some 600; a list of more than 20 names is a roll-call.
MAX_TEXT_CHARS = 200_000
MAX_SENTENCE_CHARS = 2_000
MAX_SPEAKERS_PER_FRAME = 20
# How many lines from the top a dateline may open the story on (a title may come first).
STORY_OPENING_LINES = 4


@dataclass
class Proposal:
    """A suggested stance before it is saved."""

    claim_id: int
    source: SourceInfo
    position: str
    start: int
    end: int
    stated_on: dt.date
    precision: str
    confidence: float
    attributed_via: str = ""
    attributed_via_source: SourceInfo | None = None
    evidence: dict = field(default_factory=dict)
    # A speaker the registry does not know who said it for ``source`` (Kremlin spokesman
    # Dmitry Peskov for Russia): filed as a proposed source for a reviewer to register.
    proposed: Introduced | None = None


def story_date(article: Article) -> dt.date:
    """The day a story speaks from: its dateline's date ("KYIV, Nov 6 (Reuters) -"),
    else the article's date. "On Tuesday" counts back from it."""
    base = article_date(article)
    text = article.text
    start = 0
    for _ in range(STORY_OPENING_LINES):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        dateline = dateline_at(text, start, end)
        if dateline is not None and dateline.date_words:
            return dateline_date(dateline.date_words, base) or base
        if end >= len(text):
            break
        start = end + 1
    return base


def _stated_on(
    article: Article, base: dt.date, frame: Frame, sentence: Span
) -> tuple[dt.date, str, str]:
    """When the speaker spoke: a date phrase by the attribution, else the story's date."""
    text = article.text
    # Look where the attribution is, not in what was said ("final fall it sent troops",
    # said by intelligence officials on the article's date).
    if frame.trailing:
        lo = frame.cue_start
        hi = sentence.end
    else:
        lo = sentence.start
        hi = frame.complement[0]
    window = text[lo:hi]
    after = text[frame.cue_end : min(frame.cue_end + 60, sentence.end)]
    for words in (window, after):
        found = date_expressions(words, base)
        if words is after:
            # Right after the verb ("said earlier this week", "said in a statement on
            # Tuesday"), not inside what was said.
            found = [f for f in found if RIGHT_AFTER_CUE.fullmatch(words[: f[0]])]
        if found:
            _, _, stated = found[-1] if words is window else found[0]
            return stated.date, stated.precision, stated.expression
    if frame.via is not None and frame.via.trailing:
        # "North Korea has confirmed …, KCNA reported on Monday": when it was reported.
        found = date_expressions(text[frame.via.cue_start : sentence.end], base)
        if found:
            stated = found[0][2]
            return stated.date, stated.precision, stated.expression
    if PERFECT_TENSE.search(text[sentence.start : frame.cue_start] + " ") or re.match(
        r"(?:has|have)\b", frame.cue, re.I
    ):
        # "has denied": said some time before the article, in the same month at best.
        return base.replace(day=1), DatePrecision.MONTH, ""
    return base, DatePrecision.DAY, ""


# Words that call an event faked: a claim in them says it was staged.
FALSITY = re.compile(
    r"\b(?:staged|stage-managed|fabricat\w*|fake[sd]?|faked|hoax\w*|false[\s-]flag)\b", re.I
)


def _said(frame: Frame) -> str:
    start, end = frame.complement
    return frame.clause.text[start - frame.clause.start : end - frame.clause.start]


def _reversed(match: SentenceMatch, sentence: Span, mentions: list[Mention]) -> bool:
    """Whether the sentence tells of the claim's reverse direction.

    The first actor a claim names gives to the others ("North Korea supplies
    weapons … to Russia", "Russia gives North Korea … help"). "Ammunition to
    Russia to help in its invasion" bears on the first claim, not on the
    second, although it shares "help" with it; nor does "Russia could provide
    North Korea with technology" or "Pyongyang to receive weapons technology
    from Moscow" bear on the first.
    """
    if match.giver_id is None:
        return False
    to_giver = from_giver = False
    for mention in mentions:
        if match.giver_id not in (mention.source.id, mention.source.top_id):
            continue
        before = sentence.text[: mention.start - sentence.start]
        after = sentence.text[mention.end - sentence.start :]
        if mention.method == "gazetteer" and re.match(r"\s+[a-z]", after):
            continue  # a demonym before its noun: "responded to Pakistani gunfire"
        to_giver = to_giver or bool(TO_SOURCE.search(before) or GIVEN_TO.search(before))
        to_giver = to_giver or bool(RECEIVES.match(after))
        from_giver = from_giver or bool(FROM_SOURCE.search(before))
    return to_giver and not from_giver


# Whom a deed is aimed at, not who did it: "a missile launched from within Gaza towards
# Israel", "violence against Israel".
TARGET_BEFORE = re.compile(r"\b(?:towards?|against)\s+(?:the\s+)?$", re.I)


def _giver_only_as_target(match: SentenceMatch, sentence: Span, mentions: list[Mention]) -> bool:
    """Whether a sentence names the claim's doer only as what a deed was aimed at."""
    named = [
        m
        for m in mentions
        if match.giver_id is not None and match.giver_id in (m.source.id, m.source.top_id)
    ]
    return bool(named) and all(
        TARGET_BEFORE.search(sentence.text, 0, m.start - sentence.start) for m in named
    )


def _names_giver(match: SentenceMatch, mentions: list[Mention], sentence: Span) -> bool:
    return match.giver_id is not None and any(
        match.giver_id in (m.source.id, m.source.top_id)
        and not TARGET_BEFORE.search(sentence.text, 0, m.start - sentence.start)
        for m in mentions
    )


# Cues that lay the blame: "blamed", "accused", "condemned the Iranian attack", "called the
# sinking a crime".
BLAMING_CUE = re.compile(r"^(?:blam|accus|condemn|denounc|call)", re.I)


def _others_said(match: SentenceMatch, frames: list[Frame]) -> Iterator[tuple[Frame, str]]:
    """Each asserting frame of a speaker other than the claim's doer, with what it said."""
    for frame in frames:
        if frame.position != Position.ASSERTS:
            continue
        if not frame.speakers or any(
            match.giver_id in (m.source.id, m.source.top_id) for m in frame.speakers
        ):
            continue
        start, end = frame.complement
        yield frame, frame.clause.text[start - frame.clause.start : end - frame.clause.start]


def _doer_named_in(frame: Frame, match: SentenceMatch, mentions: list[Mention]) -> list[Mention]:
    """The mentions of the claim's doer inside what ``frame`` said."""
    start, end = frame.complement
    return [
        m
        for m in mentions
        if start <= m.start < end and match.giver_id in (m.source.id, m.source.top_id)
    ]


def _blames_giver(match: SentenceMatch, frames: list[Frame], mentions: list[Mention]) -> bool:
    """Whether a speaker other than the claim's doer blames the doer, named in what it
    said: "Seoul called the sinking a crime, adding that Iran must stop…"; or names the
    doer and a word of the claim's deed: "said its navy answered Iran's attacks on the
    ship"."""
    for frame, said in _others_said(match, frames):
        if not BLAMING_CUE.match(frame.cue) and not _mentions_topic(
            said, [match], [match.claim_id]
        ):
            continue  # "said its navy answered Iran's attacks on the ship" names the deed
        if _doer_named_in(frame, match, mentions):
            return True
    return False


def _accuses_of_deed(match: SentenceMatch, frames: list[Frame], mentions: list[Mention]) -> bool:
    """Whether a speaker other than the claim's doer accuses the doer, by name, of the deed
    a word of the claim's text names: "accusing India of committing violations" (of "India
    violated the ceasefire"). An accusation names the deed in a word of its own ("violations",
    "attacks"), so one word of the claim's text is topic enough."""
    if match.giver_id is None or not match.word_hits:
        return False
    for frame, said in _others_said(match, frames):
        if not BLAMING_CUE.match(frame.cue) or not _mentions_topic(said, [match], [match.claim_id]):
            continue
        start = frame.clause.start
        if any(
            not _accuser(frame.clause.text, m.start - start, m.end - start)
            for m in _doer_named_in(frame, match, mentions)
        ):
            return True
    return False


def _refers_back(
    sentence: Span,
    frames: list[Frame],
    matches: list[SentenceMatch],
    running: list[int],
    causal: bool = False,
) -> bool:
    """Whether a sentence without claims of its own is about the claims of the story so far.

    It is when it refers back ("have denied the accusations", "called such
    reports a smear"), when a no-comment line says nothing of its own ("did not
    immediately comment"), or when a no-comment line or a speaker referred to
    ("he said", "both countries deny") shares topic words with them ("declined
    to say whether the two sides were discussing arms sales", "deny the arms
    transfers").
    """
    if BACK_REFERENCE.search(sentence.text):
        return True
    topical = bool({m.claim_id for m in matches if m.term_hits or m.word_hits} & set(running))
    for frame in frames:
        if frame.position == Position.NO_COMMENT:
            # What follows the cue and its speakers ("no response from Pakistan …").
            said_from = max([frame.cue_end, *(m.end for m in frame.speakers)])
            tail = frame.clause.text[said_from - frame.clause.start :]
            if GENERIC_TAIL.match(tail) or topical:
                return True
        elif frame.pronoun and topical:
            return True
        elif frame.speakers and frame.position == Position.DENIES and topical:
            # "Tehran's minister said the shipments were never received": a
            # named speaker denying, in what it said, the topic of the story's claims.
            start, end = frame.complement
            said = frame.clause.text[start - frame.clause.start : end - frame.clause.start]
            if _mentions_topic(said, matches, running):
                return True
        if (
            causal
            and frame.speakers
            and frame.position in (Position.HEDGES, Position.DENIES)
            and CAUSAL_WORDS.search(
                frame.clause.text[
                    frame.complement[0] - frame.clause.start : frame.complement[1]
                    - frame.clause.start
                ]
            )
        ):
            # "The World Health Organization noted that some studies suggested a possible
            # association but that evidence is inconsistent": doubt or denial of "a link"
            # right after the story's word on a claim that something causes something.
            return True
    return False


CAUSAL_WORDS = re.compile(
    r"\b(?:causal\w*|causation|association|links?|linkage|connection)\b", re.I
)


# What a silence may be about and still be about the story: "declined to comment on who
# started the gunfire" (not "would not say how the administration obtained the information").
QUESTION_TAIL = re.compile(r"^[\s,]*(?:(?:on|about|regarding)\s+)?who\b", re.I)
# The role words a silent speaker's name may end with: "no statement by the Pakistani military".
ROLE_TAIL = re.compile(r"^(?:['\u2019]s)?(?:\s+(?:" + "|".join(sorted(ROLE_WORDS)) + r"))+\b", re.I)


# What makes or weighs a claim: a silence on "Paxton's lawsuit" or "the WHO's findings" is on
# the claims they make (not one on "Imerys Talc America's Chapter 11 filing").
CLAIMS_MADE = re.compile(
    r"\b(?:lawsuits?|suits?|complaints?|allegations?|accusations?|claims?|charges|reports?"
    r"|study|studies|findings?|rulings?|verdicts?|cases?|remarks|comments|statements?"
    r"|assessments?|research|evidence|conclusions?)\b",
    re.I,
)
# A name of two or more capitalised words, with its possessive: "Imerys Talc America's".
PROPER_NAME = re.compile(r"\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)+(?:['\u2019]s)?")


def _silent_on_the_story(frame: Frame) -> bool:
    """Whether a frame is a silence that says nothing of its own ("did not immediately
    respond to a request for comment", "declined to comment on who started the gunfire")."""
    if frame.position != Position.NO_COMMENT or not (frame.speakers or frame.pronoun):
        return False
    if REFERRED.match(frame.cue):
        return True  # "referred inquiries to Kenvue": whom to, not what about
    said_from = max([frame.cue_end, *(m.end for m in frame.speakers)])
    tail = ROLE_TAIL.sub("", frame.clause.text[said_from - frame.clause.start :], count=1)
    return bool(GENERIC_TAIL.match(tail) or QUESTION_TAIL.match(tail))


REFERRED = re.compile(r"^referred\b", re.I)


def _mentions_topic(text: str, matches: list[SentenceMatch], running: list[int]) -> bool:
    """Whether ``text`` has a topic word (by its first letters: "shipments" for "shipped")
    that the sentence shares with one of the story's claims."""
    words = {w for m in matches if m.claim_id in running for w in m.found}
    return any(re.search(r"\b" + re.escape(w[:5]), text, re.I) for w in words if len(w) > 3)


REPORTING_CUE = re.compile(r"^(?:says?|said|stated|tells?|told|(?:the\s+)?quotation)$", re.I)
RECIPROCAL = re.compile(r"^\s*(?:each\s+other|one\s+another)\b", re.I)
# Owning up to what one did: the one cue with which a source asserts its own deed.
OWNING_UP = re.compile(r"^(?:confirm|acknowledg|admit|conced)", re.I)


def _about_this_agent(
    frame: Frame,
    speaker: SourceInfo,
    giver: int,
    doers: set[int],
    mentions: list[Mention],
    *,
    mirror: bool,
    next_cue: int | None,
    every_doer: set[int] | frozenset[int] = frozenset(),
) -> bool:
    """Whether a statement bears on the claim whose doer (its first actor) is ``giver``.

    Claims on one event that differ in who did it ("Pakistan violated the ceasefire",
    "India violated the ceasefire"; "An Israeli airstrike caused the blast", "A
    misfired rocket caused the blast") are told apart by the doer named in what was
    said: "India accused Pakistan of violating…" bears on Pakistan's, "Hamas blamed an
    Israeli airstrike" on the airstrike. For claims that differ only in the doer, what
    names no doer still tells: a denial is the speaker's about itself ("Pakistan denied
    violating the ceasefire").
    """
    start, end = frame.complement
    if next_cue is not None and start < next_cue < end:
        end = next_cue  # "rejected the accusation and blamed Indian forces…": up to "blamed"
    text = frame.clause.text
    said = text[start - frame.clause.start : end - frame.clause.start]
    speaking_for = {speaker.id, speaker.top_id}
    if frame.inquiry:
        return True  # an inquiry into the event bears on every account of it
    if (
        frame.position == Position.DENIES
        and OWN_PART.match(said)
        and speaking_for & every_doer
        and not any(
            start <= m.start < end and {m.source.id, m.source.top_id} & every_doer - speaking_for
            for m in mentions
        )
    ):
        # "The ministry denied any involvement, blaming instead…": the doer of one of the
        # story's claims, denying its part and naming no other doer, denies its own deed.
        return giver in speaking_for
    if len(doers) < 2:
        return True
    if RECIPROCAL.match(said):
        # "India and Pakistan accused each other of…": each accuses the other.
        return giver not in (speaker.id, speaker.top_id)
    # The doer is named early in what was said, before any comma: "…accused India of
    # violating the truce, after blasts in Pakistan-administered Kashmir".
    comma = said.find(",", 1)
    end = start + comma if comma > 0 else end
    named = [
        m
        for m in mentions
        if start <= m.start < end
        and ({m.source.id, m.source.top_id} & doers)
        and not _accuser(text, m.start - frame.clause.start, m.end - frame.clause.start)
        and not _responder(text, m.end - frame.clause.start)
        and not TARGET_BEFORE.search(text, 0, m.start - frame.clause.start)
    ]
    if named:
        # "…blamed the United States, Britain and Ukraine for the blasts": every doer in a
        # list that ends in "and" or "or" is accused, not the first alone.
        listed = NAME_LIST.match(text, named[0].start - frame.clause.start)
        last = frame.clause.start + listed.end() if listed else named[0].end
        return any(
            giver in (m.source.id, m.source.top_id)
            for m in mentions
            if named[0].start <= m.start < last
            and not TARGET_BEFORE.search(text, 0, m.start - frame.clause.start)
        )
    if not mirror:
        return True
    if frame.position in (Position.DENIES, Position.NO_COMMENT):
        # "Pakistan denied violating the ceasefire", "There was no immediate response from
        # Pakistan": a doer's denial or silence answers for its own deed.
        speaking_for = {speaker.id, speaker.top_id}
        return giver in speaking_for or not speaking_for & doers
    return True  # an accusation of itself is _accuses_itself's to refuse


# Names in a list: "the United States, Britain, and Ukraine", "Russia or Belarus".
_NAME = r"(?:the\s+)?[A-Z][\w'\u2019.\-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019.\-]*)*"
NAME_LIST = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|or)\s+{_NAME}")


SET_ASIDE_BEFORE = re.compile(
    r"(?:\brather\s+than|\binstead\s+of|(?:^|[,;\u2014\u2013-])\s*(?:and\s+|but\s+)?not)"
    r"\s+(?:by\s+|from\s+)?(?:an?\s+|the\s+)?$",
    re.I,
)


def _set_aside(frame: Frame, giver: int, mentions: list[Mention]) -> bool:
    """Whether what was said names the claim's doer only as the one it was not: "sunk by a
    mine rather than by an Iranian torpedo", "…, not Tehran"."""
    start, end = frame.complement
    text = frame.clause.text
    named = [
        m for m in mentions if start <= m.start < end and giver in (m.source.id, m.source.top_id)
    ]
    return bool(named) and all(
        SET_ASIDE_BEFORE.search(text, 0, m.start - frame.clause.start) for m in named
    )


# Doubt about what shows the deed, not about details: "no conclusive link", "insufficient
# evidence" (not "no details").
DOUBTED_EVIDENCE = re.compile(
    r"conclusive|definitive|proven|established|evidence|proof|data|insufficient|inconsistent"
    r"|necessarily|suffice|prove",
    re.I,
)


def _accuses_itself(
    frame: Frame, speaker: SourceInfo, giver: int | None, mentions: list[Mention]
) -> bool:
    """Whether a statement would have its speaker assert its own deed without owning up.

    "Israel said the blast was caused by a misfired rocket" names Israel, the doer of
    "An Israeli airstrike caused the blast", only as its speaker: it is no assertion
    of that claim. "North Korea confirmed it sent troops" owns up, and counts.
    """
    if giver is None or frame.position != Position.ASSERTS:
        return False
    if giver not in (speaker.id, speaker.top_id) or OWNING_UP.match(frame.cue):
        return False
    start, end = frame.complement
    text = frame.clause.text
    return not any(
        start <= m.start < end
        and giver in (m.source.id, m.source.top_id)
        and not _responder(text, m.end - frame.clause.start)
        for m in mentions
    )


# The claim's verb: "…baby powder causes cancer", "…violated the ceasefire", "…was stolen".
CLAIM_VERB = re.compile(r"(?<=\s)(?:is|are|was|were|has|have|had|[a-z]+(?:ed|es))\b")
# What lays the blame, whatever words the claim uses for the deed: "bears responsibility
# for this grave incident", "the ones behind", "a war crime".
BLAME_WORDS = re.compile(
    r"\b(?:responsib\w+|blam\w+|behind|fault|guilty|culprits?|crimes?|massacres?|attack\w*)\b",
    re.I,
)
# Cues that carry what is asserted in themselves: "accused", "blamed", "called the blast a
# crime", "linked", "confirmed" (see BLAMING_CUE, OWNING_UP).
ASSERTING_CUE = re.compile(
    r"^(?:accus|alleg|blam|charg|condemn|denounc|call|link|identif|classif|confirm|acknowledg"
    r"|admit|conced)",
    re.I,
)


def claim_predicates(text: str, terms: list[str], words: list[str]) -> re.Pattern[str] | None:
    """The words of a claim that say what happened, not what it happened to: from its verb
    on ("causes autism in children"), and the search terms its text does not use ("rigged",
    "asbestos"), by their first letters. None when the claim's verb is not found."""
    verb = CLAIM_VERB.search(text)
    if verb is None:
        return None
    subject = text[: verb.start()].lower()
    said = {
        w.lower()
        for w in re.findall(r"[\w\-]+", " ".join([*terms, *words, text[verb.start() :]]))
        # a short word only as an acronym: "LoC"
        if (len(w) > 3 or (len(w) == 3 and w[0].isupper() and not w.istitle()))
        and w.lower() not in subject
        and w.lower() not in PREDICATE_STOP
    }
    stems = sorted({_stem(w) for w in said})
    if not stems:
        return None
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(s) + (r"\w*" if len(s) > 4 else SHORT_ENDINGS) for s in stems)
        + ")",
        re.I,
    )


PREDICATE_STOP = frozenset(["with", "from", "through", "along", "into", "that", "this", "their"])
# A short stem takes only a word's endings: "rig" is "rigged", not "right".
SHORT_ENDINGS = r"(?:s|es|d|ed|ged|ging|ing|e)?\b"


def _stem(word: str) -> str:
    """A word's first letters, as far as they stay one word: "rigged" -> "rig",
    "violated" -> "viola", "autism" -> "autis"."""
    stem = re.sub(r"(?:ed|es|s|ing)$", "", word) if len(word) > 4 else word
    if stem != word and re.search(r"(?:ed|ing)$", word) and stem[-1] == stem[-2]:
        stem = stem[:-1]
    return stem[:5]


def _says_another_matter(
    frame: Frame, predicates: re.Pattern[str] | None, position: str | None = None
) -> bool:
    """Whether a plain statement ("said", "added", "argued") says nothing of what the claim
    says happened: "Kenvue argued there are few safe alternatives to the drug", "the agency
    says baby powder should be kept from a child's face" speak of the claim's subject, not of
    its deed. Such a statement asserts nothing of the claim."""
    if (
        predicates is None
        or (position or frame.position) != Position.ASSERTS
        or ASSERTING_CUE.match(frame.cue)
    ):
        return False
    start, end = frame.complement
    said = frame.clause.text[start - frame.clause.start : end - frame.clause.start]
    if "a claim attributed to the source" in frame.notes:
        said = frame.clause.text  # "comments by Trump linking the drug to autism"
    elif not frame.trailing:
        # An attribution inside what was said: "North Korean soldiers, Kyiv said, had learned…"
        # What was said goes on past a relative clause that ended its reading: "North Korea,
        # which has not commented, sent troops" (see _end_at_relative_clause).
        opening = min([frame.cue_start, *(m.start for m in frame.speakers)])
        said = (
            frame.clause.text[: opening - frame.clause.start]
            + " "
            + frame.clause.text[start - frame.clause.start :]
        )
    if not said.strip(" ,.;:\u201c\u201d\"'"):
        return False  # "According to Indian officials, …": what was said is not read here
    return not predicates.search(said) and not BLAME_WORDS.search(said)


def _negates_another_matter(frame: Frame, predicates: re.Pattern[str] | None) -> bool:
    """Whether a denial read from a negation in what was said negates something else than
    what the claim says happened: "said he did not respect the lawyers who told him he lost
    the election" denies no fraud. A denial cue ("denied", "rejected") is not weighed here."""
    if (
        predicates is None
        or frame.position != Position.DENIES
        or not frame.notes[:1]
        or not frame.notes[0].startswith("negated complement")
    ):
        return False
    start, end = frame.complement
    scope = negated_scope(frame.clause.text[start - frame.clause.start : end - frame.clause.start])
    words = re.findall(r"[\w\-]+", scope)
    # "Washington said it did not": too few words to tell what it denies.
    return len(words) > 4 and not predicates.search(scope) and not BLAME_WORDS.search(scope)


ACCUSATION_NOUN = r"(?:allegations?|accusations?|claims?|charges?|reports?|assertions?)"
ACCUSER_AFTER = re.compile(rf"^(?:['\u2019]s?)?\s+(?:\w+\s+)?{ACCUSATION_NOUN}\b", re.I)
ACCUSER_BEFORE = re.compile(rf"\b{ACCUSATION_NOUN}\s+(?:\w+\s+)?(?:by|from)\s+(?:the\s+)?$", re.I)


# Who answers a deed is not who did it: "Indian forces were instructed to respond firmly to
# any further violations", "Indian troops retaliated".
RESPONDER_AFTER = re.compile(
    r"^(?:['\u2019]s)?\s+(?:[\w\-]+\s+){0,5}?(?:respond|retaliat|react|hit\s+back)\w*", re.I
)


def _responder(text: str, end: int) -> bool:
    """Whether a name in what was said is the one who answered the deed (see RESPONDER_AFTER)."""
    return bool(RESPONDER_AFTER.match(text[end:]))


def _accuser(text: str, start: int, end: int) -> bool:
    """Whether a name in what was said is who accuses, not who did it: "India's allegations
    of breaching the ceasefire", "accusations by Kyiv"."""
    return bool(ACCUSER_AFTER.match(text[end:]) or ACCUSER_BEFORE.search(text[:start]))


def _distinct_topics(
    topics: dict[int, tuple[list[str], list[str]]],
) -> dict[int, re.Pattern[str] | None]:
    """Per matched claim, its topic words no other matched claim shares (as one pattern).

    A statement on a claim often names none of its actors ("the explosion was likely
    caused by a misfired rocket", "acetaminophen does not cause autism"). Once the
    article matches the claim whole, a sentence on the claim's own topic counts, as long
    as the words that carry it belong to this claim only: "Russia destroyed the dam" and
    "Ukraine destroyed the dam" share every topic word, so for them the sentence must
    still name the actor.
    """
    words = {
        pk: {w.lower() for w in [*terms, *claim_words] if len(w) > 3}
        for pk, (terms, claim_words) in topics.items()
    }
    # By stem: a search term ("sabotage") is no claim's own when another claim's text has it
    # in another form ("Ukrainians sabotaged the pipelines").
    claims_with = Counter(stem for own in words.values() for stem in {_stem(w) for w in own})
    found: dict[int, re.Pattern[str] | None] = {}
    for pk, own in words.items():
        distinct = sorted(word for word in own if claims_with[_stem(word)] == 1)
        found[pk] = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in distinct) + ")", re.I)
            if distinct
            else None
        )
    return found


def _own_topic(text: str, pattern: re.Pattern[str] | None) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _open_quote(text: str, paragraph_start: int, at: int) -> bool:
    before = text[paragraph_start:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


class SuggestionsStopped(Exception):
    """The article took longer to read than its budget; nothing was filed."""


@dataclass
class SentenceTrace:
    """What the reading made of one sentence: for the "why" of a match (explain.py)."""

    sentence: Span
    mentions: list[Mention]
    frames: list[Frame]
    speakers: list[Resolved]
    factors: dict[int, float]  # the claims it bears on (see _Reader._claims)
    not_bearing: dict[int, str]  # claims whose topic it shares without bearing on them: why
    skipped: dict[int, list[tuple[SourceInfo, str]]]  # statements left out, per claim: why


@dataclass
class Reading:
    """What one reading of an article proposes, and how much of the article it read."""

    proposals: list[Proposal]
    sentences_read: int = 0
    sentences_total: int = 0
    limits: list[str] = field(default_factory=list)  # what was left unread, and why
    # With ``traced``: what each sentence's reading found, and what the claims matched.
    trace: dict[int, SentenceTrace] = field(default_factory=dict)
    matched: ArticleMatch | None = None
    sentences: list[Span] = field(default_factory=list)


def article_reading(
    article: Article, *, include: Sequence[int] = (), traced: bool = False
) -> Reading:
    """What the suggester would propose for an article (nothing is saved).

    The task's reading, and the "why" of a match's too (explain.py): ``traced`` keeps what
    each sentence's reading found, and ``include`` reads the article also for claims it
    does not match (as a whole, or in the claim's period), saying which. An unsaved article
    (no pk: a dry run) is matched by its text.

    Only so much is read, and the reading says what it left: the first
    MAX_TEXT_CHARS of the text, sentences of at most MAX_SENTENCE_CHARS (a longer
    run without a full stop is no sentence a person wrote), at most
    settings.FACTCHECK_SUGGEST_SENTENCES sentences, at most MAX_SPEAKERS_PER_FRAME
    names per attribution. Past settings.FACTCHECK_SUGGEST_SECONDS reading stops
    with SuggestionsStopped.
    """
    deadline = time.monotonic() + settings.FACTCHECK_SUGGEST_SECONDS
    limits = []
    text = article.text[:MAX_TEXT_CHARS]
    if len(article.text) > MAX_TEXT_CHARS:
        limits.append(f"read the first {MAX_TEXT_CHARS:,} of {len(article.text):,} characters")
    every = split_sentences(text)
    sentences = [s for s in every if len(s.text) <= MAX_SENTENCE_CHARS]
    if skipped := len(every) - len(sentences):
        limits.append(
            f"skipped {skipped:,} run{'s' if skipped != 1 else ''} of more than "
            f"{MAX_SENTENCE_CHARS:,} characters without a full stop"
        )
    budget = settings.FACTCHECK_SUGGEST_SENTENCES
    if len(sentences) > budget:
        limits.append(f"read the first {budget:,} of {len(sentences):,} sentences")
    total, sentences = len(sentences), sentences[:budget]
    matched = article_matches(
        article_id=article.pk,
        sentences=[EXCHANGE.sub(r"\1", QUESTION.sub("", s.text)) for s in sentences],
        include=include,
        text=f"{article.title}\n{text}",
        dated=article.published_on or article.page_date,
    )
    if not matched.claim_ids:
        return Reading([], len(sentences), total, limits, matched=matched, sentences=sentences)
    reader = _Reader(article, text, sentences, matched)
    if traced:
        reader.trace = {}
    for index, sentence in enumerate(sentences):
        if time.monotonic() > deadline:
            raise SuggestionsStopped(
                f"stopped after {index} of {len(sentences)} sentences: reading took longer "
                f"than {settings.FACTCHECK_SUGGEST_SECONDS:g} s; nothing was filed"
            )
        reader.read(index, sentence)
    return Reading(
        _deduplicated(reader.proposals),
        len(sentences),
        total,
        limits,
        trace=reader.trace or {},
        matched=matched,
        sentences=sentences,
    )


def article_proposals(article: Article) -> list[Proposal]:
    """What the suggester would propose for an article (see article_reading)."""
    return article_reading(article).proposals


class _Reader:
    """One article read sentence by sentence, with what the reading carries from one
    sentence to the next: the speakers so far, the paragraph's, the claims the story
    is on."""

    def __init__(
        self, article: Article, text: str, sentences: list[Span], matched: ArticleMatch
    ) -> None:
        self.article = article
        self.text = text
        self.by_sentence = matched.by_sentence
        self.base = story_date(article)
        self.distinct = _distinct_topics(matched.topics)
        self.predicates = {
            pk: claim_predicates(matched.texts.get(pk, ""), terms, words)
            for pk, (terms, words) in matched.topics.items()
        }
        self.topics = matched.topics
        # Claims that are themselves an account of falsity: "the attack was staged".
        self.falsity = {pk for pk, t in matched.texts.items() if FALSITY.search(t or "")}
        self.givers = {
            m.claim_id: m.giver_id for ms in self.by_sentence.values() for m in ms if m.giver_id
        }
        self.all_doers = set(self.givers.values())
        self.lexicon: Lexicon = lexicon_for(text)
        names: list[str] = []
        speaker_phrases: list[str] = []
        for sentence in sentences:
            exact = self.lexicon.mentions(sentence.text)
            for phrase, _, _, speaker in fuzzy_candidates(sentence.text, exact):
                (speaker_phrases if speaker else names).append(phrase)
        lexicon_add_fuzzy(self.lexicon, names, speaker_phrases)

        self.proposals: list[Proposal] = []
        # Speakers so far, for "he said", "the agency said", with whether a person spoke.
        self.recent: list[tuple[SourceInfo, bool]] = []
        self.paragraph_start = 0
        self.paragraph_speakers: list[SourceInfo] = []
        self.running: list[int] = []  # the claims the story is on, for sentences that refer back
        self.running_age = 0  # sentences since a sentence had claims
        # The claims the story was last about, however long ago: those of the latest sentence
        # bearing on claims or sharing their topic (for a silence, see _silent_on_the_story).
        self.story: list[int] = []
        self.silence_only = False  # the sentence bears on the story's claims by its silence only
        self.inquiry_only: set[int] = set()  # claims the sentence bears on by an inquiry only
        self.mentioned: list[SourceInfo] = []  # every source named so far, for "the agency said"
        self.previous_mentioned: list[SourceInfo] = []  # those the sentence before named
        self.previous_end = 0
        # What each sentence's reading found, for the "why" of a match (explain.py); None
        # when nobody asks. The current sentence's claims it does not bear on, and the
        # statements left out, each with why (NOT_BEARING's and SKIPPED's keys).
        self.trace: dict[int, SentenceTrace] | None = None
        self.not_bearing: dict[int, str] = {}
        self.skipped: dict[int, list[tuple[SourceInfo, str]]] = {}

    def read(self, index: int, sentence: Span) -> None:
        if "\n" in self.text[self.previous_end : sentence.start]:
            self.paragraph_start, self.paragraph_speakers = sentence.start, []
        self.previous_end = sentence.end
        mentions = resolve_mentions(sentence.text, sentence.start, self.lexicon)
        frames: list[Frame] = []
        for clause in split_clauses(sentence):
            frames += frames_in_clause(clause, mentions)
        self.not_bearing, self.skipped = {}, {}
        factors = self._claims(index, sentence, mentions, frames)
        resolved = self._speakers(frames, mentions)
        self.mentioned += [m.source for m in mentions]
        self.previous_mentioned = [m.source for m in mentions]
        quote_speaker = self.paragraph_speakers[-1] if self.paragraph_speakers else None
        if (
            not frames
            and quote_speaker
            and _open_quote(self.text, self.paragraph_start, sentence.end)
        ):
            resolved.append(_quotation(sentence, quote_speaker))
        self._propose(sentence, frames, mentions, factors, resolved)
        if self.trace is not None:
            self.trace[index] = SentenceTrace(
                sentence=sentence,
                mentions=mentions,
                frames=frames,
                speakers=resolved,
                factors=factors,
                not_bearing=self.not_bearing,
                skipped=self.skipped,
            )

    def _claims(
        self, index: int, sentence: Span, mentions: list[Mention], frames: list[Frame]
    ) -> dict[int, float]:
        """The claims a sentence bears on, each with the factor its suggestions carry."""
        matches = self.by_sentence.get(index, [])
        # A sentence that names no claim's doer but as a speaker may bear on a claim by its
        # topic alone (see _distinct_topics); one that names a doer is about that doer.
        speaking = {(m.start, m.end) for f in frames for m in f.speakers}
        only_speakers = not any(
            (m.start, m.end) not in speaking
            and {m.source.id, m.source.top_id} & self.all_doers
            and not TARGET_BEFORE.search(sentence.text, 0, m.start - sentence.start)
            for m in mentions
        )
        factors: dict[int, float] = {}
        # Claims borne on by an accusation alone: "… countered the allegations by accusing
        # India of committing violations" still refers back to the claims before it.
        accused: set[int] = set()
        self.inquiry_only = set()
        for m in matches:
            reason = self._not_bearing(m, sentence, mentions, only_speakers=only_speakers)
            if reason == "little_topic" and _accuses_of_deed(m, frames, mentions):
                reason = ""
                accused.add(m.claim_id)
            if reason:
                self.not_bearing[m.claim_id] = reason
            else:
                factors[m.claim_id] = 1.0
        # Of rival accounts of one event ("the government gassed the town" / "the attack was
        # staged"), a sentence in the words of one alone is on that one: "Damascus denied
        # the chlorine attack" shares the town and the attack with the other account, not
        # its own words, and takes no side on it.
        own = {c for c in factors if _own_topic(sentence.text, self.distinct.get(c))}
        if own:
            for claim_id in [c for c in factors if c not in own and c not in accused]:
                if self.distinct.get(claim_id) is not None:
                    del factors[claim_id]
                    self.not_bearing[claim_id] = "rival_topic"
        if self.running_age <= RUNNING_SENTENCES:
            # The story goes on about a claim: "He said the North Korean soldiers had
            # suffered losses" names its giver and its topic, not its other actors.
            for m in matches:
                if (
                    m.claim_id in self.running
                    and m.claim_id not in factors
                    and (m.term_hits >= MIN_TOPIC_WEIGHT or _blames_giver(m, frames, mentions))
                    and _names_giver(m, mentions, sentence)
                    and not _reversed(m, sentence, mentions)
                ):
                    factors[m.claim_id] = BACK_REFERENCE_FACTOR
        if self.running_age <= RUNNING_SENTENCES:
            # "The ministry has denied any involvement": the doer of a claim the story is on
            # denies its part in it, whatever words the story uses for the deed.
            for frame in frames:
                if frame.position != Position.DENIES:
                    continue
                start, end = frame.complement
                said = frame.clause.text[start - frame.clause.start : end - frame.clause.start]
                if not OWN_PART.match(said):
                    continue
                for claim_id in self.running:
                    if claim_id not in factors and any(
                        self.givers.get(claim_id) in (m.source.id, m.source.top_id)
                        for m in frame.speakers
                    ):
                        factors[claim_id] = BACK_REFERENCE_FACTOR
        if any(f.inquiry and (f.speakers or f.pronoun) for f in frames) and (
            factors or self.running_age <= RUNNING_SENTENCES
        ):
            # "Canada is working … to determine what happened in the hospital blast": an
            # inquiry into the event is a hedge on every account of it the sentence touches.
            for m in matches:
                if (
                    m.claim_id not in factors
                    and m.weight >= MIN_TOPIC_WEIGHT
                    and not _reversed(m, sentence, mentions)
                ):
                    factors[m.claim_id] = BACK_REFERENCE_FACTOR
                    self.inquiry_only.add(m.claim_id)
        if (
            factors.keys() <= accused
            and self.running_age <= RUNNING_SENTENCES
            and _refers_back(
                sentence,
                frames,
                matches,
                self.running,
                causal=any(
                    re.match(r"(?:caus|link)", w, re.I)
                    for c in self.running
                    for w in self.topics.get(c, ([], []))[1]
                ),
            )
        ):
            for claim_id in self.running:
                factors.setdefault(claim_id, BACK_REFERENCE_FACTOR)
        self.silence_only = False
        if not factors and self.story and any(_silent_on_the_story(f) for f in frames):
            # "Trump campaign officials didn't immediately respond to AP requests for comment",
            # however far from the story's last word on a claim: a silence says nothing of its
            # own and is on the claims the story was last about. Only the silence is.
            for claim_id in self.story:
                factors[claim_id] = BACK_REFERENCE_FACTOR
            self.silence_only = True
        topical = [
            m.claim_id
            for m in matches
            if m.weight >= MIN_TOPIC_WEIGHT and not _reversed(m, sentence, mentions)
        ]
        if factors and not self.silence_only:
            self.story = list(factors)
        elif topical:
            self.story = topical
        if factors and not self.silence_only:
            self.running, self.running_age = list(factors), 0
        else:
            self.running_age += 1
        return factors

    def _not_bearing(
        self, m: SentenceMatch, sentence: Span, mentions: list[Mention], *, only_speakers: bool
    ) -> str:
        """Why a sentence sharing topic words with a claim does not bear on it by itself
        (one of NOT_BEARING's keys), or "" when it does."""
        if m.weight < MIN_TOPIC_WEIGHT:
            return "little_topic"
        if not m.matches or _giver_only_as_target(m, sentence, mentions):
            # It does not name the claim's actors: its topic alone may carry it.
            if not only_speakers:
                return "other_doer_named"
            if m.weight < RELAXED_TOPIC_WEIGHT:
                return "no_actor"
            if not _own_topic(sentence.text, self.distinct.get(m.claim_id)):
                return "shared_topic"
        if _reversed(m, sentence, mentions):
            return "reversed"
        return ""

    def _speakers(self, frames: list[Frame], mentions: list[Mention]) -> list[Resolved]:
        """Who speaks in each frame: its named speakers, or whom its pronoun stands for."""
        resolved: list[Resolved] = []
        for frame in sorted(frames, key=lambda f: f.cue_start):
            if frame.relay or frame.media:
                continue
            if frame.speakers:
                for mention in frame.speakers[:MAX_SPEAKERS_PER_FRAME]:
                    resolved.append(
                        (
                            frame,
                            mention.source,
                            mention.score,
                            mention.alias,
                            mention.method,
                            mention,
                        )
                    )
                    self.recent.append((mention.source, frame.person))
            elif frame.pronoun:
                # Earlier speakers of the same sentence count: "…, though they could not say".
                named = [
                    *self.mentioned,
                    *(m.source for m in mentions if m.end <= frame.cue_start),
                ]
                if PAIR.match(frame.pronoun):
                    for source in pair_speakers(named):
                        resolved.append(
                            (frame, source, PRONOUN_FACTOR, frame.pronoun, "pronoun", None)
                        )
                        self.recent.append((source, False))
                    continue
                nearby = [
                    *self.previous_mentioned,
                    *(m.source for m in mentions if m.end <= frame.cue_start),
                ]
                found = pronoun_speaker(frame.pronoun, self.recent, named, nearby)
                if found is not None:
                    resolved.append(
                        (frame, found[0], PRONOUN_FACTOR, frame.pronoun, "pronoun", None)
                    )
                    self.recent.append(found)
        return resolved

    def _propose(
        self,
        sentence: Span,
        frames: list[Frame],
        mentions: list[Mention],
        factors: dict[int, float],
        resolved: list[Resolved],
    ) -> None:
        givers = self.givers
        claim_ids = list(factors)
        # Who did it, in the claims this sentence bears on that differ only in who did it
        # (no topic word of their own: "Russia / Ukraine destroyed the dam").
        mirrors = {c for c in claim_ids if c in givers and self.distinct.get(c) is None}
        doers = {givers[c] for c in claim_ids if c in givers}
        for frame, source, score, alias, method, mention in resolved:
            self.paragraph_speakers.append(source)
            if self.silence_only and frame.position != Position.NO_COMMENT:
                continue
            if self.inquiry_only and not frame.inquiry:
                claims_here = [c for c in claim_ids if c not in self.inquiry_only]
            else:
                claims_here = claim_ids
            introduced = self._introduced(alias, method, mention)
            next_cue = min(
                (f.cue_start for f in frames if f.cue_start > frame.cue_end), default=None
            )
            for claim_id in claims_here:
                # "…was sunk by a mine rather than by an Iranian torpedo", "…the ones who
                # sank the ship, not Tehran": the doer set aside is denied.
                position = frame.position
                if position == Position.NO_COMMENT and self._silent_on_another_matter(
                    frame, claim_id
                ):
                    self.skipped.setdefault(claim_id, []).append((source, "other_matter"))
                    continue
                if (
                    position == Position.ASSERTS
                    and claim_id in givers
                    and _set_aside(frame, givers[claim_id], mentions)
                ):
                    position = Position.DENIES
                elif claim_id in givers and not _about_this_agent(
                    frame,
                    source,
                    givers[claim_id],
                    doers,
                    mentions,
                    mirror=claim_id in mirrors,
                    next_cue=next_cue,
                    every_doer=self.all_doers,
                ):
                    self.skipped.setdefault(claim_id, []).append((source, "other_doer"))
                    continue
                unnegated = _negates_another_matter(frame, self.predicates.get(claim_id))
                if unnegated:
                    # What was said, read without the negation that bears on another matter.
                    position = frame.cue_position
                elif (
                    position == Position.HEDGES
                    and frame.notes[:1]
                    and frame.notes[0].startswith("qualified doubt")
                    and DOUBTED_EVIDENCE.search(frame.notes[0])
                    and givers.get(claim_id) in (source.id, source.top_id)
                ):
                    # "J&J said larger studies found no conclusive link between the product and
                    # cancer": the doer doubting the evidence of its own deed denies it.
                    position = Position.DENIES
                elif (
                    position == Position.DENIES
                    and frame.cue_position == Position.ASSERTS
                    and claim_id in self.falsity
                    and FALSITY.search(_said(frame))
                ):
                    # "Moscow said the attack was a fabrication": calling the event fake
                    # denies that it happened, and so asserts the claim that it was staged.
                    position = Position.ASSERTS
                if _accuses_itself(frame, source, givers.get(claim_id), mentions):
                    self.skipped.setdefault(claim_id, []).append((source, "own_deed"))
                    continue
                if position == Position.ASSERTS and _says_another_matter(
                    frame, self.predicates.get(claim_id), position
                ):
                    self.skipped.setdefault(claim_id, []).append((source, "another_matter"))
                    continue
                stated_on, precision, date_words = _stated_on(
                    self.article, self.base, frame, sentence
                )
                via = frame.via
                via_source = via.speakers[0].source if via and via.speakers else None
                quote = frame.clause if len(frames) > 1 else sentence
                self.proposals.append(
                    Proposal(
                        claim_id=claim_id,
                        source=source,
                        position=position,
                        start=quote.start,
                        end=quote.end,
                        stated_on=stated_on,
                        precision=precision,
                        confidence=round(min(1.0, frame.strength * score * factors[claim_id]), 2),
                        attributed_via=via.text if via else "",
                        attributed_via_source=via_source,
                        evidence={
                            "cue": frame.cue,
                            "alias": alias,
                            "alias_method": method,
                            "sentence": sentence.text,
                            "notes": frame.notes
                            + (
                                [
                                    "the negation bears on another matter"
                                    if unnegated
                                    else "calling it fake asserts it was staged"
                                    if position == Position.ASSERTS
                                    else "the doer set aside"
                                    if frame.position == Position.ASSERTS
                                    else "the doer doubting its own deed"
                                ]
                                if position != frame.position
                                else []
                            ),
                            **({"date_words": date_words} if date_words else {}),
                            **({"back_reference": True} if factors[claim_id] < 1 else {}),
                        },
                        proposed=introduced,
                    )
                )

    def _silent_on_another_matter(self, frame: Frame, claim_id: int) -> bool:
        """Whether a silence names what it is about, and that is not the claim: "J&J declined
        to comment on Imerys Talc America's Chapter 11 filing" (a word of the claim inside a
        name does not count; "declined to comment on the reports" names nothing)."""
        said_from = max([frame.cue_end, *(m.end for m in frame.speakers)])
        # Up to the clause that follows: "has yet to comment on the report, he did lash out…".
        tail = re.split(r"[,;:]", frame.clause.text[said_from - frame.clause.start :])[0]
        if not re.match(r"[\s,]*(?:on|about|regarding|over)\s", tail, re.I):
            return False
        if GENERIC_TAIL.match(tail) or QUESTION_TAIL.match(tail) or CLAIMS_MADE.search(tail):
            return False
        plain = PROPER_NAME.sub(" ", tail)
        terms, words = self.topics.get(claim_id, ([], []))
        return not any(
            re.search(r"\b" + re.escape(w[:5]), plain, re.I) for w in [*terms, *words] if len(w) > 3
        )

    def _introduced(self, alias: str, method: str, mention: Mention | None) -> Introduced | None:
        """The unregistered speaker behind a mention: a person the text presented with role
        words, or a body named after its state ("Iran's foreign ministry")."""
        if method == "role":
            return self.lexicon.introduced.get(alias)
        if mention is not None and method in {"alias", "gazetteer", "trigram"}:
            return organ_introduced(self.text, mention)
        return None


# A frame's speaker: the frame, the source, the score of the name, the alias, how it was found,
# and the mention that named it (None for a pronoun or a running quotation).
Resolved = tuple[Frame, SourceInfo, float, str, str, Mention | None]


def _quotation(sentence: Span, speaker: SourceInfo) -> Resolved:
    """A sentence inside a running quotation: the quoted speaker goes on speaking."""
    quotation = Frame(
        cue="(quotation)",
        cue_start=sentence.start,
        cue_end=sentence.start,
        position="asserts",
        strength=0.8,
        speakers=[],
        clause=sentence,
        complement=(sentence.start, sentence.end),
    )
    quotation.position, quotation.notes = position_for(
        "asserts", negated=False, complement=sentence.text, cue=quotation.cue
    )
    return (quotation, speaker, QUOTE_FACTOR, "(quotation)", "quotation", None)


def _deduplicated(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per claim, source and quote: the most confident.

    A source that asserts and hedges on the same claim in one sentence ("said
    North Korea agreed to supply…, though they could not say whether any had
    been delivered") hedges: its assertion is dropped. So it does on one occasion
    (the same claim, source and date) across sentences; and a source that denies
    and hedges on one occasion denies.
    """
    best: dict[tuple[int, int, int, int], Proposal] = {}
    for proposal in proposals:
        key = (proposal.claim_id, proposal.source.id, proposal.start, proposal.end)
        if key not in best or proposal.confidence > best[key].confidence:
            best[key] = proposal
    hedged = {
        (p.claim_id, p.source.id, p.evidence.get("sentence"))
        for p in best.values()
        if p.position == Position.HEDGES
    }
    # "…the most likely cause … was a Palestinian rocket, a senior French military official
    # said Friday. Several rockets in the arsenal of Hamas carry charges of about that weight,
    # the intelligence official said.": on one occasion, what a hedging source says besides
    # is the detail of its hedge, not an assertion of its own.
    hedged_on = {
        (p.claim_id, p.source.id, p.stated_on, p.precision)
        for p in best.values()
        if p.position == Position.HEDGES
    }
    # "Kenvue said it strongly disagrees": the verb of what was said decides, not "said".
    specific = {
        (p.claim_id, p.source.id, p.evidence.get("sentence"))
        for p in best.values()
        if p.position in (Position.DENIES, Position.NO_COMMENT)
    }
    # "Health Canada rebuffed the claim…; there is no conclusive evidence, it said": on one
    # occasion, a denying source's doubts are the grounds of its denial.
    denied_on = {
        (p.claim_id, p.source.id, p.stated_on, p.precision)
        for p in best.values()
        if p.position == Position.DENIES
    }
    kept: list[Proposal] = []
    said: set[tuple] = set()
    for p in best.values():
        if (
            p.position == Position.HEDGES
            and (p.claim_id, p.source.id, p.stated_on, p.precision) in denied_on
        ):
            continue
        in_sentence = (p.claim_id, p.source.id, p.evidence.get("sentence"))
        if p.position == Position.ASSERTS and (
            in_sentence in hedged
            or (p.claim_id, p.source.id, p.stated_on, p.precision) in hedged_on
            or (in_sentence in specific and REPORTING_CUE.match(str(p.evidence.get("cue", ""))))
        ):
            continue
        # The same sentence repeated in one text (page furniture, a pasted loop) is one.
        repeated = (p.claim_id, p.source.id, p.position, p.evidence.get("sentence"))
        if repeated in said:
            continue
        said.add(repeated)
        kept.append(p)
    return kept


def _already_recorded(article: Article, proposals: list[Proposal]) -> set[int]:
    """Indexes of proposals a stance on the article already covers (any status).

    Covered means the same claim, a source of the same family (same top-level
    source) and an overlapping quote: the demo's confirmed "Pyongyang has
    denied it" covers a suggestion quoting the whole sentence.
    """
    existing = list(
        Stance.objects.filter(article=article).values_list(
            "claim_id", "source_id", "quote_start", "quote_end"
        )
    )
    if not existing:
        return set()
    tree = _source_tree(s for _, s, _, _ in existing)
    covered = set()
    for index, p in enumerate(proposals):
        for claim_id, source_id, start, end in existing:
            same_family = source_id == p.source.id or (
                source_id in tree and tree[source_id].top_id == p.source.top_id
            )
            if claim_id == p.claim_id and same_family and start < p.end and p.start < end:
                covered.add(index)
                break
    return covered


def article_suggest(*, article_id: int) -> int:
    """File suggested stances for one article; returns how many are new.

    Idempotent: what is already recorded for the article (suggested,
    confirmed or rejected) is not proposed again, and a concurrent run that
    files the same evidence first is tolerated (stance_unique_evidence).
    A copy of a stored article (``duplicate_of`` set) gets none: its
    original carries them. At most settings.FACTCHECK_SUGGESTIONS_PER_ARTICLE
    are filed, the most confident; the article's SuggestionRun tells how many
    more there were, what was left unread, or why the reading failed, and so
    do the jobs that stored the article.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None or article.duplicate_of_id is not None:
        return 0
    try:
        reading = article_reading(article)
    except Exception as error:  # SuggestionsStopped, a time limit, a bug: the editor sees it
        _run_record(
            article,
            state=SuggestionRun.State.FAILED,
            reason=str(error) or type(error).__name__,
        )
        raise
    budget = settings.FACTCHECK_SUGGESTIONS_PER_ARTICLE
    ranked = sorted(reading.proposals, key=lambda p: (-p.confidence, p.start, p.claim_id))
    proposals = sorted(ranked[:budget], key=lambda p: (p.start, p.claim_id))
    withheld = len(ranked) - len(proposals)
    skip = _already_recorded(article, proposals)
    claims = Claim.objects.in_bulk({p.claim_id for p in proposals})
    sources = Source.objects.in_bulk(
        {p.source.id for p in proposals}
        | {p.attributed_via_source.id for p in proposals if p.attributed_via_source}
    )
    created = 0
    for index, p in enumerate(proposals):
        if index in skip:
            continue
        try:
            with transaction.atomic():
                # Filed with the stance, or not at all when the stance is not.
                proposed = (
                    proposed_source_file(
                        name=p.proposed.name,
                        kind=p.proposed.kind,
                        parent_id=p.proposed.parent_id,
                        role=p.proposed.role,
                    )
                    if p.proposed is not None
                    else None
                )
                stance_create(
                    claim=claims[p.claim_id],
                    source=sources[p.source.id],
                    article=article,
                    position=p.position,
                    stated_on=p.stated_on,
                    stated_on_precision=p.precision,
                    quote_exact=article.text[p.start : p.end],
                    quote_start=p.start,
                    attributed_via=p.attributed_via[:300],
                    attributed_via_source=(
                        sources[p.attributed_via_source.id] if p.attributed_via_source else None
                    ),
                    status=ReviewStatus.SUGGESTED,
                    confidence=p.confidence,
                    evidence=p.evidence,
                    proposed_source=proposed,
                )
        except ValidationError:
            # Filed meanwhile by a concurrent run of the same task.
            logger.info("suggestion already recorded: %s", p)
            continue
        created += 1
    _run_record(
        article,
        state=(
            SuggestionRun.State.PARTIAL if reading.limits or withheld else SuggestionRun.State.DONE
        ),
        reason="; ".join(reading.limits),
        sentences_read=reading.sentences_read,
        sentences_total=reading.sentences_total,
        filed=created,
        withheld=withheld,
    )
    return created


RUN_NOTE = "Suggestions"


def _run_record(article: Article, *, state: str, reason: str = "", **counts: int) -> None:
    """Keep how this reading ended on the article, and tell its jobs when it did not end
    well (a reading that ends well clears an earlier failure's note)."""
    run, _ = SuggestionRun.objects.update_or_create(
        article=article, defaults={"state": state, "reason": reason[:2000], **counts}
    )
    note = run.summary if state != SuggestionRun.State.DONE else ""
    ingest_jobs_note(article_id=article.pk, note=note, replace_prefix=RUN_NOTE)
