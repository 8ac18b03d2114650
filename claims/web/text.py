"""Article text for display: evidence quotes highlighted, passages in context.

The text is escaped slice by slice and only our own <mark> tags are put
around the slices; article text is never passed through mark_safe whole. The
marks add no characters, so the text content of the element that holds the
result is the stored text exactly, and a selection's offset from the start of
that element is its offset in ``Article.text`` (what the annotation form sends).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    stance_id: int
    start: int
    end: int
    position: str
    status: str
    label: str


def _escape_slice(text: str) -> str:
    # The HTML parser turns a raw CR (or CR LF) into LF; a character reference
    # keeps it, so offsets computed in the browser still match the stored text.
    return str(escape(text)).replace("\r", "&#13;")


def highlighted(text: str, spans: list[Span]) -> SafeString:
    """``text`` escaped, each span wrapped in <mark id="stance-<id>"> (overlaps nest or continue)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in pairwise(bounds):
        chunk = _escape_slice(text[a:b])
        covering = [s for s in spans if s.start <= a and s.end >= b]
        if not covering:
            out.append(chunk)
            continue
        starters = [s for s in covering if s.start == a]
        if not starters:
            first = covering[0]
            out.append(
                f'<mark class="{_classes(first, covering)}" data-stances="'
                f'{" ".join(str(s.stance_id) for s in covering)}" title="{escape(first.label)}">'
                f"{chunk}</mark>"
            )
            continue
        opening = "".join(
            f'<mark id="stance-{s.stance_id}" class="{_classes(s, covering)}" '
            f'data-stances="{" ".join(str(c.stance_id) for c in covering)}" '
            f'title="{escape(s.label)}">'
            for s in starters
        )
        out.append(opening + chunk + "</mark>" * len(starters))
    return mark_safe("".join(out))  # noqa: S308 - every slice escaped above


def _classes(span: Span, covering: list[Span]) -> str:
    classes = ["quote", f"quote-{span.position}", f"quote-{span.status}"]
    if len(covering) > 1:
        classes.append("quote-overlap")
    return str(escape(" ".join(classes)))


@dataclass(frozen=True)
class Passage:
    before: str
    quote: str
    after: str
    clipped_before: bool
    clipped_after: bool


def passage(text: str, start: int, end: int, context: int = 320) -> Passage:
    """The quote in its paragraph, at most ``context`` characters either side, cut at word boundaries."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    paragraph_start = text.rfind("\n\n", lo, start)
    if paragraph_start >= 0:
        lo = paragraph_start + 2
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    paragraph_end = text.find("\n\n", end, hi)
    if paragraph_end >= 0:
        hi = paragraph_end
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return Passage(
        before=text[lo:start],
        quote=text[start:end],
        after=text[end:hi],
        clipped_before=lo > 0 and paragraph_start < 0,
        clipped_after=hi < len(text) and paragraph_end < 0,
    )
