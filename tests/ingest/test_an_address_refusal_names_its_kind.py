"""The address guard's refusal names the kind of address, in words that read right
("an unspecified address", not "a unspecified address")."""

import pytest

from sources.fetch.addresses import address_refusal


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),
        ("::", ":: is an unspecified address"),
        ("127.0.0.1", "127.0.0.1 is a loopback address"),
        ("169.254.169.254", "169.254.169.254 is a link-local address"),
        ("100.64.0.1", "100.64.0.1 is a CGNAT address"),
        ("224.0.0.1", "224.0.0.1 is a multicast address"),
        ("10.0.0.1", "10.0.0.1 is a private address"),
        ("93.184.216.34", None),
    ],
)
def test_each_refused_kind_reads_as_a_sentence(address, reason, settings):
    settings.FACTCHECK_FETCH_ALLOW_LOOPBACK = False

    assert address_refusal(address) == reason
