"""Conditional GET, written once: does a request's If-None-Match let a 304 answer it?

Used by the response cache and the assets route. After Starlette's
``StaticFiles.is_not_modified``, with the entity-tag grammar of RFC 9110 §8.8.3.
"""

from __future__ import annotations

import re

# A list member: "*" or an entity-tag, weak or strong. Entity tags are matched whole,
# quotes included, because a comma is a legal character inside one (RFC 9110 §8.8.3).
LIST_MEMBER = re.compile(r'\*|(?:W/)?"[^"]*"')

# A 304 stands for the 200 the client already holds: it carries what would update the stored
# response (ETag, Cache-Control, Vary, ...) but no description of a body it does not send
# (RFC 9110 §15.4.5).
NOT_MODIFIED_DROPPED = {b"content-type", b"content-length", b"content-encoding"}


def opaque_tag(entity_tag: str) -> str:
    """``"x"`` for both ``W/"x"`` and ``"x"``: what the weak comparison compares."""
    return entity_tag.strip().removeprefix("W/")


def is_not_modified(if_none_match: str, etag: str) -> bool:
    """Whether the If-None-Match field ``if_none_match`` matches ``etag``, so a 304 may answer.

    >>> is_not_modified('"a", W/"b"', '"b"')
    True

    If-None-Match uses the weak comparison (RFC 9110 §13.1.2, §8.8.3.2): ``W/"x"`` matches
    ``"x"`` either way round. ``*`` matches any representation. An empty field matches nothing.
    """
    target = opaque_tag(etag)
    return any(member == "*" or opaque_tag(member) == target for member in LIST_MEMBER.findall(if_none_match))


def not_modified_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The headers of a 304 that stands for a 200 with ``headers``: the body's own description left out."""
    return [(name, value) for name, value in headers if name.lower() not in NOT_MODIFIED_DROPPED]
