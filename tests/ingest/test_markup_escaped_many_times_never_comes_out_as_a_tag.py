"""Plain text has no tag in it, however many times the markup was escaped on its way."""

import html

import nh3
import pytest

from sources.extract import MAX_UNESCAPE_ROUNDS, plain_text
from sources.feeds import feed_parse


def escaped(markup: str, times: int) -> str:
    for _ in range(times):
        markup = html.escape(markup, quote=False)
    return markup


def has_no_tag(text: str) -> bool:
    # nh3 parses like a browser: text it finds no tag in comes back unchanged once decoded.
    return html.unescape(nh3.clean(text, tags=set())) == text


def test_the_reviewers_triple_escaped_script_comes_out_without_a_tag():
    text = plain_text("&amp;amp;lt;script&amp;amp;gt;alert(1)&amp;amp;lt;/script&amp;amp;gt;")

    assert "<" not in text
    assert "script" not in text.lower()  # stripped with its content, as a live one would be
    assert has_no_tag(text)


@pytest.mark.parametrize("times", [1, 2, 3, MAX_UNESCAPE_ROUNDS - 1, MAX_UNESCAPE_ROUNDS + 5, 40])
def test_a_tag_escaped_any_number_of_times_never_comes_out_live(times):
    text = plain_text(escaped('<img src=x onerror="alert(1)"><script>alert(2)</script>', times))

    assert "<" not in text and ">" not in text
    assert has_no_tag(text)


def test_ordinary_entities_and_comparisons_survive():
    assert plain_text("Q&amp;A: prices &lt; 5% &mdash; &quot;quoted&quot;") == (
        'Q&A: prices < 5% \u2014 "quoted"'
    )
    assert plain_text("<p>Kim &amp; Putin</p> meet") == "Kim & Putin meet"


def test_a_feed_item_title_escaped_three_times_is_plain_text():
    title = escaped("<script>alert(1)</script>Kim meets Shoigu", 3)
    feed = feed_parse(
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>{title}</title><link>http://127.0.0.1/a</link></item>"
            "</channel></rss>"
        ).encode()
    )

    [entry] = feed.entries
    assert entry.title == "Kim meets Shoigu"
