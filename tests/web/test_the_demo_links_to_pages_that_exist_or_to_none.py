"""The demo's "original at the quote" links open the pages the seeds were read from, or nothing.

The seeds used to carry made-up addresses under a reserved domain that never
resolves, so every "original at the quote" link on the demo was dead.
"""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Stance
from sources.models import Article

pytestmark = pytest.mark.django_db

# The pages the seed files were read from (the stored text is theirs, furniture included).
SEED_PAGES = {
    "The Hill": "https://thehill.com/policy/international/4122666-north-koreas-kim-huddles-with-russian-defense-chief/",
    "The Japan News": "https://japannews.yomiuri.co.jp/news-services/reuters/20240913-211119",
    "Reuters": "https://menatoday.info/news/north-korea-s-kim-meets-russia-s-shoigu-vows-more-cooperation-kcna-says",
}
# Domains reserved by RFC 2606 / RFC 6761: an address there never exists.
RESERVED = (".example", ".test", ".invalid", ".localhost")


def test_demo_articles_carry_the_addresses_they_were_read_from_or_none(demo):
    urls = dict(Article.objects.values_list("outlet__name", "url"))
    assert {name: url for name, url in urls.items() if url} == SEED_PAGES
    # The two copies' sites are not known to be online: no address rather than a dead one.
    assert urls["Wealth Navigators Hub"] == urls["Unnamed spun-copy site"] == ""
    for url in SEED_PAGES.values():
        host = urlsplit(url).hostname
        assert not host.endswith(RESERVED), url


def test_a_statement_without_an_address_has_no_link_to_the_original(client, settings, arms_claim):
    settings.FACTCHECK_PUBLIC_CLAIM_PAGES = True
    shoigu = Stance.objects.get(source__name="Sergei Shoigu")
    page = client.get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    row = page.split(f'<tr id="row-{shoigu.pk}">')[1].split("</tr>")[0]
    assert "at-quote" not in row
    assert "“thanked him for the nation’s assist" in row
    assert "<a " not in row
    mark = page.split(f'data-stance="{shoigu.pk}"')[1].split(">")[0]
    assert "data-at-quote" not in mark


def test_loading_the_demo_over_an_older_one_updates_its_addresses_in_place(demo):
    old = Article.objects.get(outlet__name="The Hill")
    Article.objects.filter(pk=old.pk).update(
        url="https://seeds.factcheck.example/000",
        canonical_url="https://seeds.factcheck.example/000",
    )
    call_command("load_demo", verbosity=0)
    assert Article.objects.count() == 5
    assert Article.objects.get(pk=old.pk).url == SEED_PAGES["The Hill"]
