"""The admin refuses, where it is typed, a URL the fetcher would never fetch: ftp://, ftps://,
a user name and password. The ingest form and the feed form hold it to the API's rule
(sources.fetch.addresses.fetchable_url), instead of queueing a job bound to fail."""

import datetime as dt

import pytest
from django.urls import reverse

from sources.models import Feed, IngestJob

pytestmark = pytest.mark.django_db

EMPTY = {"url": "", "text": "", "title": "", "published_on": "", "outlet": ""}
SCHEME = "Enter a valid URL starting with http:// or https://."
CREDENTIALS = "URLs with a user name or password are not fetched; leave them out."


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("ftp://example.org/story.txt", SCHEME),
        ("ftps://example.org/story.txt", SCHEME),
        ("not a url", SCHEME),
        ("https://editor:secret@example.org/story", CREDENTIALS),
    ],
)
def test_the_ingest_form_refuses_a_url_that_cannot_be_fetched(url, error, client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:sources_ingestjob_add"), {**EMPTY, "url": url})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"] == [error]
    assert not IngestJob.objects.exists()


@pytest.mark.parametrize("url", ["http://example.org/a", "https://example.org/a", "example.org/a"])
def test_the_ingest_form_takes_http_and_https(url, client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:sources_ingestjob_add"), {**EMPTY, "url": url})

    assert response.status_code == 302
    assert IngestJob.objects.get().url.removeprefix("https://").removeprefix("http://") == (
        "example.org/a"
    )


def feed_form(url: str) -> dict:
    return {
        "url": url,
        "title": "Wire",
        "outlet": "",
        "enabled": "on",
        "disabled_reason": "",
        "poll_interval": 900,
        "min_interval": 300,
        "max_interval": 86400,
        "next_poll_at_0": dt.date(2025, 1, 1).isoformat(),
        "next_poll_at_1": "00:00:00",
    }


def test_the_feed_form_refuses_an_ftp_feed_and_takes_an_https_one(client, editor):
    client.force_login(editor)
    add = reverse("admin:sources_feed_add")

    refused = client.post(add, feed_form("ftp://example.org/feed.xml"))
    taken = client.post(add, feed_form("https://example.org/feed.xml"))

    assert refused.context["adminform"].form.errors["url"] == [SCHEME]
    assert taken.status_code == 302
    assert list(Feed.objects.values_list("url", flat=True)) == ["https://example.org/feed.xml"]
