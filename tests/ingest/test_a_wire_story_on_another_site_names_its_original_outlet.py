"""A wire story whose original is not stored: the dateline credit names the original outlet."""

import pytest

from sources.models import Article
from tests.ingest.site import run_task, serve_seeds, url_job

pytestmark = pytest.mark.django_db


def test_the_ap_story_on_a_content_farm_is_marked_republished_from_ap(web):
    urls = serve_seeds(web)

    farm_copy = run_task(url_job(urls["001"])).article

    assert farm_copy.duplicate_of is None  # AP's own page is not stored
    assert farm_copy.duplicate_kind == Article.DuplicateKind.REPUBLISHED
    assert farm_copy.original_outlet.name == "The Associated Press"
    assert farm_copy.original_outlet.is_wire_service
    assert farm_copy.outlet.name == "Wealth Navigators Hub"


def test_a_newsroom_report_drawing_on_ap_is_its_own_original(web):
    urls = serve_seeds(web)

    hill = run_task(url_job(urls["000"])).article

    assert hill.duplicate_kind == ""
    assert hill.original_outlet is None
    assert hill.outlet.name == "The Hill"
    assert hill.byline == "Lauren Sforza"
    assert hill.language == "en"
