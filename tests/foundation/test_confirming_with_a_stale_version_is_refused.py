"""Two reviewers confirming the same stance from the same page: the second is told it changed meanwhile."""

import pytest

from claims.services import StaleStanceError, stance_confirm, stance_edit_and_confirm
from tests.factories import StanceFactory

pytestmark = pytest.mark.django_db


def test_the_second_confirm_with_the_same_version_raises_stale_stance_error(
    reviewer, second_reviewer
):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    seen = stance.version

    confirmed = stance_confirm(stance=stance, reviewer=reviewer, version=seen)
    assert (confirmed.status, confirmed.reviewed_by, confirmed.version) == (
        "confirmed",
        reviewer,
        seen + 1,
    )

    with pytest.raises(StaleStanceError) as caught:
        stance_confirm(stance=stance, reviewer=second_reviewer, version=seen)
    assert str(caught.value) == (
        "This stance was changed by reviewer since you opened it (it is now confirmed). "
        "Reload to see the current version."
    )
    assert caught.value.stance.reviewed_by == reviewer
    stance.refresh_from_db()
    assert (stance.reviewed_by, stance.version) == (reviewer, seen + 1)


def test_an_edit_with_a_stale_version_changes_nothing(reviewer, second_reviewer):
    stance = StanceFactory(status="suggested", reviewed_at=None, position="asserts")
    stance_confirm(stance=stance, reviewer=reviewer)
    with pytest.raises(StaleStanceError):
        stance_edit_and_confirm(
            stance=stance, reviewer=second_reviewer, version=1, position="denies"
        )
    stance.refresh_from_db()
    assert stance.position == "asserts"
