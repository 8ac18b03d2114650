"""The ClaimReview export is schema.org JSON-LD: known types, their properties, valid ranges.

SCHEMA_ORG below is the part of the schema.org vocabulary the export may use
(types with their parents and properties, each property's range), copied from
schema.org's definitions, so the check runs offline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse

import pytest

from claims.models import Claim

pytestmark = pytest.mark.django_db

# type: (parent, its own properties)
SCHEMA_ORG_TYPES: dict[str, tuple[str | None, set[str]]] = {
    "Thing": (None, {"name", "url", "description", "alternateName", "sameAs", "identifier"}),
    "CreativeWork": (
        "Thing",
        {
            "author",
            "datePublished",
            "dateModified",
            "headline",
            "publisher",
            "text",
            "isBasedOn",
            "inLanguage",
        },
    ),
    "Article": ("CreativeWork", {"articleBody"}),
    "NewsArticle": ("Article", {"dateline"}),
    "Review": ("CreativeWork", {"itemReviewed", "reviewRating", "reviewBody"}),
    "ClaimReview": ("Review", {"claimReviewed"}),
    "Claim": ("CreativeWork", {"appearance", "firstAppearance", "claimInterpreter"}),
    "Organization": ("Thing", {"logo", "founder"}),
    "Person": ("Thing", {"givenName", "familyName", "jobTitle"}),
    "Intangible": ("Thing", set()),
    "Rating": (
        "Intangible",
        {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author"},
    ),
}
# property: the types or data types its values may have
SCHEMA_ORG_RANGES: dict[str, set[str]] = {
    "name": {"Text"},
    "url": {"URL"},
    "description": {"Text"},
    "alternateName": {"Text"},
    "sameAs": {"URL"},
    "identifier": {"Text", "URL"},
    "author": {"Organization", "Person"},
    "datePublished": {"Date", "DateTime"},
    "dateModified": {"Date", "DateTime"},
    "headline": {"Text"},
    "publisher": {"Organization", "Person"},
    "text": {"Text"},
    "isBasedOn": {"CreativeWork", "URL"},
    "inLanguage": {"Text"},
    "itemReviewed": {"Thing"},
    "reviewRating": {"Rating"},
    "reviewBody": {"Text"},
    "claimReviewed": {"Text"},
    "appearance": {"CreativeWork"},
    "firstAppearance": {"CreativeWork"},
    "ratingValue": {"Number", "Text"},
    "bestRating": {"Number", "Text"},
    "worstRating": {"Number", "Text"},
    "ratingExplanation": {"Text"},
}
# What Google's ClaimReview guidance asks for, and what a claim's history gives.
REQUIRED = {
    "ClaimReview": {"url", "claimReviewed", "author", "datePublished", "itemReviewed"},
    "Claim": {"author", "datePublished", "appearance", "firstAppearance"},
    "Rating": {"alternateName"},
    # An appearance is "a link to, or inline description of" a work: pasted text and copies
    # whose page is unknown have no URL, and are described inline.
    "NewsArticle": {"headline"},
}


def ancestors(type_name: str) -> list[str]:
    chain: list[str] = []
    node: str | None = type_name
    while node is not None:
        chain.append(node)
        node = SCHEMA_ORG_TYPES[node][0]
    return chain


def datatype_ok(datatype: str, value: Any) -> bool:
    if datatype == "Text":
        return isinstance(value, str)
    if datatype == "URL":
        return isinstance(value, str) and urlparse(value).scheme in {"http", "https"}
    if datatype == "Number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if datatype == "Date":
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    if datatype == "DateTime":
        try:
            return dt.datetime.fromisoformat(value).tzinfo is not None
        except (TypeError, ValueError):
            return False
    return False


def vocabulary_errors(node: Any, where: str = "$") -> list[str]:
    """What in a JSON-LD node breaks the vocabulary above."""
    errors: list[str] = []
    type_name = node.get("@type")
    if type_name not in SCHEMA_ORG_TYPES:
        return [f"{where}: unknown @type {type_name!r}"]
    allowed = set().union(*(SCHEMA_ORG_TYPES[t][1] for t in ancestors(type_name)))
    missing = REQUIRED.get(type_name, set()) - set(node)
    if missing:
        errors.append(f"{where}: {type_name} lacks {sorted(missing)}")
    for prop, value in node.items():
        if prop in {"@context", "@type"}:
            continue
        if prop not in allowed:
            errors.append(f"{where}: {type_name} has no property {prop!r}")
            continue
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            at = f"{where}.{prop}[{i}]"
            ranges = SCHEMA_ORG_RANGES[prop]
            if isinstance(item, dict):
                item_types = (
                    set(ancestors(item.get("@type", "Thing")))
                    if item.get("@type") in SCHEMA_ORG_TYPES
                    else set()
                )
                if not item_types & ranges:
                    errors.append(f"{at}: {item.get('@type')!r} is not one of {sorted(ranges)}")
                errors += vocabulary_errors(item, at)
            elif not any(datatype_ok(r, item) for r in ranges):
                errors.append(f"{at}: {item!r} is not one of {sorted(ranges)}")
    return errors


def claimreview(client, claim: Claim) -> dict:
    response = client.get(f"/api/v1/claims/{claim.slug}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response.json()


def test_the_export_fits_the_schema_org_vocabulary(arms_claim, consumer_client):
    arms_claim.verdict = Claim.Verdict.TRUE
    arms_claim.verdict_summary = "US, South Korean and Ukrainian intelligence agree."
    arms_claim.save()

    review = claimreview(consumer_client, arms_claim)

    assert review["@context"] == "https://schema.org"
    assert vocabulary_errors(review) == []


def test_the_claim_is_attributed_to_those_who_assert_it(arms_claim, consumer_client):
    item = claimreview(consumer_client, arms_claim)["itemReviewed"]

    authors = {a["name"]: a["@type"] for a in item["author"]}
    assert authors["United States"] == "Organization"
    assert "North Korea" not in authors and "Russia" not in authors
    assert item["datePublished"].startswith("2023")
    assert item["firstAppearance"]["publisher"]["name"] in {"The Hill", "Wealth Navigators Hub"}
    assert len(item["appearance"]) >= 3
    linked = {a["publisher"]["name"]: a.get("url") for a in item["appearance"]}
    assert linked["The Hill"].startswith("https://thehill.com/")
    assert linked["Wealth Navigators Hub"] is None  # a copy whose page is not known


def test_a_verdict_becomes_a_rating_and_no_verdict_none(arms_claim, consumer_client):
    assert "reviewRating" not in claimreview(consumer_client, arms_claim)

    arms_claim.verdict = Claim.Verdict.MOSTLY_FALSE
    arms_claim.save()
    rating = claimreview(consumer_client, arms_claim)["reviewRating"]

    assert rating == {
        "@type": "Rating",
        "alternateName": "Mostly false",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_an_unproven_claim_is_rated_by_name_only(arms_claim, consumer_client):
    arms_claim.verdict = Claim.Verdict.UNPROVEN
    arms_claim.save()

    review = claimreview(consumer_client, arms_claim)

    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert vocabulary_errors(review) == []


def test_the_vocabulary_check_catches_a_wrong_property_and_range(arms_claim, consumer_client):
    review = claimreview(consumer_client, arms_claim)
    review["itemReviewed"]["verdict"] = "true"
    review["author"] = "me"

    errors = vocabulary_errors(review)

    assert any("no property 'verdict'" in e for e in errors)
    assert any("$.author[0]" in e for e in errors)
