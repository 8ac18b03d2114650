"""A stance form opened before somebody else reviewed the stance cannot overwrite that review."""

import pytest
from django.urls import reverse

from claims.services import stance_reject
from tests.factories import StanceFactory
from tests.foundation.admin_forms import stance_form

pytestmark = pytest.mark.django_db


def test_saving_a_stale_stance_form_is_refused_with_a_reload_hint(client, editor, reviewer):
    stance = StanceFactory(status="suggested", reviewed_at=None)
    opened = stance_form(stance, status="confirmed")
    stance_reject(stance=stance, reviewer=reviewer, note="not a statement of the source")

    client.force_login(editor)
    response = client.post(reverse("admin:claims_stance_change", args=[stance.pk]), opened)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This stance was changed (reviewed or edited) since you opened it. Reload the page to "
        "see the current version, then make your change again."
    ]
    stance.refresh_from_db()
    assert (stance.status, stance.reviewed_by) == ("rejected", reviewer)
