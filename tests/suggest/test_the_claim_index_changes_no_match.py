"""Matching reads only the claims sharing a topic lexeme with the article (claims migration 0010):
it finds exactly what reading every claim finds."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from claims.models import Claim, ClaimStatus
from claims.suggest.matching import ArticleMatch, article_matches, claims_compile
from claims.suggest.sentences import split_sentences
from tests.suggest.conftest import article_of

ARMS = "north-korea-arms-to-russia"
TEXTS = [
    "Washington has accused North Korea of supplying artillery shells to Russia.",
    "Pyongyang denied it. The Kremlin said grain exports to Ukraine's neighbours would go on.",
    "Russia and North Korea signed a mutual-defence pact; the deal's critics said nothing of it.",
    "Nothing in this story names anyone the claims are about.",
    "The North has sent troops to Russia's Kursk region, Seoul's spy agency said.",
]


def varied_claims() -> None:
    Claim.objects.bulk_create(
        [
            # No actor: the topic alone.
            Claim(slug="grain", text="Grain exports keep going", search_terms=["grain exports"]),
            # A topic of stop words only: read for every article.
            Claim(slug="only-stop-words", text="North Korea and Russia", search_terms=["the"]),
            # Hyphens and apostrophes in the terms.
            Claim(
                slug="pact",
                text="North Korea and Russia sign a mutual-defence pact",
                search_terms=["mutual-defence", "deal's"],
            ),
            Claim(slug="troops", text="North Korea sends troops to Russia", search_terms=[]),
            *(
                Claim(slug=f"filler-{n}", text=f"Ukraine buys tractor lot {n}", search_terms=[])
                for n in range(50)
            ),
        ]
    )


def matches(text: str, include: list[int] | None = None) -> ArticleMatch:
    article = article_of(text)
    return article_matches(
        article_id=article.pk,
        sentences=[s.text for s in split_sentences(text)],
        include=include or [],
    )


def without_the_index() -> None:
    """Every claim's lexemes emptied, as a topic of stop words has them: every claim is read."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('claims.match_compiling', 'on', true)")
        cursor.execute("UPDATE claims_claim SET match_lexemes = '{}' WHERE match_query IS NOT NULL")
        cursor.execute("SELECT set_config('claims.match_compiling', 'off', true)")


def lexemes(slug: str) -> list[str]:
    return Claim.objects.get(slug=slug).match_lexemes


@pytest.mark.django_db
def test_varied_claims_are_matched_as_when_every_claim_is_read(world):
    varied_claims()
    with_index = [matches(text) for text in TEXTS]
    assert lexemes("only-stop-words") == []
    assert "grain" in lexemes("grain") and "export" in lexemes("grain")
    assert any(m.claim_ids for m in with_index)
    assert not all(m.claim_ids for m in with_index)
    without_the_index()
    assert [matches(text) for text in TEXTS] == with_index


@pytest.mark.django_db
def test_a_claim_whose_topic_is_only_stop_words_is_read_for_every_article(world):
    varied_claims()
    only = Claim.objects.get(slug="only-stop-words").pk
    found = matches(TEXTS[3], include=[only])
    assert found.claim_ids == [only]  # read, its query not matched by the article
    assert found.unmatched == {only}
    claims_compile()
    assert Claim.objects.filter(status=ClaimStatus.ACTIVE, match_lexemes=[]).count() == 1


@pytest.mark.django_db
def test_an_included_claim_sharing_no_lexeme_with_the_article_is_still_read(world):
    varied_claims()
    grain = Claim.objects.get(slug="grain").pk
    assert grain not in matches(TEXTS[0]).claim_ids
    found = matches(TEXTS[0], include=[grain])
    assert grain in found.claim_ids and grain in found.unmatched
    without_the_index()
    assert matches(TEXTS[0], include=[grain]) == found


@pytest.mark.django_db
def test_editing_a_claims_terms_updates_its_lexemes(world):
    article = "North Korea has shipped howitzers to Russia, Seoul said."
    claim = Claim.objects.get(slug=ARMS)
    assert claim.pk not in matches(article).claim_ids
    assert "howitz" not in lexemes(ARMS)
    claim.search_terms = [*claim.search_terms, "howitzers"]
    claim.save()
    assert claim.pk in matches(article).claim_ids
    assert "howitz" in lexemes(ARMS)
    claim.search_terms = claim.search_terms[:-1]
    claim.save()
    assert claim.pk not in matches(article).claim_ids
    assert "howitz" not in lexemes(ARMS)


@pytest.mark.django_db
def test_a_deactivated_claim_is_not_matched(world):
    claim = Claim.objects.get(slug=ARMS)
    assert claim.pk in matches(TEXTS[0]).claim_ids
    claim.refresh_from_db()
    claim.status = ClaimStatus.ARCHIVED
    claim.save()
    assert lexemes(ARMS)  # still compiled and indexed, but not read
    assert claim.pk not in matches(TEXTS[0]).claim_ids
    claim.status = ClaimStatus.ACTIVE
    claim.save()
    assert claim.pk in matches(TEXTS[0]).claim_ids
