"""The history rendered through orjson is byte for byte what DRF's JSONRenderer wrote."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from rest_framework.renderers import JSONRenderer

from claims.api.renderers import HistoryJSONRenderer, dumps, float_json
from claims.models import Claim, Stance
from sources.models import Article
from tests.api.reference.history import reference_history
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    StanceFactory,
)

pytestmark = pytest.mark.django_db

AWKWARD = (
    'Line\u2028and paragraph\u2029, "quotes", back\\slash, tab\t, control\x01, é, 😀, </script>'
)


def get(client, claim: Claim, params: dict | None = None) -> bytes:
    response = client.get(f"/api/v1/claims/{claim.slug}/history/", params or {})
    assert response.status_code == 200, response.content
    return response.content


def test_every_demo_history_is_unchanged(demo, consumer_client):
    as_of = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    for claim in Claim.objects.order_by("pk"):
        assert get(consumer_client, claim) == reference_history(claim)
        assert get(consumer_client, claim, {"group_by": "speaker"}) == reference_history(
            claim, group_by="speaker"
        )
        assert get(consumer_client, claim, {"as_of": as_of.isoformat()}) == reference_history(
            claim, as_of=as_of
        )


def test_a_claim_with_many_stances_and_awkward_text_is_unchanged(consumer_client):
    claim = ClaimFactory(text=f"A claim with {AWKWARD}")
    parent = SourceFactory(name=f"Parent {AWKWARD}")
    sources = [SourceFactory(parent=parent if n % 2 else None) for n in range(6)]
    confidences = [None, 0.0, 1.0, 0.5, 1e-05, 0.00012, 0.1 + 0.2, 2.5e-9]
    for n in range(240):
        article = ArticleFactory(
            title=f"Story {n} {AWKWARD}" if n % 7 == 0 else f"Story {n}",
            text=f"{AWKWARD} number {n}. More text." if n % 5 == 0 else f"Plain {n}. More.",
        )
        StanceFactory(
            claim=claim,
            source=sources[n % len(sources)],
            article=article,
            position=["asserts", "denies", "hedges", "no_comment"][(n // 9) % 4],
            stated_on=dt.date(2023, 1, 1) + dt.timedelta(days=n % 90),
            confidence=confidences[n % len(confidences)],
            note=AWKWARD,
        )
    Article.objects.filter(pk=article.pk).update(title=AWKWARD)
    assert Stance.objects.filter(claim=claim).count() == 240
    as_of = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)

    body = get(consumer_client, claim)
    assert body == reference_history(claim)
    assert b"\\u2028" in body and b"1e-05" in body and b"2.5e-09" in body
    assert get(consumer_client, claim, {"as_of": as_of.isoformat()}) == reference_history(
        claim, as_of=as_of
    )
    # Served again (from the cache, once settled) it is the same bytes.
    assert get(consumer_client, claim) == body
    # Every option of the SQL-written history gives the reference's bytes too.
    since = dt.date(2023, 2, 15)
    for params, options in [
        ({"group_by": "speaker"}, {"group_by": "speaker"}),
        ({"since": since.isoformat()}, {"since": since}),
        ({"source": str(parent.pk)}, {"source": parent}),
        (
            {"source": sources[0].slug, "group_by": "speaker"},
            {"source": sources[0], "group_by": "speaker"},
        ),
    ]:
        assert get(consumer_client, claim, params) == reference_history(claim, **options), params


def test_dates_known_to_the_month_or_year_and_copies_are_unchanged(consumer_client):
    """Statements of several reports (copies, an outlet's further stories, months, years)
    are grouped and led as claim_timeline groups them."""
    claim = ClaimFactory()
    speaker = SourceFactory()
    original = ArticleFactory(title="The wire's story")
    copies = [
        ArticleFactory(title=f"Copy {n}", duplicate_of=original, duplicate_kind="republished")
        for n in range(3)
    ]
    credited = ArticleFactory(title="Credited", original_outlet=OutletFactory(name="AP"))
    for n, (article, day, precision) in enumerate(
        [
            (original, dt.date(2023, 5, 2), "day"),
            (copies[0], dt.date(2023, 5, 3), "day"),
            (copies[1], dt.date(2023, 5, 1), "month"),
            (copies[2], dt.date(2023, 1, 1), "year"),
            (credited, dt.date(2023, 5, 4), "day"),
        ]
    ):
        StanceFactory(
            claim=claim,
            source=speaker,
            article=article,
            position="asserts" if n != 4 else "denies",
            stated_on=day,
            stated_on_precision=precision,
        )
    body = get(consumer_client, claim)
    assert body == reference_history(claim)
    assert b'"copies":' in body and b'"original":{' in body


@pytest.mark.parametrize(
    "value",
    [0.0, -0.0, 1.0, 0.5, 1e-05, 0.0001, 9.99e-05, 1.5e-07, 0.1 + 0.2, 1e15, 1e16, 123.456, 1e300],
)
def test_floats_are_written_as_python_writes_them(value):
    data = {"confidence": float_json(value), "list": [float_json(value), None, True, 7]}
    assert dumps(data) == JSONRenderer().render(data)


def test_pretty_printing_still_goes_through_json_dumps():
    data = {"a": [1, {"b": "\u2028é"}], "c": float_json(1e-05)}
    renderer = HistoryJSONRenderer()
    assert renderer.render(data, "application/json; indent=2") == JSONRenderer().render(
        data, "application/json; indent=2"
    )
    assert renderer.render(data) == JSONRenderer().render(data)


def test_an_empty_history_and_a_deep_source_tree_are_unchanged(consumer_client):
    empty = ClaimFactory()
    assert get(consumer_client, empty) == reference_history(empty)
    assert b'"lanes":[]' in get(consumer_client, empty)

    claim = ClaimFactory()
    top = SourceFactory(name="Top")
    mid = SourceFactory(name="Mid", parent=top)
    leaf = SourceFactory(name="Leaf", parent=mid)
    alone = SourceFactory(name="Alone")
    for n, (speaker, position) in enumerate(
        [
            (leaf, "asserts"),
            (mid, "denies"),
            (top, "hedges"),
            (alone, "no_comment"),
            (leaf, "denies"),
        ]
    ):
        StanceFactory(
            claim=claim,
            source=speaker,
            position=position,
            stated_on=dt.date(2024, 3, 1) + dt.timedelta(days=10 * n),
        )
    for params, options in [
        ({}, {}),
        ({"group_by": "speaker"}, {"group_by": "speaker"}),
        ({"source": str(mid.pk)}, {"source": mid}),
        ({"since": "2024-03-25"}, {"since": dt.date(2024, 3, 25)}),
    ]:
        assert get(consumer_client, claim, params) == reference_history(claim, **options), params


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_histories_are_unchanged(consumer_client, seed):
    """The SQL-written history groups, leads, counts and orders as claim_timeline does, on
    random claims: a source tree, speakers repeating themselves within days, dates known to
    the day, month or year, copies of stored stories and of wires, suggestions left out."""
    rng = random.Random(seed)
    claim = ClaimFactory()
    roots = [SourceFactory(name=f"Root {seed}-{n}") for n in range(3)]
    sources = [*roots]
    for n in range(6):
        sources.append(SourceFactory(name=f"Voice {seed}-{n}", parent=rng.choice(sources)))
    wire = OutletFactory(name=f"Wire {seed}")
    stories = []
    for n in range(90):
        kind = rng.random()
        if stories and kind < 0.2:
            article = ArticleFactory(duplicate_of=rng.choice(stories), duplicate_kind="republished")
        elif kind < 0.3:
            article = ArticleFactory(original_outlet=wire)
        elif kind < 0.35:
            article = ArticleFactory(outlet=None)
        else:
            article = ArticleFactory()
            stories.append(article)
        stance = StanceFactory(
            claim=claim,
            source=rng.choice(sources),
            article=article,
            position=rng.choice(["asserts", "asserts", "denies", "hedges", "no_comment"]),
            stated_on=dt.date(2024, 1, 1)
            + dt.timedelta(days=rng.choice([0, 1, 2, 4, 9, 40]) + 7 * (n // 6)),
            stated_on_precision=rng.choice(["day"] * 6 + ["month", "year"]),
            status="confirmed" if rng.random() < 0.85 else "suggested",
            confidence=rng.choice([None, 0.5, 1.0, 0.93]),
        )
        if rng.random() < 0.3:  # the same statement reported again: a copy, or the outlet again
            again = rng.choice(
                [
                    ArticleFactory(duplicate_of=article, duplicate_kind="spun")
                    if article.duplicate_of_id is None
                    else ArticleFactory(),
                    ArticleFactory(outlet=article.outlet),
                ]
            )
            StanceFactory(
                claim=claim,
                source=stance.source,
                article=again,
                position=stance.position,
                stated_on=stance.stated_on + dt.timedelta(days=rng.choice([0, 1, 3])),
                stated_on_precision=stance.stated_on_precision,
                confidence=stance.confidence,
            )
    since = dt.date(2024, 4, 1)
    for params, options in [
        ({}, {}),
        ({"group_by": "speaker"}, {"group_by": "speaker"}),
        ({"since": since.isoformat()}, {"since": since}),
        ({"source": str(roots[0].pk)}, {"source": roots[0]}),
    ]:
        assert get(consumer_client, claim, params) == reference_history(claim, **options), (
            seed,
            params,
        )
    # What the comparison covered: statements of several reports, copies, changes.
    lanes = json.loads(get(consumer_client, claim))["lanes"]
    statements = [s for lane in lanes for s in lane["statements"]]
    assert any(len(s["reports"]) > 1 for s in statements)
    assert any(s["copies"] for s in statements)
    assert any(lane["changes"] for lane in lanes)
