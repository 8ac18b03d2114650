"""On the demo: suggesting for the five seed articles proposes the stances the seeds show."""

from __future__ import annotations

import pytest

from claims.demo import data as demo_data
from claims.models import Stance
from claims.suggest import article_proposals, article_suggest
from sources.models import Article

ARMS, TROOPS = demo_data.ARMS, demo_data.TROOPS


def seed(key: str) -> Article:
    spec = next(a for a in demo_data.ARTICLES if a.key == key)
    return Article.objects.get(origin=Article.Origin.DEMO, title=spec.title)


def proposed(key: str) -> set[tuple[str, str, str]]:
    from claims.models import Claim

    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return {(slugs[p.claim_id], p.source.name, p.position) for p in article_proposals(seed(key))}


@pytest.mark.django_db
def test_it_proposes_washington_asserts_and_pyongyang_denies_from_000(demo):
    found = proposed("000")
    assert (ARMS, "United States", "asserts") in found
    assert (ARMS, "North Korea", "denies") in found


@pytest.mark.django_db
def test_it_proposes_moscow_and_pyongyang_deny_from_002_and_003(demo):
    for key in ("002", "003"):
        found = proposed(key)
        assert (ARMS, "Russia", "denies") in found, key
        assert (ARMS, "North Korea", "denies") in found, key


@pytest.mark.django_db
def test_it_proposes_us_south_korean_and_ukrainian_intelligence_assert_troops_from_004(demo):
    found = proposed("004")
    for source in ("United States", "South Korea", "Ukraine"):
        assert (TROOPS, source, "asserts") in found


@pytest.mark.django_db
def test_each_suggestion_is_saved_with_its_quote_anchored_in_the_article_text(demo):
    Stance.objects.all().delete()  # nothing recorded yet: every proposal is filed
    for spec in demo_data.ARTICLES:
        article_suggest(article_id=seed(spec.key).pk)
    suggestions = Stance.objects.filter(status="suggested").select_related("article", "source")
    assert suggestions.count() > 20
    for stance in suggestions:
        text = stance.article.text
        assert text[stance.quote_start : stance.quote_end] == stance.quote_exact
        assert stance.evidence["cue"] and stance.evidence["alias"]
        assert stance.evidence["sentence"] in text
        assert 0 < stance.confidence <= 1
    washington = suggestions.get(
        article=seed("000"), claim__slug=ARMS, source__name="United States"
    )
    # The seed has no-break spaces between some words.
    assert " ".join(washington.quote_exact.split()).startswith("Washington has accused North Korea")
    assert washington.evidence["alias"] == "Washington"
    assert washington.evidence["cue"] == "accused"
    pyongyang = suggestions.get(article=seed("000"), claim__slug=ARMS, source__name="North Korea")
    assert pyongyang.quote_exact == "though Pyongyang has denied it."


@pytest.mark.django_db
def test_it_skips_what_the_demo_already_records_instead_of_failing(demo):
    recorded = Stance.objects.count()
    for spec in demo_data.ARTICLES:
        article_suggest(article_id=seed(spec.key).pk)
    # The confirmed "though Pyongyang has denied it" covers the same claim, source and words.
    assert not Stance.objects.filter(
        article=seed("000"), claim__slug=ARMS, source__name="North Korea", status="suggested"
    ).exists()
    assert Stance.objects.count() >= recorded
