"""Every hop and every connection is checked: internal addresses are refused."""

import pytest

from sources.fetch import fetch
from sources.fetch import transport as fetch_module
from sources.fetch.addresses import address_refusal
from sources.fetch.errors import BlockedAddressError
from sources.models import Article, IngestJob
from tests.ingest.site import redirect, run_task, url_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def allowance_off_after_first_hop(web, settings):
    """The first hop reaches the test server; the allowance is off before the redirect lands."""

    def switch_off():
        settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False

    return switch_off


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.1:{port}/secret", "http://169.254.169.254/latest/meta-data/"],
)
def test_a_redirect_to_an_internal_address_is_refused(
    web, allowance_off_after_first_hop, stored_article, target
):
    target = target.format(port=web.port)
    web.add("/secret", body=b"internal only")
    web.add("/go", redirect(target, before=allowance_off_after_first_hop))

    job = run_task(url_job(web.url("/go")))

    assert job.status == IngestJob.Status.FAILED
    assert job.error.startswith("refused to connect to")
    assert "loopback" in job.error or "link-local" in job.error
    assert web.seen("/secret") == []
    assert Article.objects.filter(pk=stored_article.pk).exists()


def test_metadata_address_is_refused_even_with_the_test_allowance(web):
    web.add("/meta", redirect("http://169.254.169.254/latest/meta-data/"))
    with pytest.raises(BlockedAddressError, match=r"169\.254\.169\.254 is a link-local address"):
        fetch(web.url("/meta"))


def test_a_name_resolving_to_loopback_is_refused_without_the_allowance(web, settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    web.add("/page", body=b"<html></html>")
    with pytest.raises(BlockedAddressError, match="loopback"):
        fetch(web.url("/page", host="localhost"))
    assert web.seen("/page") == []


def test_the_connected_peer_is_checked_even_if_resolution_said_otherwise(
    web, settings, monkeypatch
):
    """A DNS answer that changes between check and connect (rebinding) gains nothing."""
    web.add("/robots.txt", status=404)
    web.add("/page", body=b"<html></html>")
    monkeypatch.setattr(fetch_module, "resolve", lambda host, port: ["127.0.0.1"])
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(BlockedAddressError, match=r"refused connection to .*loopback"):
        fetch(web.url("/page"))
    assert web.seen("/page") == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:8.8.8.8",
        "2002:7f00:1::1",
        "64:ff9b::7f00:1",
    ],
)
def test_internal_and_odd_addresses_are_refused(settings, address):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    assert address_refusal(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(settings, address):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False
    assert address_refusal(address) is None


def test_the_test_allowance_opens_loopback_and_nothing_else(settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = True
    assert address_refusal("127.0.0.1") is None
    assert address_refusal("::1") is None
    for address in ("169.254.169.254", "10.0.0.1", "::ffff:127.0.0.1", "100.64.0.1"):
        assert address_refusal(address)
