"""Links to pages elsewhere: only http(s) URLs become links, and a link can open a page at a quote.

Article URLs come from feeds, pasted forms and the pages themselves (a
canonical or "original" link, which URL cleaners keep even as ``javascript:``).
A URL that is not http(s) is shown as text, never written into an href.

Text fragments (https://wicg.github.io/scroll-to-text-fragment/) open the
original page scrolled to the quote and highlight it in browsers that support
them; others open the page as usual.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Words of context either side of the quote in a text fragment: enough to pick
# the right occurrence, few enough to survive small edits of the page.
CONTEXT_WORDS = 3
# A quote longer than this many words is matched by its first and last words
# (textStart,textEnd), as browsers do for long selections: the link stays short.
LONG_QUOTE_WORDS = 10
EDGE_WORDS = 4
# claims.services.CONTEXT_CHARS: a stored prefix or suffix this long may be cut mid-word.
STORED_CONTEXT_CHARS = 32


def http_url(url: str | None) -> str:
    """``url`` if it is an absolute http(s) URL, else "" (javascript:, data:, relative, junk)."""
    url = (url or "").strip()
    if not url or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return ""
    return url


def _term(text: str) -> str:
    # Percent-encode everything but unreserved characters, and "-" too: "-", "," and "&"
    # are the directive's own syntax.
    return quote(text, safe="").replace("-", "%2D")


def _prefix_words(prefix: str) -> list[str]:
    block = prefix.rsplit("\n", 1)[-1]  # a fragment's context does not cross paragraphs
    words = block.split()
    # A full-length context that starts on a letter probably starts inside a cut-off word.
    if len(block) == len(prefix) >= STORED_CONTEXT_CHARS and words and not prefix[0].isspace():
        words = words[1:]
    return words[-CONTEXT_WORDS:]


def _suffix_words(suffix: str) -> list[str]:
    block = suffix.split("\n", 1)[0]
    words = block.split()
    if len(block) == len(suffix) >= STORED_CONTEXT_CHARS and words and not suffix[-1].isspace():
        words = words[:-1]
    return words[:CONTEXT_WORDS]


def text_fragment(*, exact: str, prefix: str = "", suffix: str = "") -> str:
    """The ``:~:text=`` directive for a quote with its stored context (without the "#")."""
    words = exact.split()
    if not words:
        return ""
    if len(words) > LONG_QUOTE_WORDS:
        terms = [" ".join(words[:EDGE_WORDS]), " ".join(words[-EDGE_WORDS:])]
    else:
        terms = [" ".join(words)]
    parts = [_term(t) for t in terms]
    before, after = _prefix_words(prefix), _suffix_words(suffix)
    if before:
        parts.insert(0, _term(" ".join(before)) + "-")
    if after:
        parts.append("-" + _term(" ".join(after)))
    return ":~:text=" + ",".join(parts)


def at_quote_url(url: str | None, *, exact: str, prefix: str = "", suffix: str = "") -> str:
    """The http(s) ``url`` opened at the quote (a text fragment), or "" when url is not http(s).

    A URL has one fragment, and the directive goes at its end: ``#part`` becomes
    ``#part:~:text=…``. A directive the stored URL already carries (someone shared a
    link to another passage) is replaced, not followed by a second one.
    """
    url = http_url(url)
    directive = text_fragment(exact=exact, prefix=prefix, suffix=suffix)
    if not url or not directive:
        return url
    address, _, fragment = url.partition("#")
    fragment = fragment.split(":~:", 1)[0]
    return f"{address}#{fragment}{directive}"
