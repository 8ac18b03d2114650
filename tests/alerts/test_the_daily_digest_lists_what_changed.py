"""The daily digest: one email per subscriber (Django's email backend; locmem here) listing what
changed on their subscriptions since the last one; none when nothing did; once a day."""

import datetime as dt

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils import timezone

from alerts.digests import digests_send
from alerts.models import Digest
from alerts.services import subscription_create
from alerts.tasks import digests_send as digests_task
from claims.services import stance_confirm
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def reverse_position(world, reviewer):
    world.stance(world.north_korea, "denies", dt.date(2024, 10, 1))
    waiting = world.stance(world.north_korea, "asserts", dt.date(2025, 4, 28), status="suggested")
    stance_confirm(stance=waiting, reviewer=reviewer)
    return waiting


def test_the_digest_lists_the_change_once(world, reviewer, editor):
    subscription_create(owner=reviewer, claim=world.claim, events=["position.changed"], digest=True)
    other = ClaimFactory(text="Another claim", slug="another")
    subscription_create(owner=editor, claim=other, events=["position.changed"], digest=True)
    waiting = reverse_position(world, reviewer)

    assert digests_send() == 1

    [email] = mail.outbox
    assert email.to == [reviewer.email]
    assert email.subject == "factcheck digest: 1 change on your subscriptions"
    assert "North Korea: denies → asserts (reversal) on “North Korea sent troops to Russia”" in (
        email.body
    )
    assert f"“{waiting.quote_exact}”" in email.body
    assert waiting.article.title in email.body
    assert "/claims/nk-troops/" in email.body
    [(html, kind)] = email.alternatives
    assert kind == "text/html" and "denies → asserts (reversal)" in html

    assert digests_send() == 0  # once a day
    tomorrow = timezone.now() + dt.timedelta(days=1)
    assert digests_send(now=tomorrow) == 0  # nothing new since: no email, the window moves on
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(user=reviewer).count() == 2


def test_a_source_subscription_hears_of_its_officials(world, reviewer):
    subscription_create(
        owner=reviewer, source=world.united_states, events=["statement.confirmed"], digest=True
    )
    waiting = world.stance(world.kirby, "hedges", dt.date(2025, 1, 15), status="suggested")
    stance_confirm(stance=waiting, reviewer=reviewer)

    assert digests_send() == 1
    assert "New statement: John Kirby hedges “North Korea sent troops to Russia”" in (
        mail.outbox[0].body
    )


def test_the_beat_task_sends_them_daily(world, reviewer):
    subscription_create(owner=reviewer, tag="troops", events=["position.changed"], digest=True)
    reverse_position(world, reviewer)

    assert digests_task.apply().get() == 1
    assert len(mail.outbox) == 1
    entry = django_settings.CELERY_BEAT_SCHEDULE["send-daily-digests"]
    assert entry["task"] == "alerts.tasks.digests_send"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
