"""Finding a typed quote in an article's text, forgiving typography and nothing else.

A person typing a quote writes straight quotes and apostrophes for curly ones,
a plain hyphen (or two) for an en or em dash, and one space where the article
has a line break or several spaces. Those differences are forgiven; every other
character must be the article's. The caller stores the article's own characters
at the span found, so a stored quote is always verbatim.
"""

from __future__ import annotations

import re

# straight, left, right, low-9 and reversed-9 quotation marks, single and double
SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f'
# hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_SINGLE = f"[{re.escape(SINGLE_QUOTES)}]"
_DOUBLE = f"[{re.escape(DOUBLE_QUOTES)}]"
_DASH_RUN = f"[{re.escape(DASHES)}]+"
_TOKENS = re.compile(rf"\s+|{_DASH_RUN}|.", re.DOTALL)


def quote_pattern(quote: str) -> re.Pattern[str]:
    """A pattern that matches ``quote`` in a text whatever its quote marks, dashes and spacing.

    Runs of whitespace match any run of whitespace (line breaks, no-break spaces),
    runs of dashes any run of dashes, a quote mark any quote mark of its kind
    (single or double). Every other character matches itself only.
    """
    parts = []
    for token in _TOKENS.findall(quote.strip()):
        if token.isspace():
            parts.append(r"\s+")
        elif token[0] in DASHES:
            parts.append(_DASH_RUN)
        elif token in SINGLE_QUOTES:
            parts.append(_SINGLE)
        elif token in DOUBLE_QUOTES:
            parts.append(_DOUBLE)
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts))


def quote_find(text: str, quote: str, *, prefix: str = "") -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``: (start, end) of the article's characters, or None.

    The quote exactly as typed wins over a match that forgives typography, and
    an occurrence right after ``prefix`` (the text the reader saw before their
    selection) over the first one.
    """
    if not quote.strip():
        return None
    if prefix:
        at = text.find(prefix + quote)
        if at >= 0:
            return at + len(prefix), at + len(prefix) + len(quote)
        after = re.search(
            f"(?:{quote_pattern(prefix).pattern})\\s*({quote_pattern(quote).pattern})", text
        )
        if after is not None:
            return after.start(1), after.end(1)
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    found = quote_pattern(quote).search(text)
    return (found.start(), found.end()) if found is not None else None


def quote_at(text: str, quote: str, start: int) -> int | None:
    """The end of ``quote`` read at ``start`` in ``text`` (typography forgiven), or None."""
    if not quote.strip() or not 0 <= start <= len(text):
        return None
    if text.startswith(quote, start):
        return start + len(quote)
    found = quote_pattern(quote).match(text, start)
    return found.end() if found is not None else None
