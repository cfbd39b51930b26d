"""Content negotiation for pre-compressed bodies: brotli when the client takes it, else gzip, else none.

Accept-Encoding as RFC 9110 §12.5.3 defines it: each coding with an optional weight
``q`` in [0, 1]; ``q=0`` refuses a coding, ``*`` stands for every coding not listed.
"""

from __future__ import annotations

import re
from collections.abc import Collection

PREFERENCE = ("br", "gzip")  # among equally weighted codings: brotli is smaller for the same text
WILDCARD = "*"
IDENTITY = "identity"
# RFC 9110 §8.4.1.3: a recipient should treat "x-gzip" as "gzip".
ALIASES = {"x-gzip": "gzip"}
# qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), RFC 9110 §12.4.2.
QVALUE = re.compile(r"0(?:\.\d{0,3})?|1(?:\.0{0,3})?")


def weight(params: list[str]) -> float:
    """The q of a coding's parameters; 1 without one. A malformed q refuses the coding (0):
    guessing what the client meant could send a body it cannot decode."""
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            value = value.strip()
            return float(value) if QVALUE.fullmatch(value) else 0.0
    return 1.0


def parse_accept_encoding(header: str) -> dict[str, float]:
    """Each coding an Accept-Encoding header names, lower-cased, with its weight.

    >>> parse_accept_encoding("gzip;q=0.5, BR, *;q=0")
    {'gzip': 0.5, 'br': 1.0, '*': 0.0}

    A coding listed twice keeps its lower weight, so a refusal is never overridden.
    """
    weights: dict[str, float] = {}
    for part in header.split(","):
        coding, *params = part.split(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        coding = ALIASES.get(coding, coding)
        weights[coding] = min(weight(params), weights.get(coding, 1.0))
    return weights


def choose_encoding(header: str, available: Collection[str]) -> str | None:
    """The coding of ``available`` to send for an Accept-Encoding ``header``; None sends the body as it is.

    The acceptable codings (q > 0) with the highest weight win, brotli before gzip on a tie.
    A coding listed with q=0 is refused even when ``*`` is present. No header means no
    compression: a client that sends none may not decode any. The uncompressed body is chosen
    when the client weights ``identity`` (or ``*``, when ``identity`` is not listed) above
    every coding on offer.
    """
    weights = parse_accept_encoding(header)
    wildcard = weights.get(WILDCARD, 0.0)
    acceptable = {coding: weights.get(coding, wildcard) for coding in PREFERENCE if coding in available}
    acceptable = {coding: q for coding, q in acceptable.items() if q > 0}
    if not acceptable:
        return None
    best = max(acceptable, key=acceptable.__getitem__)  # max keeps the first of equals: PREFERENCE order
    return None if weights.get(IDENTITY, wildcard) > acceptable[best] else best
