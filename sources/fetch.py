"""The one HTTP client for everything the workbench fetches (feeds, pages, robots.txt).

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
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import logging
import socket
import ssl
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings
from django.core.cache import cache
from protego import Protego

from sources.throttle import HostBusy, host_throttle

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
ROBOTS_CACHE_SECONDS = 3600
ROBOTS_MAX_BYTES = 512 * 1024
# The longest Crawl-delay we honour; a robots.txt asking for more is capped, not obeyed.
MAX_CRAWL_DELAY = 30.0

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

# 100.64.0.0/10 (carrier-grade NAT) is neither "private" nor "global" to ipaddress.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


class FetchError(Exception):
    """A fetch that did not produce a usable body. `reason` is written for the editor."""

    transient = False

    def __init__(self, reason: str, *, url: str = "", retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.retry_after = retry_after


class TransientFetchError(FetchError):
    """Worth trying again later: a timeout, a refused connection, a 5xx, a 429."""

    transient = True


class TotalTimeLimitError(TransientFetchError):
    def __init__(self, *, url: str = "") -> None:
        limit = settings.FACTCHECK_FETCH_TOTAL_TIMEOUT
        super().__init__(f"the fetch took longer than the total time limit ({limit:g} s)", url=url)


class HostBusyError(TransientFetchError):
    """The host's next free slot (its pause, its Crawl-delay) lies past this fetch's deadline."""


class InvalidURLError(FetchError):
    """A URL (given, or a redirect's Location) that cannot be parsed or requested."""


class BlockedAddressError(FetchError):
    pass


class BodyTooLargeError(FetchError):
    pass


class ContentTypeError(FetchError):
    pass


class RedirectError(FetchError):
    pass


class RobotsDisallowedError(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, status: int, *, url: str = "", retry_after: float | None = None) -> None:
        phrase = httpx.codes.get_reason_phrase(status) or "error"
        super().__init__(f"HTTP {status} {phrase}", url=url, retry_after=retry_after)
        self.status = status
        self.transient = status in {408, 425, 429, 500, 502, 503, 504}


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


# --- addresses ---------------------------------------------------------------


def address_refusal(address: str) -> str | None:
    """Why we will not connect to this IP address, or None if it is a public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if settings.FACTCHECK_FETCH_ALLOW_LOOPBACK and any(ip in net for net in _LOOPBACK):
        return None
    if isinstance(ip, ipaddress.IPv6Address) and (
        ip.ipv4_mapped is not None or ip.sixtofour is not None or ip.teredo is not None
    ):
        return f"{ip} is an IPv4-mapped or -translated IPv6 address"
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("CGNAT", isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("not globally routable", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return f"{ip} is a {name} address"
    return None


def resolve(host: str, port: int) -> list[str]:
    """All addresses the host resolves to; refuses the host if any of them is refused.

    Refusing on any bad answer (not just skipping it) keeps a name that mixes a public and
    an internal address from being a way in.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransientFetchError(f"cannot resolve {host}: {exc.strerror}") from exc
    except ValueError as exc:  # UnicodeError: a label too long for IDNA; an embedded NUL
        raise InvalidURLError(f"{host[:300]!r} is not a valid host name ({exc})") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        reason = address_refusal(address)
        if reason:
            raise BlockedAddressError(f"refused to connect to {host}: {reason}")
    return addresses


def _time_left(deadline: float, timeout: float | None) -> float:
    """The operation's timeout cut to the time left before the deadline; raises once past it."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TotalTimeLimitError()
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline.

    httpcore's timeouts are per operation: a server dripping a header byte every half
    second never trips a 10 s read timeout. Here each operation gets at most the time left,
    none starts after the deadline, and running out of it says so (TotalTimeLimitError).
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def _expired(self) -> bool:
        return time.monotonic() >= self._deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._stream.read(max_bytes, _time_left(self._deadline, timeout))
        except httpcore.ReadTimeout as exc:
            if self._expired():
                raise TotalTimeLimitError() from exc
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._stream.write(buffer, _time_left(self._deadline, timeout))
        except httpcore.WriteTimeout as exc:
            if self._expired():
                raise TotalTimeLimitError() from exc
            raise

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        try:
            stream = self._stream.start_tls(
                ssl_context, server_hostname, _time_left(self._deadline, timeout)
            )
        except httpcore.ConnectTimeout as exc:
            if self._expired():
                raise TotalTimeLimitError() from exc
            raise
        return DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class CheckedNetworkBackend(httpcore.SyncBackend):
    """Connects only to checked addresses, and checks the peer of the socket it got.

    With a deadline (time.monotonic()), connecting and every later read and write end by it.
    """

    def __init__(self, deadline: float | None = None) -> None:
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in resolve(host, port):
            if self._deadline is not None:
                timeout = _time_left(self._deadline, timeout)
            try:
                stream = super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectTimeout as exc:
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    raise TotalTimeLimitError() from exc
                last_error = exc
                continue
            except httpcore.ConnectError as exc:  # try the next address (say ::1 then 127.0.0.1)
                last_error = exc
                continue
            sock = stream.get_extra_info("socket")
            peer = sock.getpeername()[0] if sock is not None else None
            reason = address_refusal(peer) if peer else "no peer address"
            if reason:
                stream.close()
                raise BlockedAddressError(f"refused connection to {host}: {reason}")
            return stream if self._deadline is None else DeadlineStream(stream, self._deadline)
        raise last_error or httpcore.ConnectError(f"no address for {host}")


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes tens of milliseconds: once per process is enough.
    return httpx.create_ssl_context()


class CheckedTransport(httpx.HTTPTransport):
    """httpx's transport with our network backend; no proxies (they would hide the peer)."""

    def __init__(self, deadline: float | None = None) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            http1=True,
            http2=False,
            network_backend=CheckedNetworkBackend(deadline),
        )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _robots(url: str, deadline: float) -> Protego:
    """The parsed robots.txt of the URL's origin (cached), read by Protego (RFC 9309: the
    longest matching rule wins, `*` and `$` wildcards); RFC 9309 on failures too."""
    origin = _origin(url)
    key = f"factcheck:robots:{origin}"
    text = cache.get(key)
    if text is None:
        try:
            response = _fetch_once(
                origin + "/robots.txt",
                deadline=deadline,
                max_bytes=ROBOTS_MAX_BYTES,
                robots=False,
                accept=ACCEPTED_TYPES,
                headers={},
            )
            text = response.content.decode("utf-8", "replace")
        except HTTPStatusError as exc:
            if exc.status >= 500:
                # RFC 9309: robots.txt unreachable means "assume complete disallow" for now.
                raise TransientFetchError(
                    f"robots.txt of {origin} unreachable ({exc.reason})", url=url
                ) from exc
            text = ""  # 4xx: no robots.txt, everything allowed
        except (ContentTypeError, BodyTooLargeError):
            text = ""
        cache.set(key, text, ROBOTS_CACHE_SECONDS)
    return Protego.parse(text)


# --- the fetch ---------------------------------------------------------------


def _timeout() -> httpx.Timeout:
    return httpx.Timeout(
        connect=settings.FACTCHECK_FETCH_CONNECT_TIMEOUT,
        read=settings.FACTCHECK_FETCH_READ_TIMEOUT,
        write=settings.FACTCHECK_FETCH_READ_TIMEOUT,
        pool=settings.FACTCHECK_FETCH_CONNECT_TIMEOUT,
    )


def _client(deadline: float) -> httpx.Client:
    return httpx.Client(
        transport=CheckedTransport(deadline),
        timeout=_timeout(),
        follow_redirects=False,
        trust_env=False,  # never through an environment proxy
        headers={
            "User-Agent": settings.FACTCHECK_USER_AGENT,
            # Only what we can decompress with a bounded output below.
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8",
        },
    )


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        hostname, _ = parts.hostname, parts.port  # .port raises on "host:99999"
    except ValueError as exc:
        raise InvalidURLError(f"not a valid URL ({exc}): {url[:300]}", url=url) from exc
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'none'}")
    if not hostname:
        raise FetchError("the URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are not fetched")


def _redirect_target(current: str, location: str) -> str:
    try:
        return urljoin(current, location)
    except ValueError as exc:  # "http://[oops/x": an unclosed IPv6 bracket, and the like
        raise InvalidURLError(
            f"redirect to an invalid URL {location[:300]!r} ({exc})", url=current
        ) from exc


def _wait_for_slot(host: str, delay: float, deadline: float, url: str) -> None:
    """Wait for the host's next free slot, unless it comes too late for this fetch.

    The request itself keeps half the time left, at most a connect timeout; a slot beyond
    that is not taken (another worker can use it) and the caller retries when it comes.
    """
    left = deadline - time.monotonic()
    max_wait = left - min(settings.FACTCHECK_FETCH_CONNECT_TIMEOUT, left / 2)
    try:
        host_throttle().wait(host, delay, max_wait=max(0.0, max_wait))
    except HostBusy as exc:
        raise HostBusyError(
            f"{host} asks for a pause between requests and its next free slot is "
            f"{exc.wait:.0f} s away, past this fetch's time limit; trying later",
            url=url,
            retry_after=exc.wait,
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
    with _client(deadline) as client:
        current = url
        while True:
            _check_url(current)
            host = urlsplit(current).hostname or ""
            delay = settings.FACTCHECK_FETCH_HOST_DELAY
            if robots:
                rules = _robots(current, deadline)
                if not rules.can_fetch(current, settings.FACTCHECK_USER_AGENT):
                    raise RobotsDisallowedError(f"robots.txt of {host} disallows {current}")
                crawl_delay = rules.crawl_delay(settings.FACTCHECK_USER_AGENT)
                if crawl_delay:
                    delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
            if delay > 0:
                _wait_for_slot(host, delay, deadline, current)
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
