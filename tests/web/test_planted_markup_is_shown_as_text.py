"""Article and claim text is escaped everywhere it is shown; a CSP forbids inline script anyway."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_script_in_an_article_or_claim_is_shown_escaped_on_every_page(
    client_for, reviewer, planted
):
    client = client_for(reviewer)
    claim, article, stance = planted["claim"], planted["article"], planted["stance"]
    for url in (
        reverse("home"),
        reverse("claim-detail", args=[claim.slug]),
        reverse("article-list"),
        reverse("article-detail", args=[article.pk]),
        reverse("stance-edit", args=[stance.pk]),
    ):
        page = client.get(url).content.decode()
        assert "<script>window" not in page, url
        assert 'onerror="' not in page, url
        assert "<img src=x" not in page, url
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "&lt;script&gt;window.__xss = &quot;article&quot;&lt;/script&gt;" in page
    assert f'<mark id="stance-{stance.pk}"' in page


def test_the_highlighted_text_keeps_the_stored_text_exactly(client_for, reviewer, planted):
    import html
    import re

    article = planted["article"]
    page = client_for(reviewer).get(reverse("article-detail", args=[article.pk])).content.decode()
    inner = re.search(r'<div class="article-text" id="article-text"[^>]*>(.*?)</div>', page, re.S)
    text = html.unescape(re.sub(r"</?mark[^>]*>", "", inner.group(1)))
    assert text == article.text


def test_pages_forbid_inline_script(client_for, reviewer, planted):
    response = client_for(reviewer).get(reverse("claim-detail", args=[planted["claim"].slug]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
