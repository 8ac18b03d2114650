"""The fetched host picks the outlet; a page's og:site_name only names a new one."""

import dataclasses

import pytest

from sources.models import Article, Outlet
from tests.ingest import pages
from tests.ingest.site import FARM, run_task, serve_seeds, url_job

pytestmark = pytest.mark.django_db


def test_a_page_declaring_the_hill_on_another_host_gets_an_outlet_of_its_own(web):
    the_hill = Outlet.objects.create(name="The Hill", domain="thehill.com")
    urls = serve_seeds(web)  # seed 000's page says og:site_name "The Hill"

    article = run_task(url_job(urls["000"])).article

    assert article.outlet != the_hill
    assert article.outlet.name == "The Hill (127.0.0.1)"
    assert article.outlet.domain == "127.0.0.1"
    assert not the_hill.articles.exists()


def test_a_second_page_on_that_host_joins_its_outlet_whatever_name_it_declares(web):
    urls = serve_seeds(web)
    first = run_task(url_job(urls["000"])).article  # "The Hill"

    second = run_task(url_job(urls["003"])).article  # says "Reuters"

    assert second.outlet == first.outlet
    assert not Outlet.objects.filter(name="Reuters").exists()


def test_an_outlet_filed_under_the_host_gets_the_page(web):
    local = Outlet.objects.create(name="Loopback Daily", domain=" WWW.LocalHost ")
    url = web.url("/story", FARM)
    web.add("/story", host=FARM, body=pages.seed_page(pages.seeds()["000"], url).encode())

    article = run_task(url_job(url)).article

    assert article.outlet == local


def test_a_page_posing_as_a_wire_service_is_still_read_as_its_copy(web):
    ap = Outlet.objects.create(name="The Associated Press", domain="apnews.com")
    seed = pages.seeds()["001"]  # an AP story ("(AP) —" dateline) on a content farm
    posing = dataclasses.replace(seed, spec=dataclasses.replace(seed.spec, site=ap.name))
    url = web.url("/ap-story")
    web.add("/ap-story", body=pages.seed_page(posing, url).encode())

    article = run_task(url_job(url)).article

    assert article.outlet.name == "The Associated Press (127.0.0.1)"
    assert article.duplicate_kind == Article.DuplicateKind.REPUBLISHED
    assert article.original_outlet == ap
