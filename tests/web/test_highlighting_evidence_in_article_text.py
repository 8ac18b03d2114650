"""The article text with quotes marked: escaped slice by slice, overlaps nest, offsets survive."""

import html
import re

from claims.web.text import Span, highlighted, passage


def span(pk: int, start: int, end: int, position: str = "asserts") -> Span:
    return Span(pk, start, end, position, "confirmed", f"label {pk}")


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"</?mark[^>]*>", "", markup))


def test_each_quote_is_wrapped_in_a_mark_with_its_stance_id():
    text = "Washington accuses. Pyongyang denies."
    out = highlighted(text, [span(7, 0, 19), span(8, 20, 37, "denies")])
    assert out.startswith('<mark id="stance-7" class="quote quote-asserts quote-confirmed"')
    assert '<mark id="stance-8" class="quote quote-denies' in out
    assert visible_text(out) == text


def test_overlapping_and_identical_quotes_each_get_an_anchor():
    text = "Moscow and Pyongyang have denied arms transfers."
    spans = [span(1, 0, 47, "denies"), span(2, 0, 47, "denies"), span(3, 11, 20)]
    out = highlighted(text, spans)
    for pk in (1, 2, 3):
        assert f'id="stance-{pk}"' in out
    assert visible_text(out) == text


def test_markup_in_the_text_is_escaped_and_carriage_returns_kept():
    text = 'a <script>alert("x")</script>\r\nb & c'
    out = highlighted(text, [span(1, 2, 10)])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert "&#13;" in out  # the HTML parser would turn a raw CR LF into LF
    assert visible_text(out) == text


def test_spans_outside_the_text_are_ignored():
    assert highlighted("short", [span(1, 3, 99)]) == "short"


def test_a_passage_is_the_quotes_paragraph():
    text = "First paragraph.\n\nBefore the quote. THE QUOTE. After it.\n\nLast paragraph."
    start = text.index("THE QUOTE")
    found = passage(text, start, start + 9)
    assert (found.before, found.quote, found.after) == (
        "Before the quote. ",
        "THE QUOTE",
        ". After it.",
    )
    assert not found.clipped_before and not found.clipped_after


def test_a_long_paragraph_is_clipped_at_word_boundaries():
    text = "word " * 200 + "QUOTE" + " word" * 200
    start = text.index("QUOTE")
    found = passage(text, start, start + 5, context=40)
    assert found.clipped_before and found.clipped_after
    assert found.before.startswith("word") and found.after.endswith("word")
