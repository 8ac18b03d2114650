"""The one HTTP client for everything the workbench fetches (feeds, pages, robots.txt).

In three parts beside this module: the address guard (addresses.py), the transport with
its deadlines (transport.py), and politeness with robots.txt (politeness.py); here the
fetch itself: redirects, status, content type and the bounded, decompressed body.

Rules, each because a fetched URL comes from a stranger (a feed, an editor's paste):
- only http(s) URLs without credentials;
- the host is resolved and every address checked, and the connection is made to a checked
  address, whose peer address is checked again once connected (a DNS answer that changes
  between check and connect gains nothing): loopback, private, link-local (cloud metadata at
  169.254.169.254), CGNAT, multicast, reserved, unspecified and IPv4-mapped/translated IPv6
  addresses are refused. settings.FACTCHECK_FETCH_ALLOW_LOOPBACK lets tests reach 127.0.0.0/8
  and ::1 and nothing else; production never sets it;
- redirects are followed by hand, at most 5, each hop checked like the first;
- connect/read timeouts per operation plus a total deadline for the whole fetch, which every
  connect, read and write on the socket respects (a server dripping its headers a byte at a
  time cannot hold a worker past it);
- the body is decompressed here, chunk by chunk with a bounded output, and reading stops as
  soon as the decoded size passes the cap, so a gzip bomb costs at most the cap;
- only HTML, XHTML, XML (feeds) and plain text are accepted;
- robots.txt is honoured (RFC 9309, parsed by Protego) and requests to one host are spaced out; a host whose
  next free slot lies past the deadline is tried later (HostBusyError, with retry_after);
- a URL that cannot be parsed (in a feed, a paste or a redirect) is a FetchError, not a crash;
- the User-Agent says who we are (settings.FACTCHECK_USER_AGENT).

``post`` sends a body (the apps' webhooks) under the same address rules and deadline; it
follows no redirect and reads at most a small part of the answer.
"""

from __future__ import annotations

import email.utils
import functools
import logging
import time
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from sources.fetch.addresses import check_url
from sources.fetch.errors import (
    BodyTooLargeError,
    ContentTypeError,
    FetchError,
    HTTPStatusError,
    InvalidURLError,
    RedirectError,
    TotalTimeLimitError,
    TransientFetchError,
)
from sources.fetch.politeness import ROBOTS_MAX_BYTES, host_wait
from sources.fetch.transport import checked_client

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset(
    {
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
    }
)
TEXT_TYPES = frozenset({"text/plain"})
ACCEPTED_TYPES = HTML_TYPES | XML_TYPES | TEXT_TYPES


@dataclass
class FetchResponse:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str  # media type only, lower case ("" for a 304)
    charset: str | None
    headers: httpx.Headers
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")


# --- the fetch ---------------------------------------------------------------


def _redirect_target(current: str, location: str) -> str:
    try:
        return urljoin(current, location)
    except ValueError as exc:  # "http://[oops/x": an unclosed IPv6 bracket, and the like
        raise InvalidURLError(
            f"redirect to an invalid URL {location[:300]!r} ({exc})", url=current
        ) from exc


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _decoder(encoding: str) -> Any:
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return None
    if encoding in {"gzip", "x-gzip"}:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip wrapper, auto-detected
    raise FetchError(f"unsupported Content-Encoding {encoding!r}")


def _read_body(response: httpx.Response, *, max_bytes: int, deadline: float, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "")
    if declared.isdigit() and not encoding and int(declared) > max_bytes:
        raise BodyTooLargeError(
            f"response body of {int(declared):,} bytes exceeds the {max_bytes:,}-byte limit",
            url=url,
        )
    decoder = _decoder(encoding)
    chunks: list[bytes] = []
    size = 0

    def take(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > max_bytes:
            raise BodyTooLargeError(
                f"response body exceeds the {max_bytes:,}-byte limit (stopped reading)", url=url
            )
        chunks.append(data)

    try:
        for raw in response.iter_raw():
            if time.monotonic() > deadline:
                raise TotalTimeLimitError(url=url)
            if decoder is None:
                take(raw)
                continue
            data = raw
            while data:
                # Never inflate more than one byte past the cap in one call.
                out = decoder.decompress(data, max_bytes - size + 1)
                take(out)
                data = decoder.unconsumed_tail
        if decoder is not None:
            take(decoder.flush())
    except zlib.error as exc:
        raise FetchError(f"corrupt {encoding} body: {exc}", url=url) from exc
    except httpx.TimeoutException as exc:
        raise TransientFetchError(f"timed out reading the response: {exc}", url=url) from exc
    except httpx.TransportError as exc:
        raise TransientFetchError(f"connection failed while reading: {exc}", url=url) from exc
    return b"".join(chunks)


def _fetch_once(
    url: str,
    *,
    deadline: float,
    max_bytes: int,
    robots: bool,
    accept: frozenset[str],
    headers: dict[str, str],
) -> FetchResponse:
    """Fetch one URL, following checked redirects."""
    redirects: list[str] = []
    with checked_client(deadline) as client:
        current = url
        while True:
            check_url(current)
            host = urlsplit(current).hostname or ""
            host_wait(
                current,
                deadline=deadline,
                robots=functools.partial(_robots_txt, deadline=deadline) if robots else None,
            )
            if time.monotonic() > deadline:
                raise TotalTimeLimitError(url=url)
            try:
                request = client.build_request("GET", current, headers=headers)
            except httpx.InvalidURL as exc:
                raise InvalidURLError(
                    f"not a valid URL ({exc}): {current[:300]}", url=current
                ) from exc
            try:
                response = client.send(request, stream=True)
            except FetchError:
                raise
            except httpx.TimeoutException as exc:
                raise TransientFetchError(f"timed out connecting to {host}", url=current) from exc
            except httpx.TransportError as exc:
                raise TransientFetchError(
                    f"could not connect to {host}: {exc}", url=current
                ) from exc
            try:
                if response.status_code in REDIRECT_CODES:
                    location = response.headers.get("location", "")
                    if not location:
                        raise RedirectError("redirect without a Location header", url=current)
                    redirects.append(current)
                    if len(redirects) > MAX_REDIRECTS:
                        raise RedirectError(
                            f"more than {MAX_REDIRECTS} redirects (last to {location})", url=url
                        )
                    current = _redirect_target(current, location)
                    if current in redirects:
                        raise RedirectError(f"redirect loop back to {current}", url=url)
                    continue
                return _finish(response, current, redirects, deadline, max_bytes, accept)
            finally:
                response.close()


def _robots_txt(url: str, *, deadline: float) -> bytes:
    return _fetch_once(
        url,
        deadline=deadline,
        max_bytes=ROBOTS_MAX_BYTES,
        robots=False,
        accept=ACCEPTED_TYPES,
        headers={},
    ).content


def _finish(
    response: httpx.Response,
    url: str,
    redirects: list[str],
    deadline: float,
    max_bytes: int,
    accept: frozenset[str],
) -> FetchResponse:
    if response.status_code == 304:
        return FetchResponse(url, 304, b"", "", None, response.headers, redirects)
    if response.status_code >= 400 or response.status_code < 200:
        raise HTTPStatusError(
            response.status_code,
            url=url,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    raw_type = response.headers.get("content-type", "")
    media_type = raw_type.split(";", 1)[0].strip().lower()
    if not media_type:
        raise ContentTypeError("the answer has no Content-Type", url=url)
    if media_type not in accept:
        raise ContentTypeError(f"content type {media_type} is not accepted", url=url)
    charset = response.charset_encoding
    content = _read_body(response, max_bytes=max_bytes, deadline=deadline, url=url)
    return FetchResponse(
        url, response.status_code, content, media_type, charset, response.headers, redirects
    )


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: frozenset[str] = ACCEPTED_TYPES,
    max_bytes: int | None = None,
) -> FetchResponse:
    """GET a URL under the rules above; raises FetchError (`.transient` says retry or not).

    With `etag` / `last_modified` the request is conditional and may come back as a 304.
    """
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + settings.FACTCHECK_FETCH_TOTAL_TIMEOUT
    started = time.monotonic()
    try:
        response = _fetch_once(
            url,
            deadline=deadline,
            max_bytes=max_bytes or settings.FACTCHECK_FETCH_MAX_BYTES,
            robots=True,
            accept=accept,
            headers=headers,
        )
    except FetchError as exc:
        exc.url = exc.url or url
        logger.info("fetch failed url=%s reason=%s transient=%s", url, exc.reason, exc.transient)
        raise
    logger.info(
        "fetched url=%s status=%s bytes=%d type=%s redirects=%d seconds=%.2f",
        url,
        response.status,
        len(response.content),
        response.content_type or "-",
        len(response.redirects),
        time.monotonic() - started,
    )
    return response


# --- posting ---------------------------------------------------------------------


@dataclass
class PostResponse:
    url: str
    status: int
    headers: httpx.Headers
    excerpt: bytes  # the start of the answer's body, at most the cap given
    truncated: bool  # the body went on past the cap (the rest was not read)


def _read_prefix(
    response: httpx.Response, *, max_bytes: int, deadline: float, url: str
) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw():
            if time.monotonic() > deadline:
                raise TotalTimeLimitError(url=url)
            chunks.append(raw[: max_bytes - size])
            size += len(raw)
            if size > max_bytes:
                return b"".join(chunks), True
    except httpx.TimeoutException as exc:
        raise TransientFetchError(f"timed out reading the response: {exc}", url=url) from exc
    except httpx.TransportError as exc:
        raise TransientFetchError(f"connection failed while reading: {exc}", url=url) from exc
    return b"".join(chunks), False


def post(
    url: str, *, body: bytes, headers: dict[str, str], timeout: float, max_bytes: int
) -> PostResponse:
    """POST ``body`` to ``url``: the address guard and a total deadline as for a fetch.

    A redirect is not followed (its 3xx comes back as the answer: a redirect to an
    internal address leads nowhere); the answer's body is read up to ``max_bytes`` and
    no further (a 10 MB answer costs the cap); the whole exchange, connect to last byte
    read, ends within ``timeout`` seconds. Raises FetchError (``.transient``) when no
    answer came.
    """
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    check_url(url)
    host = urlsplit(url).hostname or ""
    sent = {"Accept": "*/*", "Accept-Encoding": "identity", **headers}
    try:
        with checked_client(deadline) as client:
            try:
                request = client.build_request("POST", url, content=body, headers=sent)
            except httpx.InvalidURL as exc:
                raise InvalidURLError(f"not a valid URL ({exc}): {url[:300]}", url=url) from exc
            try:
                response = client.send(request, stream=True)
            except FetchError:
                raise
            except httpx.TimeoutException as exc:
                raise TransientFetchError(f"timed out connecting to {host}", url=url) from exc
            except httpx.TransportError as exc:
                raise TransientFetchError(f"could not connect to {host}: {exc}", url=url) from exc
            try:
                excerpt, truncated = _read_prefix(
                    response, max_bytes=max_bytes, deadline=deadline, url=url
                )
            finally:
                response.close()
    except TotalTimeLimitError as exc:
        raise TotalTimeLimitError(url=url, limit=timeout, what="the request") from exc
    except FetchError as exc:
        exc.url = exc.url or url
        logger.info("post failed url=%s reason=%s", url, exc.reason)
        raise
    logger.info(
        "posted url=%s status=%s seconds=%.2f",
        url,
        response.status_code,
        time.monotonic() - started,
    )
    return PostResponse(url, response.status_code, response.headers, excerpt, truncated)
