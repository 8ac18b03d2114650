"""An editor re-enables a feed disabled after repeated failures: its count, reason and
backoff are reset, so one more failure does not disable it again at once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sources.feeds import feed_poll
from sources.models import Feed
from tests.ingest.worker import queued

pytestmark = pytest.mark.django_db

REASON = "Disabled after 5 consecutive failures; last: HTTP 500 Internal Server Error"


@pytest.fixture
def disabled_feed(web, settings):
    settings.FACTCHECK_FEED_MAX_FAILURES = 5
    return Feed.objects.create(
        url=web.add("/down.xml", status=500, content_type="text/plain"),
        title="Down",
        enabled=False,
        consecutive_failures=5,
        last_error="HTTP 500 Internal Server Error",
        disabled_reason=REASON,
        next_poll_at=timezone.now() + dt.timedelta(days=1),
    )


def change_form(feed: Feed, **changes) -> dict:
    """The feed's change form as the admin shows it, with `changes`."""
    local = timezone.localtime(feed.next_poll_at)
    data = {
        "url": feed.url,
        "title": feed.title,
        "outlet": "",
        "disabled_reason": feed.disabled_reason,
        "poll_interval": feed.poll_interval,
        "min_interval": feed.min_interval,
        "max_interval": feed.max_interval,
        "next_poll_at_0": local.date().isoformat(),
        "next_poll_at_1": local.time().strftime("%H:%M:%S"),
    }
    if feed.enabled:
        data["enabled"] = "on"  # a ticked checkbox; an unticked one is not sent at all
    data.update(changes)
    return data


def test_ticking_enabled_resets_the_count_the_reason_and_the_backoff(client, editor, disabled_feed):
    client.force_login(editor)

    response = client.post(
        reverse("admin:sources_feed_change", args=[disabled_feed.pk]),
        change_form(disabled_feed, enabled="on"),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    feed = Feed.objects.get(pk=disabled_feed.pk)
    assert feed.enabled
    assert (feed.consecutive_failures, feed.disabled_reason) == (0, "")
    assert feed.next_poll_at <= timezone.now()  # due at once, not after the old backoff
    assert feed.last_error == "HTTP 500 Internal Server Error"  # the record stays

    feed_poll(feed_id=feed.pk)  # due: the beat would poll it now; the server still fails

    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert feed.enabled


def test_saving_an_enabled_feed_keeps_its_failure_count(client, editor, web):
    feed = Feed.objects.create(url=web.url("/flaky.xml"), consecutive_failures=3)
    client.force_login(editor)

    response = client.post(
        reverse("admin:sources_feed_change", args=[feed.pk]),
        change_form(feed, title="Renamed"),
    )

    assert response.status_code == 302
    feed.refresh_from_db()
    assert (feed.title, feed.consecutive_failures) == ("Renamed", 3)


def test_enable_and_poll_now_resets_the_feed_and_queues_a_forced_poll(
    client, editor, disabled_feed, task_queue, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:sources_feed_changelist"),
            {"action": "enable_and_poll_now", "_selected_action": [disabled_feed.pk]},
        )

    assert response.status_code == 302
    feed = Feed.objects.get(pk=disabled_feed.pk)
    assert (feed.enabled, feed.consecutive_failures, feed.disabled_reason) == (True, 0, "")
    assert queued(task_queue) == [("sources.tasks.feed_poll", [feed.pk, True])]


def test_a_reviewer_cannot_enable_a_feed(client, reviewer, disabled_feed):
    client.force_login(reviewer)

    client.post(
        reverse("admin:sources_feed_changelist"),
        {"action": "enable_and_poll_now", "_selected_action": [disabled_feed.pk]},
    )

    disabled_feed.refresh_from_db()
    assert not disabled_feed.enabled
