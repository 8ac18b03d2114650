"""POST /articles/ refuses a URL the fetcher would never fetch with one clear error, the same
rule and words as the admin's ingest form (sources.fetch.addresses.fetchable_url): not
"Enter a valid URL." twice."""

import pytest

from sources.models import IngestJob

pytestmark = pytest.mark.django_db

SCHEME = "Enter a valid URL starting with http:// or https://."


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("not a url", SCHEME),
        ("ftp://example.org/x", SCHEME),
        ("ftps://example.org/x", SCHEME),
        ("javascript:alert(1)", SCHEME),
        (
            "https://user:pw@example.org/x",
            "URLs with a user name or password are not fetched; leave them out.",
        ),
    ],
)
def test_a_url_that_cannot_be_fetched_gets_one_error(url, error, editor_client):
    response = editor_client.post("/api/v1/articles/", {"url": url}, format="json")

    assert response.status_code == 400
    assert response.json() == {"url": [error]}
    assert not IngestJob.objects.exists()


def test_the_schema_still_calls_the_url_a_uri(editor_client):
    schema = editor_client.get("/api/schema/", {"format": "json"}).json()

    url = schema["components"]["schemas"]["ArticleSubmitRequest"]["properties"]["url"]
    assert {"type": "string", "format": "uri", "maxLength": 2000} in url["oneOf"]
