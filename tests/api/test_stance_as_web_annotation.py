"""A stance exported as a W3C Web Annotation passes every MUST of the W3C test suite.

The suite's JSON Schemas (vendored in tests/peers/web-annotation/, see its
README.md) are loaded with jsonschema and a local registry: no network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from claims.models import Stance

pytestmark = pytest.mark.django_db

SUITE = Path(__file__).resolve().parents[1] / "peers" / "web-annotation"


def load_suite() -> tuple[Registry, list[tuple[str, dict]]]:
    """The MUST assertions and a registry holding the definitions they $ref."""
    musts = SUITE / "annotations" / "annotationMusts.test"
    if not musts.is_file():
        pytest.fail(
            f"The W3C web-annotation-tests suite is missing: expected {musts.resolve()} "
            "(vendored from W3C web-annotation-tests; see tests/peers/README.md)."
        )
    # The suite names its schemas by bare file names ("id.json"), as if served
    # from one folder; register each definition under that name.
    registry: Registry = Registry()
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = json.loads(path.read_text("utf-8"))
        registry = registry.with_resource(
            schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)
        )
    assertions = [
        (name, json.loads((SUITE / name).read_text("utf-8")))
        for name in json.loads(musts.read_text("utf-8"))["assertions"]
    ]
    return registry, assertions


def must_failures(annotation: dict) -> list[str]:
    registry, assertions = load_suite()
    failures = []
    for name, schema in assertions:
        assert schema["expectedResult"] == "valid"
        validator = Draft4Validator(
            schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER
        )
        errors = list(validator.iter_errors(annotation))
        if errors:
            failures.append(f"{name}: {schema['errorMessage']} ({errors[0].message[:200]})")
    return failures


@pytest.fixture
def shoigu(arms_claim) -> Stance:
    return Stance.objects.get(claim=arms_claim, source__name="Sergei Shoigu")


def test_the_suite_is_loaded_whole():
    registry, assertions = load_suite()

    assert len(assertions) >= 50
    assert "specificResource.json" in registry


def test_a_stance_annotation_passes_every_must_of_the_w3c_suite(shoigu, consumer_client):
    response = consumer_client.get(f"/api/v1/stances/{shoigu.pk}/annotation/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert must_failures(response.json()) == []


def test_the_annotation_targets_the_quote_in_the_article(shoigu, consumer_client):
    annotation = consumer_client.get(f"/api/v1/stances/{shoigu.pk}/annotation/").json()

    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert annotation["type"] == "Annotation"
    target = annotation["target"]
    # The spun copy's page is not known (the demo gives it no URL): the target is the
    # article as stored here.
    assert shoigu.article.url == ""
    assert target["source"] == f"http://testserver/api/v1/articles/{shoigu.article_id}/"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": shoigu.quote_exact,
        "prefix": shoigu.quote_prefix,
        "suffix": shoigu.quote_suffix,
    }
    assert position["type"] == "TextPositionSelector"
    assert shoigu.article.text[position["start"] : position["end"]] == quote["exact"]
    assert target["state"]["cached"].endswith(f"/api/v1/articles/{shoigu.article_id}/")


def test_an_article_read_from_a_page_is_targeted_at_that_page(arms_claim, consumer_client):
    stance = Stance.objects.get(
        claim=arms_claim, source__name="United States", article__outlet__name="The Japan News"
    )
    annotation = consumer_client.get(f"/api/v1/stances/{stance.pk}/annotation/").json()
    assert annotation["target"]["source"] == stance.article.url
    assert stance.article.url.startswith("https://japannews.yomiuri.co.jp/")


def test_the_body_says_who_takes_which_position_on_which_claim(shoigu, consumer_client):
    annotation = consumer_client.get(f"/api/v1/stances/{shoigu.pk}/annotation/").json()

    by_purpose = {body["purpose"]: body for body in annotation["body"]}
    assert by_purpose["classifying"]["value"] == "hedges"
    assert by_purpose["describing"]["value"].startswith("Sergei Shoigu hedges: North Korea")
    assert by_purpose["identifying"]["source"].endswith("/claims/north-korea-arms-to-russia/")


def test_a_broken_annotation_fails_the_suite(shoigu, consumer_client):
    """The check has teeth: the suite catches a missing target and a bad selector."""
    annotation = consumer_client.get(f"/api/v1/stances/{shoigu.pk}/annotation/").json()
    del annotation["target"]["selector"][0]["exact"]
    annotation["created"] = "yesterday"
    annotation["@context"] = "http://schema.org"

    failures = must_failures(annotation)

    assert any("textQuoteSelector" in f for f in failures)
    assert any("Created" in f for f in failures)
    assert any("Context" in f for f in failures)
