"""Markup planted in any stored text is escaped on every page and in the picker's JSON.

The planted stances (tests/web/conftest.py) carry script, img-onerror and
attribute-breaking markup in the claim, the article title and text, the source
name, "reported through" and a suggested stance's evidence, so each shows up
on the pages that display it: home, claim, articles, article, review queue,
edit page. test_planted_markup_never_runs_in_chromium.py checks the same in a
browser with the CSP switched off.
"""

import html
import re

import pytest
from django.urls import reverse

from tests.web.conftest import xss_payload

pytestmark = pytest.mark.django_db

RAW = ("<script>window", "<img src=x", "<svg onload", 'onerror="', 'onload="window')


def pages(planted) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "claim": reverse("claim-detail", args=[planted["claim"].slug]),
        "articles": reverse("article-list"),
        "article": reverse("article-detail", args=[planted["article"].pk]),
        "queue": reverse("review-queue"),
        "edit": reverse("stance-edit", args=[planted["suggested"].pk]),
    }


# Where each planted text must show up (escaped), page by page.
SHOWN = {
    "home": ["claim", "source"],
    "claim": ["claim", "source", "article", "via", "title"],
    "articles": ["title"],
    "article": ["title", "article", "second", "source", "claim"],
    "queue": ["claim", "source", "second", "suggested-via", "cue", "alias", "note", "value"],
    "edit": ["claim", "second", "source", "suggested-via", "title"],
}


def escaped(tag: str) -> str:
    return html.escape(f'<script>window.__xss = "{tag}"</script>')


def test_no_page_writes_planted_markup_raw_and_each_shows_it_as_text(client_for, reviewer, planted):
    client = client_for(reviewer)
    for name, url in pages(planted).items():
        response = client.get(url)
        assert response.status_code == 200, name
        page = response.content.decode()
        for raw in RAW:
            assert raw not in page, (name, raw)
        for tag in SHOWN[name]:
            # Escaped as text, or (SVG data attributes, titles) with &#x27; for the quote.
            assert escaped(tag) in page or escaped(tag).replace("&#x27;", "'") in page, (
                name,
                tag,
            )


def test_the_queue_shows_the_suggestions_evidence_escaped(client_for, reviewer, planted):
    page = client_for(reviewer).get(reverse("review-queue")).content.decode()
    item = page.split(f'id="review-{planted["suggested"].pk}"')[1].split('class="actions"')[0]
    assert f"<li>{html.escape(xss_payload('note'))}</li>" in item
    assert f"<dd>“{html.escape(xss_payload('cue'))}”</dd>" in item
    assert html.escape(f"“{xss_payload('alias')}”, found by a close spelling") in item
    # An unknown key is shown as its label (underscores read as spaces), escaped too.
    assert f"<dt>{html.escape(xss_payload('key').replace('_', ' '))}</dt>" in item


def test_the_picker_json_carries_the_name_as_inert_text(client_for, reviewer, planted):
    response = client_for(reviewer).get(reverse("source-lookup"), {"q": "planted source"})
    body = response.content.decode()
    assert response["Content-Type"] == "application/json"
    assert not re.search(r"[<>]", body)
    assert response.json()["results"][0]["name"] == f"Source {xss_payload('source')}"


def test_the_highlighted_text_keeps_the_stored_text_exactly(client_for, reviewer, planted):
    article = planted["article"]
    page = client_for(reviewer).get(reverse("article-detail", args=[article.pk])).content.decode()
    inner = re.search(r'<div class="article-text" id="article-text"[^>]*>(.*?)</div>', page, re.S)
    text = html.unescape(re.sub(r"</?mark[^>]*>", "", inner.group(1)))
    assert text == article.text
    assert f'<mark id="stance-{planted["stance"].pk}"' in page
