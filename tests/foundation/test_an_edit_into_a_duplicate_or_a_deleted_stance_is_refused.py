"""Editing a stance into evidence already recorded, or reviewing a deleted one, is refused clearly."""

import pytest
from django.core.exceptions import ValidationError

from claims.models import Stance
from claims.services import stance_confirm, stance_edit_and_confirm, stance_reject
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory

pytestmark = pytest.mark.django_db


def test_moving_a_stance_to_a_source_that_has_the_same_quote_is_refused_on_the_source(reviewer):
    claim, article = ClaimFactory(), ArticleFactory()
    russia = SourceFactory(name="Russia")
    StanceFactory(claim=claim, article=article, source=russia)
    suggestion = StanceFactory(
        claim=claim,
        article=article,
        source=SourceFactory(name="Kremlin staff"),
        status="suggested",
        reviewed_at=None,
    )

    with pytest.raises(ValidationError) as caught:
        stance_edit_and_confirm(stance=suggestion, reviewer=reviewer, source=russia)

    assert caught.value.message_dict == {
        "source": ["Russia already has this quote recorded on this claim."]
    }
    # The refusal rolled back only its own savepoint: the stance is as it was, and the
    # surrounding transaction still answers queries.
    suggestion.refresh_from_db()
    assert (suggestion.source.name, suggestion.status, suggestion.version) == (
        "Kremlin staff",
        "suggested",
        1,
    )


@pytest.mark.parametrize("review", [stance_confirm, stance_reject])
def test_confirming_or_rejecting_a_stance_deleted_meanwhile_raises_does_not_exist(reviewer, review):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    Stance.objects.filter(pk=stance.pk).delete()

    with pytest.raises(Stance.DoesNotExist, match="was deleted since it was loaded"):
        review(stance=stance, reviewer=reviewer, version=1)


def test_editing_a_stance_deleted_meanwhile_raises_does_not_exist(reviewer):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    Stance.objects.filter(pk=stance.pk).delete()

    with pytest.raises(Stance.DoesNotExist, match="nothing to review"):
        stance_edit_and_confirm(stance=stance, reviewer=reviewer, version=1, position="denies")
