"""If-None-Match, compared as RFC 9110 §13.1.2 says: weakly, against a list, or ``*``."""

from __future__ import annotations

import pytest

from app.http.conditional import is_not_modified, not_modified_headers

ETAG = '"abc123"'


@pytest.mark.parametrize(
    ("if_none_match", "expected"),
    [
        ('"abc123"', True),
        ('W/"abc123"', True),  # weak comparison: the W/ prefix does not count
        ('"a", "abc123"', True),
        ('"a",W/"abc123" ,"b"', True),
        ('  "a" ,\t "abc123"  ', True),
        ("*", True),
        (" * ", True),
        ('"a", "b"', False),
        ('"abc1234"', False),
        ('"ABC123"', False),  # entity tags are case-sensitive
        ("abc123", False),  # not an entity tag: unquoted
        ("", False),
        ('"abc123, x"', False),  # a comma inside a tag belongs to the tag
    ],
)
def test_if_none_match(if_none_match: str, expected: bool) -> None:
    assert is_not_modified(if_none_match, ETAG) is expected


def test_weak_etag_on_the_response_side_matches_too() -> None:
    assert is_not_modified('"abc123"', 'W/"abc123"')
    assert is_not_modified('W/"abc123"', 'W/"abc123"')


def test_a_comma_inside_a_tag_does_not_split_it() -> None:
    assert is_not_modified('"x", "a,b"', '"a,b"')
    assert not is_not_modified('"a,b"', '"a"')


def test_not_modified_headers_keep_validators_and_drop_the_body_description() -> None:
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"Content-Length", b"120"),
        (b"content-encoding", b"br"),
        (b"cache-control", b"public, max-age=300"),
        (b"etag", b'"abc123"'),
        (b"vary", b"Accept-Encoding"),
    ]
    assert not_modified_headers(headers) == [
        (b"cache-control", b"public, max-age=300"),
        (b"etag", b'"abc123"'),
        (b"vary", b"Accept-Encoding"),
    ]
