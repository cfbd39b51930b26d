"""Content negotiation for pre-compressed bodies: brotli when the client takes it, else gzip, else none."""

from __future__ import annotations

PREFERENCE = ("br", "gzip")


def accepted_encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header allows ('gzip;q=0' refuses gzip)."""
    allowed = set()
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if coding and not (params and quality.replace(".", "", 1).isdigit() and float(quality) == 0):
            allowed.add(coding.strip().lower())
    return allowed


def choose_encoding(header: str, available: set[str]) -> str | None:
    allowed = accepted_encodings(header)
    for coding in PREFERENCE:
        if coding in available and (coding in allowed or "*" in allowed):
            return coding
    return None
