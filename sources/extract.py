"""From fetched bytes to an article: main text, title, byline, language, canonical URL, date.

trafilatura finds the main text and the metadata; htmldate (through trafilatura, with
extensive search and original_date) finds the original publication date. The stored text
is plain text; the HTML kept for display is trafilatura's simplified body cleaned by nh3.
Each document gets a hard time limit, so one pathological page cannot hold a worker.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import html as html_lib
import logging
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

import nh3
import trafilatura
from charset_normalizer import from_bytes
from trafilatura.htmlprocessing import build_html_output
from trafilatura.settings import Document

logger = logging.getLogger(__name__)

EXTRACT_SECONDS = 20.0
# Below this many characters of main text a page is a stub, an index or an error page.
MIN_TEXT_CHARS = 200

DISPLAY_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong",
    "b", "i", "a", "table", "thead", "tbody", "tr", "th", "td", "pre", "code", "hr", "del",
}  # fmt: skip


class ExtractionError(Exception):
    """The document yields no article; the message is written for the editor."""


class TimeLimitExceeded(ExtractionError):
    pass


# After the limit fires, how soon it fires again if the first interruption was swallowed.
REFIRE_SECONDS = 0.05


@contextlib.contextmanager
def hard_time_limit(seconds: float, what: str) -> Iterator[None]:
    """Interrupt the block after `seconds` (SIGALRM; main thread only).

    Celery's prefork workers and the management command run tasks on their main thread, so
    the limit holds there; elsewhere the task's own time limit is the backstop.

    An exception raised by a signal handler can be lost: it may land in a gc callback or a
    __del__ (where Python only reports it as unraisable) or in library code that catches
    Exception. So once the limit has passed the handler keeps firing every REFIRE_SECONDS
    until the exception leaves the block, and a block that still ends normally after the
    limit fired is reported as stopped all the same.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    message = f"{what} took longer than {seconds:g} s and was stopped"
    armed = True
    fired = False

    def expire(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        if not armed:
            return
        fired = True
        signal.setitimer(signal.ITIMER_REAL, REFIRE_SECONDS)
        raise TimeLimitExceeded(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        # First statement: a plain store runs no signal handler before it (CPython checks for
        # pending signals only on calls and backward jumps), so nothing fires past this line.
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise TimeLimitExceeded(message)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, declared: str | None = None) -> str:
    """Decode a page whose declared charset may be wrong or missing.

    Order: a byte-order mark; strict UTF-8 (bytes that decode as UTF-8 and are not ASCII
    are UTF-8 far more often than not, whatever the header says); the charset from the
    HTTP header, then from a <meta> tag, if the bytes decode with it; windows-1252;
    charset_normalizer's guess; UTF-8 with replacement characters.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if body.startswith(bom):
            return body.decode(name, "replace").lstrip("\ufeff")
    with contextlib.suppress(UnicodeDecodeError):
        return body.decode("utf-8")
    meta = _META_CHARSET.search(body[:4096])
    candidates: list[str | None] = [
        declared,
        meta.group(1).decode("ascii", "ignore") if meta else None,
    ]
    for candidate in candidates:
        codec = _codec(candidate)
        if codec and codec != "utf-8":
            with contextlib.suppress(UnicodeDecodeError):
                return body.decode(codec)
    # windows-1252 is the web's default for undeclared legacy pages (WHATWG Encoding).
    with contextlib.suppress(UnicodeDecodeError):
        return body.decode("cp1252")
    guess = from_bytes(body[:200_000]).best()
    if guess is not None and guess.encoding:
        return body.decode(guess.encoding, "replace")
    return body.decode("utf-8", "replace")


# Each round strips tags and decodes one level of entities. Real text is escaped once or
# twice (a feed's HTML inside XML); more rounds than this means someone is escaping on purpose.
MAX_UNESCAPE_ROUNDS = 8
_TAG_OR_ENTITY_CHARS = re.compile(r"[<>&]")


def plain_text(fragment: str) -> str:
    """Text with every tag removed (script and style with their content), entities decoded.

    Stripping and decoding are repeated until the text no longer changes, so markup escaped
    any number of times cannot come out as a live tag: a stable text is one nh3 finds no tag
    in. Text still changing after MAX_UNESCAPE_ROUNDS was escaped on purpose: it loses its
    angle brackets, so no tag can form, and its ampersands, so no entity left in it can
    decode into a bracket for a reader who unescapes it once more. The price: literal
    markup written as text ("the &lt;script&gt; element") is dropped too, as we cannot
    tell it from an escaped tag.
    """
    text = fragment
    for _ in range(MAX_UNESCAPE_ROUNDS):
        cleaned = html_lib.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    else:
        text = _TAG_OR_ENTITY_CHARS.sub("", text)
    return " ".join(text.split())


def sanitize_html(fragment: str) -> str:
    """HTML safe to show: a small set of text tags, no scripts, handlers or javascript: URLs."""
    return nh3.clean(
        fragment,
        tags=DISPLAY_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
    )


@dataclass
class Extracted:
    title: str
    text: str
    html: str
    byline: str
    language: str
    canonical_url: str
    date: dt.date | None
    sitename: str


_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)""", re.I
)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(page: str, *, url: str) -> Extracted:
    """Main text and metadata of one HTML page; raises ExtractionError when there is none."""
    with hard_time_limit(EXTRACT_SECONDS, "extracting the article"):
        document = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
        if not isinstance(document, Document) or not document.text:
            raise ExtractionError("no article text found on the page")
        text = document.text.strip()
        if len(text) < MIN_TEXT_CHARS:
            raise ExtractionError(
                f"the page has only {len(text)} characters of main text (not an article?)"
            )
        display = sanitize_html(build_html_output(document))
    language = _LANG.search(page[:10_000])
    return Extracted(
        title=plain_text(document.title or "")[:1000],
        text=text,
        html=display,
        byline=plain_text(document.author or "")[:500],
        language=(language.group(1).lower().replace("_", "-") if language else "")[:20],
        canonical_url=document.url or "",
        date=_parse_date(document.date),
        sitename=plain_text(document.sitename or "")[:200],
    )


# Markup a person pasting an article's HTML would bring: a closing tag of a text element,
# a line break, or a document's start. "<<We deny everything>>" and "a<b and c>d" are text.
HTML_MARKUP = re.compile(
    r"</(?:p|div|span|a|b|i|u|em|strong|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|section"
    r"|article|body|html|head|title|script|style)\s*>|<br\s*/?>|<!doctype\s+html|<html\b",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """Whether pasted text is markup (an article's HTML), not text with angle brackets."""
    return bool(HTML_MARKUP.search(text))


def normalize_pasted_text(text: str) -> str:
    """Pasted text as stored: every word and paragraph kept, runs of spaces folded.

    Only a paste that is HTML (looks_like_html) has its tags dropped, paragraph by
    paragraph; angle brackets in plain text are text. NUL characters go: PostgreSQL text
    cannot hold them, and they carry nothing.
    """
    text = text.replace("\x00", "")
    if looks_like_html(text):
        text = "\n\n".join(plain_text(part) for part in re.split(r"(?i)</p>|<br\s*/?>", text))
    # Blank lines separate paragraphs where there are any; otherwise each line is one.
    if not re.search(r"\n\s*\n", text):
        paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    else:
        paragraphs = [p for block in re.split(r"\n\s*\n", text) for p in _unwrapped(block)]
    return "\n\n".join(p for p in paragraphs if p)


# A line that ends a sentence, a list item or a headline is not wrapped text going on.
_LINE_ENDS = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")
_BULLET = re.compile(r"(?:[\-\u2022*\u2013\u2014\u25aa\u25cf\u00b7]|\d{1,2}[.)])\s")


def _headline(line: str) -> bool:
    words = line.split()
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return 0 < len(words) <= 20 and capitals >= 0.6 * len(words)


def _unwrapped(block: str) -> list[str]:
    """The paragraphs of a block with no blank line: hard-wrapped lines are joined, but a
    line that ends a sentence or is a headline, or a list item's start, breaks it
    ("Overview\n- Kenvue said…\n- The FDA said…" is three paragraphs, not one)."""
    paragraphs: list[list[str]] = []
    for line in (" ".join(raw.split()) for raw in block.split("\n")):
        if not line:
            continue
        last = paragraphs[-1][-1] if paragraphs else None
        if last is None or _LINE_ENDS.search(last) or _headline(last) or _BULLET.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [" ".join(p) for p in paragraphs]
