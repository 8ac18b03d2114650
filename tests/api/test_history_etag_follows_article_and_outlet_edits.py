"""The history's ETag moves when an article or outlet it shows changes, however it was written."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sources.models import Article, Outlet
from tests.api.history_json import reports
from tests.factories import ArticleFactory, ClaimFactory, OutletFactory, StanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict:
    """A claim whose stances quote two copies (of two originals) and a wire-credited page."""
    claim = ClaimFactory()
    first = ArticleFactory(outlet=OutletFactory(name="Wire One"))
    second = ArticleFactory(outlet=OutletFactory(name="Wire Two"))
    first_copy = ArticleFactory(duplicate_of=first, duplicate_kind="republished")
    second_copy = ArticleFactory(duplicate_of=second, duplicate_kind="republished")
    credited = ArticleFactory(original_outlet=OutletFactory(name="Wire Three"))
    for article in (first_copy, second_copy, credited):
        StanceFactory(claim=claim, article=article)
    return {
        "url": f"/api/v1/claims/{claim.slug}/history/",
        "first": first,
        "second": second,
        "first_copy": first_copy,
        "second_copy": second_copy,
        "credited": credited,
    }


def after(client, url: str, change: Callable[[], None]):
    """The answer to a client sending back the ETag it got before ``change``."""
    etag = client.get(url)["ETag"]
    change()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200, "a stale 304"
    assert response["ETag"] != etag
    return response.json()


def articles(body: dict) -> dict[int, dict]:
    return {s["article"]["id"]: s["article"] for lane in body["lanes"] for s in reports(lane)}


def test_renaming_the_outlet_of_a_shown_article_changes_the_etag(world, consumer_client):
    copy = world["first_copy"]

    body = after(
        consumer_client,
        world["url"],
        lambda: Outlet.objects.filter(pk=copy.outlet_id).update(name="Renamed Daily"),
    )

    assert articles(body)[copy.pk]["outlet"] == "Renamed Daily"


def test_renaming_the_outlet_of_an_original_changes_the_etag(world, consumer_client):
    def rename() -> None:
        outlet = world["first"].outlet
        outlet.name = "Wire One International"
        outlet.save(update_fields=["name"])

    body = after(consumer_client, world["url"], rename)

    assert articles(body)[world["first_copy"].pk]["original"]["outlet"] == "Wire One International"


def test_renaming_a_credited_wire_outlet_changes_the_etag(world, consumer_client):
    credited = world["credited"]

    body = after(
        consumer_client,
        world["url"],
        lambda: Outlet.objects.filter(pk=credited.original_outlet_id).update(name="Wire 3"),
    )

    assert articles(body)[credited.pk]["original_outlet"] == "Wire 3"


def test_a_copy_found_to_be_spun_rather_than_republished_changes_the_etag(world, consumer_client):
    copy = world["first_copy"]

    body = after(
        consumer_client,
        world["url"],
        lambda: Article.objects.filter(pk=copy.pk).update(duplicate_kind="spun"),
    )

    assert articles(body)[copy.pk]["duplicate_kind"] == "spun"


def test_two_copies_swapping_their_originals_changes_the_etag(world, consumer_client):
    # The same set of original ids before and after: a sum of ids cannot tell.
    def swap() -> None:
        Article.objects.filter(pk=world["first_copy"].pk).update(duplicate_of=world["second"])
        Article.objects.filter(pk=world["second_copy"].pk).update(duplicate_of=world["first"])

    body = after(consumer_client, world["url"], swap)

    assert articles(body)[world["first_copy"].pk]["original"]["id"] == world["second"].pk
    assert articles(body)[world["second_copy"].pk]["original"]["id"] == world["first"].pk


def test_an_original_retitled_with_update_fields_changes_the_etag(world, consumer_client):
    def retitle() -> None:
        original = world["first"]
        original.title = "A corrected headline"
        original.save(update_fields=["title"])

    body = after(consumer_client, world["url"], retitle)

    assert articles(body)[world["first_copy"].pk]["original"]["title"] == "A corrected headline"


def test_every_write_moves_updated_at_even_when_it_leaves_the_field_out(world):
    article = world["credited"]
    stamps = [Article.objects.get(pk=article.pk).updated_at]

    Article.objects.filter(pk=article.pk).update(title="Retitled by update()")
    stamps.append(Article.objects.get(pk=article.pk).updated_at)
    article.page_date = None
    article.save(update_fields=["page_date"])
    stamps.append(Article.objects.get(pk=article.pk).updated_at)

    assert stamps == sorted(stamps) and len(set(stamps)) == 3
