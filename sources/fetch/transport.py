"""The transport: httpx on a network backend that connects only to checked addresses
(addresses.py) and keeps every connect, read and write within the fetch's total deadline.

httpcore's timeouts are per operation; the deadline is for the whole fetch, so a server
dripping its headers a byte at a time cannot hold a worker past it. No proxies (they would
hide the peer), and only the encodings the body reader can decompress with a bounded
output are asked for.
"""

from __future__ import annotations

import functools
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
from django.conf import settings

from sources.fetch.addresses import address_refusal, resolve
from sources.fetch.errors import BlockedAddressError, TotalTimeLimitError


def time_left(deadline: float, timeout: float | None) -> float:
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
            return self._stream.read(max_bytes, time_left(self._deadline, timeout))
        except httpcore.ReadTimeout as exc:
            if self._expired():
                raise TotalTimeLimitError() from exc
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._stream.write(buffer, time_left(self._deadline, timeout))
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
                ssl_context, server_hostname, time_left(self._deadline, timeout)
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
                timeout = time_left(self._deadline, timeout)
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


def _timeout() -> httpx.Timeout:
    return httpx.Timeout(
        connect=settings.FACTCHECK_FETCH_CONNECT_TIMEOUT,
        read=settings.FACTCHECK_FETCH_READ_TIMEOUT,
        write=settings.FACTCHECK_FETCH_READ_TIMEOUT,
        pool=settings.FACTCHECK_FETCH_CONNECT_TIMEOUT,
    )


def checked_client(deadline: float) -> httpx.Client:
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
