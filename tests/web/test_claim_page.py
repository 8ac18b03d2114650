"""The claim page: lanes with current positions, changes called out, a filterable table, data links."""

import re

import pytest
from django.urls import reverse

from claims.models import Stance

pytestmark = pytest.mark.django_db


def lane_labels(page: str) -> list[str]:
    return re.findall(r'<text x="12" y="\d+" class="lane-name">([^<]*)', page)


def test_the_arms_claim_has_a_lane_per_source_with_its_current_position(
    client_for, reviewer, arms_claim
):
    page = (
        client_for(reviewer).get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    )
    assert lane_labels(page)[:3] == ["United States", "North Korea", "Russia"]
    assert "now asserts" in page and "now denies" in page and "now hedges" in page
    assert "Russia: denies → hedges, 2025-03" in page
    # Shoigu speaks for Russia: his statement sits in the Russia lane, named.
    assert "+ Sergei Shoigu" in page


def test_each_mark_is_focusable_and_says_who_what_when_and_where(client_for, reviewer, arms_claim):
    shoigu = Stance.objects.get(source__name="Sergei Shoigu")
    page = (
        client_for(reviewer).get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    )
    found = re.search(rf'<a href="[^"]*#stance-{shoigu.pk}"[^>]*><title>[^<]*</title>', page)
    mark = found.group(0)
    assert 'tabindex="0"' in mark
    assert 'class="mark mark-hedges"' in mark
    assert f'href="/articles/{shoigu.article_id}/#stance-{shoigu.pk}"' in mark
    # The <title> names the link (and shows on hover): who, position, when, where, the quote.
    title = re.search(r"<title>([^<]*)</title>", mark).group(1)
    assert title.startswith(
        "Sergei Shoigu (Russia) hedges, 2025-03-21, "
        "according to Russian state media: “thanked him for the nation’s assist"
    )
    assert title.endswith(
        "(1 report: reported by The Associated Press, spun by Unnamed spun-copy site)"
    )
    assert 'data-quote="thanked him for the nation’s assist' in mark


def test_speaker_lanes_put_each_speaker_on_its_own(client_for, reviewer, arms_claim):
    url = reverse("claim-detail", args=[arms_claim.slug]) + "?lanes=speaker"
    page = client_for(reviewer).get(url).content.decode()
    assert "Sergei Shoigu" in lane_labels(page)
    russia_lane = page.split('class="lane-name">Russia')[1].split('class="lane"')[0]
    assert "now denies" in russia_lane


def test_the_table_filters_by_source_position_and_dates(client_for, reviewer, arms_claim):
    client = client_for(reviewer)
    url = reverse("claim-detail", args=[arms_claim.slug])
    everything = client.get(url).content.decode()
    # 14 confirmed stances, 9 statements: the 2023 and 2024 ones are reported twice.
    assert "9 confirmed" in everything
    russia = Stance.objects.get(source__name="Russia", article__outlet__name="Reuters").source
    denies = client.get(url, {"source": russia.pk, "position": "denies"}).content.decode()
    table = denies.split('<table class="stances">')[1]
    assert table.count("<tr id=") == 1
    assert "1 of 9 match" in denies
    in_2025 = client.get(url, {"date_from": "2025-01-01", "date_to": "2025-12-31"}).content
    assert in_2025.decode().split('<table class="stances">')[1].count("<tr id=") == 3


def test_a_bad_filter_says_what_is_wrong_and_shows_everything(client_for, reviewer, arms_claim):
    url = reverse("claim-detail", args=[arms_claim.slug])
    page = client_for(reviewer).get(url, {"date_from": "2025-01-01", "date_to": "2024-01-01"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "The “from” date is after the “to” date." in text
    assert text.split('<table class="stances">')[1].count("<tr id=") == 9


def test_the_page_links_to_the_api_history_and_claimreview(client_for, reviewer, arms_claim):
    page = (
        client_for(reviewer).get(reverse("claim-detail", args=[arms_claim.slug])).content.decode()
    )
    assert f'href="/api/v1/claims/{arms_claim.slug}/history/"' in page
    assert f'href="/api/v1/claims/{arms_claim.slug}/claimreview/"' in page


def test_close_stances_become_aggregate_marks_that_open_the_table(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=600, sources=4, articles=3, days=200)
    page = client_for(reviewer).get(reverse("claim-detail", args=[claim.slug])).content.decode()
    aggregates = re.findall(r"<title>(Busy source \d+: \d+ statements[^<]*)</title>", page)
    assert aggregates
    assert "Open them in the table." in aggregates[0]
    assert page.count('class="mark ') < 600
    assert re.search(r'href="\?source=\d+&amp;date_from=2022-\d\d-\d\d&amp;date_to=', page)
    assert "Page 1 of 12" in page  # the table pages through them


def test_thirty_sources_get_a_scrolling_chart(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=60, sources=30)
    page = client_for(reviewer).get(reverse("claim-detail", args=[claim.slug])).content.decode()
    assert page.count('class="lane"') == 20  # every third source speaks for the one before it
    assert "chart-lanes-scroll" in page


def test_a_claim_without_confirmed_stances_says_so(client_for, reviewer, busy_claim):
    claim = busy_claim(stances=0, sources=1, suggested=2)
    page = client_for(reviewer).get(reverse("claim-detail", args=[claim.slug])).content.decode()
    assert "No confirmed statements on this claim yet." in page
