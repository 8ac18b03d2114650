"""Linked-data exports: a claim as schema.org ClaimReview, a stance as a W3C Web Annotation.

Both are built from what the API already reads (the claim's timeline, one
stance with its article), so they say nothing the history does not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from rest_framework.request import Request

from claims.models import Claim, Position, Stance, Verdict
from claims.timeline import ArticleRef, Timeline, TimelineStance
from sources.models import SourceKind

PUBLISHER_NAME = "factcheck workbench"

# schema.org Rating for each verdict, on a 1 (false) to 5 (true) scale; an
# unproven claim gets no number, only its name.
VERDICT_RATINGS: dict[str, int | None] = {
    Verdict.TRUE: 5,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.MIXED: 3,
    Verdict.MOSTLY_FALSE: 2,
    Verdict.FALSE: 1,
    Verdict.UNPROVEN: None,
}

# People speak as Person, everything else (governments, agencies, groups) as Organization.
_PERSON_KINDS = {SourceKind.OFFICIAL, SourceKind.PERSON}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _absolute(request: Request, path: str) -> str:
    return request.build_absolute_uri(path)


# --- schema.org ClaimReview -------------------------------------------------------


def _speaker(stance: TimelineStance) -> dict[str, Any]:
    kind = "Person" if stance.speaker.kind in _PERSON_KINDS else "Organization"
    return {"@type": kind, "name": stance.speaker.name}


def _appearance(article: ArticleRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published_on:
        work["datePublished"] = article.published_on.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    # A wire copy or a spun copy is based on the original story.
    original_url = article.original.url if article.original else article.original_url
    if original_url:
        work["isBasedOn"] = original_url
    return work


def positions_summary(timeline: Timeline) -> str:
    """Who takes which position, counted in statements (reports of one occasion count once):
    "2 sources assert it (5 statements); 2 deny it (3 statements)."."""
    parts = []
    for position, verb in _VERBS.items():
        statements = [s for s in timeline.statements if s.position == position]
        if statements:
            sources = len({s.speaker.pk for s in statements})
            parts.append(
                f"{sources} source{'s' if sources != 1 else ''} {verb[sources == 1]} "
                f"({len(statements)} statement{'s' if len(statements) != 1 else ''})"
            )
    return "; ".join(parts) + "."


# position: (verb for several sources, for one)
_VERBS = {
    Position.ASSERTS: ("assert it", "asserts it"),
    Position.DENIES: ("deny it", "denies it"),
    Position.HEDGES: ("hedge", "hedges"),
    Position.NO_COMMENT: ("decline to comment", "declines to comment"),
}


def claim_review(*, claim: Claim, timeline: Timeline, request: Request) -> dict[str, Any]:
    """schema.org ClaimReview JSON-LD for the claim.

    The claim's authors are the sources that assert it, its appearances the
    articles reporting their statements, the first appearance the earliest
    statement's first report (an original before its copies).
    """
    page = _absolute(request, claim.get_absolute_url())
    asserting = [s for s in timeline.statements if s.position == Position.ASSERTS]
    authors: dict[int, dict[str, Any]] = {}
    appearances: dict[int, dict[str, Any]] = {}
    for statement in asserting:
        authors.setdefault(statement.speaker.pk, _speaker(statement.lead))
        for report in statement.reports:
            appearances.setdefault(report.article.id, _appearance(report.article))

    item: dict[str, Any] = {"@type": "Claim", "text": claim.text}
    if authors:
        item["author"] = list(authors.values())
    if asserting:
        first = asserting[0]  # timeline.statements is in stated_on order
        item["datePublished"] = first.stated_on.isoformat()
        item["appearance"] = list(appearances.values())
        item["firstAppearance"] = appearances[first.article.id]

    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {
            "@type": "Organization",
            "name": PUBLISHER_NAME,
            "url": _absolute(request, "/"),
        },
        "datePublished": claim.created_at.date().isoformat(),
        "dateModified": _iso(claim.updated_at),
    }
    if timeline.lanes:
        review["reviewBody"] = positions_summary(timeline)
    if claim.verdict:
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": claim.get_verdict_display(),
        }
        value = VERDICT_RATINGS.get(claim.verdict)
        if value is not None:
            rating.update(ratingValue=value, bestRating=5, worstRating=1)
        if claim.verdict_summary:
            rating["ratingExplanation"] = claim.verdict_summary
        review["reviewRating"] = rating
    return review


# --- W3C Web Annotation -----------------------------------------------------------

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def stance_annotation(*, stance: Stance, request: Request) -> dict[str, Any]:
    """The stance as a W3C Web Annotation: the quote is the target, the position the body.

    Positions count characters of the article's stored plain text, not of the
    live page, so the target carries a TimeState whose ``cached`` copy is that
    text (the API's article resource).
    """
    article = stance.article
    article_api = _absolute(request, reverse("api-article-detail", kwargs={"pk": article.pk}))
    claim_url = _absolute(request, stance.claim.get_absolute_url())
    via = f" ({stance.attributed_via})" if stance.attributed_via else ""
    description = (
        f"{stance.source.name} {stance.get_position_display()}: {stance.claim.text}"
        f" (stated {stance.stated_on.isoformat()}){via}"
    )
    fetched = article.fetched_at or article.created_at
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": _absolute(request, reverse("api-stance-annotation", kwargs={"pk": stance.pk})),
        "type": "Annotation",
        "motivation": "classifying",
        "created": _iso(stance.created_at),
        "modified": _iso(stance.updated_at),
        "generator": {
            "id": _absolute(request, "/api/v1/"),
            "type": "Software",
            "name": PUBLISHER_NAME,
        },
        "body": [
            {"type": "SpecificResource", "source": claim_url, "purpose": "identifying"},
            {"type": "TextualBody", "purpose": "classifying", "value": stance.position},
            {
                "type": "TextualBody",
                "purpose": "describing",
                "value": description,
                "format": "text/plain",
                "language": "en",
            },
        ],
        "target": {
            "type": "SpecificResource",
            "source": article.url or article_api,
            "state": {"type": "TimeState", "sourceDate": _iso(fetched), "cached": article_api},
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": stance.quote_exact,
                    "prefix": stance.quote_prefix,
                    "suffix": stance.quote_suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": stance.quote_start,
                    "end": stance.quote_end,
                },
            ],
        },
    }
