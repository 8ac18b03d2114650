"""Each claim's match query is compiled once and stored; source and alias changes make it stale."""

from __future__ import annotations

import pytest

from claims.models import Claim, ClaimStatus
from claims.suggest import article_proposals, matching
from sources.models import Source, SourceAlias
from tests.suggest.conftest import article_of

ARMS = "north-korea-arms-to-russia"
SHELLS = "Washington has accused North Korea of shipping artillery shells to Moscow."
HERMIT = "The Hermit Kingdom has shipped artillery shells to Moscow, the White House said."


def found(text: str) -> set[tuple[str, str, str]]:
    slugs = dict(Claim.objects.values_list("pk", "slug"))
    return {
        (slugs[p.claim_id], p.source.name, p.position) for p in article_proposals(article_of(text))
    }


@pytest.fixture
def compilations(monkeypatch) -> list[int]:
    """How many claims each run of the Python compiler was given."""
    calls: list[int] = []
    compile_claims = matching.claim_queries

    def counted(claims):
        calls.append(len(claims))
        return compile_claims(claims)

    monkeypatch.setattr(matching, "claim_queries", counted)
    return calls


def stale() -> int:
    return Claim.objects.filter(status=ClaimStatus.ACTIVE, match_query__isnull=True).count()


@pytest.mark.django_db
def test_queries_are_compiled_in_one_batch_and_not_again_for_the_next_articles(world, compilations):
    Claim.objects.bulk_create(
        Claim(
            slug=f"grain-{n}",
            text=f"Russia sells grain lot {n} to Ukraine",
            search_terms=[f"lot{n}"],
        )
        for n in range(300)
    )
    assert stale() == 303

    assert (ARMS, "United States", "asserts") in found(SHELLS)
    assert compilations == [303]  # every stale claim, in one batch
    assert stale() == 0

    assert (ARMS, "United States", "asserts") in found(SHELLS)
    assert (ARMS, "North Korea", "denies") in found("Pyongyang denied sending shells to Moscow.")
    assert compilations == [303]  # stored: nothing compiled for the later articles

    Claim.objects.create(slug="oil", text="Russia sells oil to North Korea", search_terms=["oil"])
    found(SHELLS)
    assert compilations == [303, 1]  # only the new claim


@pytest.mark.django_db
def test_an_alias_added_or_removed_is_picked_up_by_the_next_article(world, compilations):
    assert (ARMS, "United States", "asserts") not in found(HERMIT)
    assert stale() == 0

    north_korea = Source.objects.get(name="North Korea")
    alias = SourceAlias.objects.create(source=north_korea, alias="the Hermit Kingdom")
    assert stale() == 3  # every claim: any of them may name North Korea
    assert (ARMS, "United States", "asserts") in found(HERMIT)
    assert compilations == [3, 3]

    alias.delete()
    assert stale() == 3
    assert (ARMS, "United States", "asserts") not in found(HERMIT)


@pytest.mark.django_db
def test_a_new_parent_or_name_of_a_source_makes_the_queries_stale(world):
    found(SHELLS)
    assert stale() == 0
    hermit = Source.objects.create(name="Hermit Kingdom", slug="hermit-kingdom", kind="government")
    assert stale() == 3
    SourceAlias.objects.create(source=hermit, alias="the Hermit Kingdom")
    assert (ARMS, "United States", "asserts") not in found(HERMIT)
    assert stale() == 0

    hermit.parent = Source.objects.get(name="North Korea")
    hermit.save()
    assert stale() == 3
    # A source speaking for North Korea is named by its aliases in the claim's query.
    assert (ARMS, "United States", "asserts") in found(HERMIT)

    hermit.description = "Not a name: the queries stay as they are."
    Source.objects.filter(pk=hermit.pk).update(description=hermit.description)
    assert stale() == 0


@pytest.mark.django_db
def test_a_new_claim_text_or_search_term_is_recompiled(world):
    text = "Washington says North Korea has sold grain to Russia."
    assert found(text) == set()
    claim = Claim.objects.get(slug=ARMS)
    claim.search_terms = [*claim.search_terms, "grain"]
    claim.save()
    assert Claim.objects.get(slug=ARMS).match_query is None
    assert (ARMS, "United States", "asserts") in found(text)


@pytest.mark.django_db
def test_saving_a_claim_read_before_an_alias_change_does_not_bring_back_its_old_query(world):
    found(SHELLS)
    claim = Claim.objects.get(slug=ARMS)  # holds the compiled query as it was
    assert claim.match_query

    SourceAlias.objects.create(
        source=Source.objects.get(name="North Korea"), alias="the Hermit Kingdom"
    )
    claim.description = "Edited after the alias was added."
    claim.save()  # writes every field back, the old query too

    assert Claim.objects.get(slug=ARMS).match_query is None
    assert (ARMS, "United States", "asserts") in found(HERMIT)
