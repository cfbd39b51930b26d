"""Which pre-compressed body a client gets for its Accept-Encoding (RFC 9110 §12.5.3)."""

from __future__ import annotations

import pytest

from app.http.encoding import choose_encoding, parse_accept_encoding

BOTH = {"br", "gzip"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),  # no header: no compression
        ("identity", None),
        ("gzip", "gzip"),
        ("br", "br"),
        ("BR", "br"),
        ("Gzip, Br", "br"),
        ("gzip, br", "br"),  # equal weights: brotli first
        ("gzip, deflate, br, zstd", "br"),
        ("*", "br"),
        ("br;q=0, *", "gzip"),  # an explicit refusal wins over the wildcard
        ("*, br;q=0", "gzip"),
        ("*;q=0", None),
        ("*;q=0, gzip", "gzip"),
        ("gzip;q=0.5, br;q=0.4", "gzip"),
        ("gzip;q=0.5, br;q=0.5", "br"),
        ("gzip;q=1, br;q=0.999", "gzip"),
        ("br;q=0.001", "br"),
        ("gzip ; q=0.8 , br ; q=0.7", "gzip"),
        ("gzip;Q=0.5, br;q=0.4", "gzip"),  # the parameter name is case-insensitive
        ("gzip;q=abc", None),  # a malformed weight refuses the coding
        ("gzip;q=abc, br", "br"),
        ("gzip;q=1.5", None),  # above 1
        ("gzip;q=0.1234", None),  # more than three decimals
        ("gzip;q=-1", None),
        ("gzip;q=", None),
        ("gzip;q=1.000", "gzip"),
        ("gzip;q=0.", None),
        ("gzip;q=0.000", None),
        ("x-gzip", "gzip"),  # RFC 9110 §8.4.1.3
        ("br, br;q=0", None),  # listed twice: the refusal stands
        ("deflate", None),
        (",, ,", None),
        ("identity;q=1, gzip;q=0.5", None),  # the client would rather have it uncompressed
        ("identity;q=0.5, gzip", "gzip"),
        ("identity, gzip", "gzip"),  # equal: compress
        ("*;q=0.9, br;q=0.5, gzip;q=0.5", None),  # "*" weights identity above both
    ],
)
def test_choose_encoding(header: str, expected: str | None) -> None:
    assert choose_encoding(header, BOTH) == expected


def test_only_codings_on_offer_are_chosen() -> None:
    assert choose_encoding("br, gzip;q=0.5", {"gzip"}) == "gzip"
    assert choose_encoding("br", {"gzip"}) is None
    assert choose_encoding("br, gzip", set()) is None


def test_parse_accept_encoding() -> None:
    assert parse_accept_encoding("gzip;q=0.5, BR, *;q=0, zstd;q=nope") == {
        "gzip": 0.5,
        "br": 1.0,
        "*": 0.0,
        "zstd": 0.0,
    }
