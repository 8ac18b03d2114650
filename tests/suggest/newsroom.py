"""A newsroom's first day: one claim and top-level actors registered by name and capital."""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from claims.models import Claim, ClaimStatus
from claims.suggest import article_proposals
from sources.models import Article, Source, SourceAlias, SourceKind, normalize_alias

CLAIM = "sudan-army-got-missiles"
ACTORS = {
    "Russia": "Moscow",
    "Iran": "Tehran",
    "United States": "Washington",
    "South Korea": "Seoul",
    "Ukraine": "Kyiv",
}


def newsroom_setup() -> None:
    """Only the countries, each by its name and capital; no official, no ministry. The claim
    names none of them (Sudan is not registered): any of them may take a position on it."""
    for name, capital in ACTORS.items():
        source = Source.objects.create(name=name, slug=slugify(name), kind=SourceKind.GOVERNMENT)
        for alias in (name, capital):
            SourceAlias.objects.create(
                source=source, alias=alias, normalized=normalize_alias(alias)
            )
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    Claim.objects.create(
        slug=CLAIM,
        text="Sudan's army received missiles from abroad",
        search_terms=["missiles", "Sudan"],
        status=ClaimStatus.ACTIVE,
    )


def proposed(text: str, published_on: dt.date = dt.date(2024, 11, 8)) -> list:
    """(claim, top-level actor, position, stated on, quote, how the speaker was found)."""
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    article = Article.objects.create(
        title="A story", text=text, published_on=published_on, origin=Article.Origin.PASTE
    )
    return sorted(
        (
            slugs[p.claim_id],
            p.source.top_name,
            p.position,
            p.stated_on,
            article.text[p.start : p.end],
            p.evidence["alias_method"],
        )
        for p in article_proposals(article)
    )


def triples(text: str) -> set[tuple[str, str, str]]:
    """The (claim, top-level actor, position) of each suggestion ``proposed`` gives."""
    return {(claim, actor, position) for claim, actor, position, *_ in proposed(text)}


# Two claims on one event that name different doers (tests of rival accounts).
TORPEDO = "iranian-torpedo-sank-the-ship"
MINE = "russian-mine-sank-the-ship"


def two_doers_setup() -> None:
    """The newsroom, with only two active claims: an Iranian torpedo or a Russian mine sank
    the cargo ship."""
    newsroom_setup()
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    for slug, text, term in (
        (TORPEDO, "An Iranian torpedo sank the cargo ship", "torpedo"),
        (MINE, "A Russian mine sank the cargo ship", "mine"),
    ):
        Claim.objects.create(
            slug=slug, text=text, search_terms=["cargo ship", term], status=ClaimStatus.ACTIVE
        )
