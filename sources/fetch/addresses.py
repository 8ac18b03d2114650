"""The address guard: what the fetcher may connect to.

Only http(s) URLs without credentials; the host is resolved and every address checked:
loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast,
reserved, unspecified and IPv4-mapped/translated IPv6 addresses are refused.
settings.FACTCHECK_FETCH_ALLOW_LOOPBACK lets tests reach 127.0.0.0/8 and ::1 and nothing
else; production never sets it. The transport (transport.py) connects only to checked
addresses and checks the peer again once connected.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from sources.fetch.errors import (
    BlockedAddressError,
    FetchError,
    InvalidURLError,
    TransientFetchError,
)

# 100.64.0.0/10 (carrier-grade NAT) is neither "private" nor "global" to ipaddress.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))

# The only schemes fetched. A URL given by a person (the admin's forms, the API) is held
# to this at once by fetchable_url, rather than failing later in its job.
FETCHED_SCHEMES = ("http", "https")
_FETCHED_URL = URLValidator(
    schemes=list(FETCHED_SCHEMES),
    message="Enter a valid URL starting with http:// or https://.",
    code="not_fetched",  # not "invalid", which a form field would reword as "Enter a valid URL."
)


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
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a CGNAT", isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT),
        ("a multicast", ip.is_multicast),
        ("an unspecified", ip.is_unspecified),
        ("a reserved", ip.is_reserved),
        ("a private", ip.is_private),
        ("not a globally routable", not ip.is_global),
    )
    for kind, hit in checks:
        if hit:
            return f"{ip} is {kind} address"
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


def fetchable_url(value: str) -> None:
    """Validator of a URL a person gives to be fetched: what check_url would refuse in the
    job, refused at the form (a scheme other than http or https, credentials)."""
    _FETCHED_URL(value)
    if urlsplit(value).username is not None:
        raise ValidationError(
            "URLs with a user name or password are not fetched; leave them out.",
            code="not_fetched",
        )


def check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        hostname, _ = parts.hostname, parts.port  # .port raises on "host:99999"
    except ValueError as exc:
        raise InvalidURLError(f"not a valid URL ({exc}): {url[:300]}", url=url) from exc
    if parts.scheme not in FETCHED_SCHEMES:
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'none'}")
    if not hostname:
        raise FetchError("the URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are not fetched")
