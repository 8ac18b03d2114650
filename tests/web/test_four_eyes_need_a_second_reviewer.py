"""Four eyes (FACTCHECK_FOUR_EYES, off by default): a stance a reviewer filed needs another person
to confirm it, in the review service, so the queue, the admin and the API all obey."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from claims.models import Stance
from claims.services import FourEyesError, stance_confirm, stance_edit_and_confirm
from tests.factories import StanceFactory
from tests.foundation.admin_forms import stance_form

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
REFUSED = (
    "You filed this stance yourself, and this workbench asks for four eyes: "
    "another reviewer must confirm it."
)


@pytest.fixture
def four_eyes(settings):
    settings.FACTCHECK_FOUR_EYES = True


@pytest.fixture
def own(reviewer) -> Stance:
    """A suggestion the reviewer filed themselves."""
    return StanceFactory(status="suggested", reviewed_at=None, created_by=reviewer)


def test_four_eyes_are_off_unless_the_environment_turns_them_on():
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_FOUR_EYES"}
    # Settings only: a database and a broker named, nothing started.
    env.update(
        SECRET_KEY="s3cret-for-this-test",
        DATABASE_URL="postgresql://postgres@127.0.0.1/x",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )
    code = "import django; from django.conf import settings; django.setup(); print(settings.FACTCHECK_FOUR_EYES)"
    off = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    on = subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**env, "FACTCHECK_FOUR_EYES": "1"}, capture_output=True, text=True, timeout=120)  # fmt: skip

    assert (off.stdout.strip(), on.stdout.strip()) == ("False", "True"), off.stderr + on.stderr


def test_without_four_eyes_a_reviewer_confirms_their_own_stance(reviewer, own):
    assert stance_confirm(stance=own, reviewer=reviewer).status == "confirmed"


def test_the_service_refuses_a_reviewer_confirming_their_own_stance(four_eyes, reviewer, own):
    with pytest.raises(FourEyesError, match="asks for four eyes"):
        stance_confirm(stance=own, reviewer=reviewer)
    with pytest.raises(FourEyesError):
        stance_edit_and_confirm(stance=own, reviewer=reviewer, position="denies")

    own.refresh_from_db()
    assert (own.status, own.position) == ("suggested", "asserts")


def test_a_second_reviewer_confirms_it(four_eyes, second_reviewer, own):
    assert stance_confirm(stance=own, reviewer=second_reviewer).reviewed_by == second_reviewer


def test_a_machine_suggestion_needs_no_second_person(four_eyes, reviewer):
    stance = StanceFactory(status="suggested", reviewed_at=None, created_by=None)

    assert stance_confirm(stance=stance, reviewer=reviewer).status == "confirmed"


def test_the_queue_offers_no_confirm_on_ones_own_stance_and_refuses_a_forged_one(
    four_eyes, client_for, reviewer, second_reviewer, own
):
    mine = client_for(reviewer).get(reverse("review-queue")).content.decode()
    theirs = client_for(second_reviewer).get(reverse("review-queue")).content.decode()
    confirm = reverse("stance-confirm", args=[own.pk])

    assert "You filed this stance: another reviewer confirms it (four eyes)." in mine
    assert f'action="{confirm}"' not in mine and f'id="edit-{own.pk}"' not in mine
    assert f'action="{confirm}"' in theirs

    response = client_for(reviewer).post(confirm, {"version": own.version}, follow=True)
    assert f"Not confirmed: {own.source.name} asserts on" in response.content.decode()
    assert REFUSED in response.content.decode()
    edit = client_for(reviewer).post(
        reverse("stance-edit", args=[own.pk]),
        {
            "version": own.version,
            "source": own.source.name,
            "position": "denies",
            "stated_on": "2023-07-26",
            "stated_on_precision": "day",
        },
    )
    assert edit.status_code == 403 and REFUSED in edit.content.decode()
    own.refresh_from_db()
    assert own.status == "suggested"


def test_the_admin_bulk_confirm_skips_ones_own_stance(four_eyes, client_for, reviewer, own):
    response = client_for(reviewer).post(
        reverse("admin:claims_stance_changelist"),
        {"action": "confirm_selected", "_selected_action": [own.pk]},
        follow=True,
    )

    messages = [str(m) for m in response.context["messages"]]
    assert "0 stances confirmed." in messages
    assert any(REFUSED in m for m in messages)
    own.refresh_from_db()
    assert own.status == "suggested"


def test_the_admin_form_refuses_confirming_ones_own_stance(
    four_eyes, client_for, reviewer, second_reviewer, own
):
    url = reverse("admin:claims_stance_change", args=[own.pk])
    refused = client_for(reviewer).post(url, stance_form(own, status="confirmed"))
    accepted = client_for(second_reviewer).post(url, stance_form(own, status="confirmed"))

    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["status"] == [REFUSED]
    assert accepted.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.reviewed_by) == ("confirmed", second_reviewer)


def test_the_admin_refuses_adding_a_stance_as_confirmed_by_its_filer(four_eyes, client_for, editor):
    template = StanceFactory()
    data = stance_form(
        template, status="confirmed", quote_start="", quote_end="", loaded_version=""
    )
    Stance.objects.all().delete()

    response = client_for(editor).post(reverse("admin:claims_stance_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"] == [REFUSED]
    assert not Stance.objects.exists()
