"""Every parameter a URL carries, parsed strictly, and the names each address takes.

Strict because a URL is what anyone can type: ``str.isdigit`` and ``int`` take '²', '①', '٣' and '₂₀₁₇'
(refusing some, misreading others), pydantic takes '1_000', ' 12' and '12.0', and ``int`` works for a while on
a 4,300-digit year before refusing it. Here a number is ASCII digits of a bounded length, a choice is one of
its allowed values, and every refusal names the parameter, the value (shortened) and what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeVar
from urllib.parse import SplitResult, unquote_plus, urlsplit

from .urls import split_pinned

__all__ = [
    "ParameterError",
    "choice",
    "day",
    "known_parameters",
    "known_query",
    "number",
    "shorten",
    "shorten_url",
    "single_value",
    "site_address",
    "year",
]

EARLIEST_YEAR = 1950
LATEST_YEAR = 2100
SHOWN_CHARACTERS = 40  # of a refused value, in the message: enough to recognise it, never a page of it
SHOWN_URL_CHARACTERS = 160  # of a refused address: ours with their filters fit
MAX_URL_LENGTH = 2048  # the longest address of ours has a few hundred characters
# ASCII digits only: \d would also take Arabic-Indic and fullwidth digits.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ASCII_DIGITS = re.compile(r"[0-9]+")

# The query parameters each address reads; the response cache drops every other one before the app sees it,
# so a tracking tag (or an attacker's ?x=1, ?x=2, ...) can neither force a render nor be echoed into a page.
CHART_FILTERS = ("countries", "from", "to", "as_of", "indicator", "scale")
PAGE_FILTERS = ("from", "to", "as_of", "scale")  # a country page fixes the country and draws every indicator
EMBED_PARAMETERS = (*CHART_FILTERS, "theme")
MAP_FILTERS = ("indicator", "as_of")
OEMBED_PARAMETERS = ("url", "format", "maxwidth", "maxheight")
SOURCE_LIST_PARAMETERS = ("page",)  # the old address of a later page, redirected to its path

T = TypeVar("T", bound=str)


class ParameterError(ValueError):
    """A value an address cannot take; ``parameter`` names it and the message says what is allowed."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def shorten(value: str, length: int = SHOWN_CHARACTERS) -> str:
    """The value as a message quotes it: its first characters, control characters escaped so they show."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value[:length])
    return shown + "…" if len(value) > length else shown


def shorten_url(value: str) -> str:
    return shorten(value, SHOWN_URL_CHARACTERS)


def single_value(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    """The one value of ``name`` (empty ones, as a plain GET form sends, count as none)."""
    values = [value for value in params.get(name, []) if value != ""]
    if len(values) > 1:
        raise ParameterError(name, f"give one value, not {len(values)}")
    return values[0] if values else None


def number(parameter: str, value: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` written in ASCII digits; its length is checked before ``int``."""
    if len(value) > len(str(high)) or not ASCII_DIGITS.fullmatch(value) or not low <= int(value) <= high:
        raise ParameterError(parameter, f"'{shorten(value)}' is not a whole number from {low} to {high}")
    return int(value)


def year(params: Mapping[str, Sequence[str]], name: str) -> int | None:
    value = single_value(params, name)
    if value is None:
        return None
    if len(value) != 4 or not ASCII_DIGITS.fullmatch(value) or not EARLIEST_YEAR <= int(value) <= LATEST_YEAR:
        raise ParameterError(name, f"'{shorten(value)}' is not a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return int(value)


def day(params: Mapping[str, Sequence[str]], name: str) -> date | None:
    value = single_value(params, name)
    return None if value is None else iso_day(name, value)


def iso_day(parameter: str, value: str) -> date:
    message = f"'{shorten(value)}' is not a date written YYYY-MM-DD from {EARLIEST_YEAR} to {LATEST_YEAR}"
    if not ISO_DAY.fullmatch(value):
        raise ParameterError(parameter, message)
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ParameterError(parameter, message) from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ParameterError(parameter, message)
    return parsed


def choice(parameter: str, value: str, allowed: Sequence[T]) -> T:
    """``value`` as the allowed item it equals."""
    for item in allowed:
        if value == item:
            return item
    raise ParameterError(parameter, f"'{shorten(value)}' is not one of {', '.join(allowed)}")


def site_address(parameter: str, value: str, site_url: str) -> SplitResult:
    """A well-formed http(s) address, or a path on this site (``/charts/revenue``): no user name or password,
    no control characters or spaces, at most MAX_URL_LENGTH characters."""
    site = urlsplit(site_url)
    refused = f"'{shorten_url(value)}' is not an address of this site, {site.scheme}://{site.netloc}/..."
    if len(value) > MAX_URL_LENGTH:
        raise ParameterError(parameter, f"{refused}: it is longer than {MAX_URL_LENGTH} characters")
    if not value.isascii() or not value.isprintable() or " " in value:
        raise ParameterError(parameter, f"{refused}: it has spaces, control or non-ASCII characters")
    try:
        address = urlsplit(value)
        address.port  # noqa: B018 - read for its check: a port that is not a number raises ValueError
    except ValueError:
        raise ParameterError(parameter, f"{refused}: it is not a well-formed URL") from None
    if not address.scheme and not address.netloc and value.startswith("/"):
        return address._replace(scheme=site.scheme, netloc=site.netloc)
    if address.scheme not in ("http", "https") or address.username is not None or address.password is not None:
        raise ParameterError(parameter, f"{refused}: it must be http(s), without a user name or password")
    return address  # at another host, it is an address of no chart here: the caller's 404


def known_parameters(path: str) -> tuple[str, ...]:
    """The query parameters the route at ``path`` reads (pinned or not); none for every other address."""
    _version, path = split_pinned(path)
    if path.startswith("/charts/"):
        return CHART_FILTERS
    if path.startswith("/embed/"):
        return EMBED_PARAMETERS
    if path.startswith("/countries/"):
        return PAGE_FILTERS
    if path == "/map" or path.startswith("/map."):
        return MAP_FILTERS
    if path == "/oembed":
        return OEMBED_PARAMETERS
    if path == "/sources":
        return SOURCE_LIST_PARAMETERS
    return ()


def known_query(path: str, query_string: bytes) -> bytes:
    """The query string with only the parameters ``path`` reads, in the order ``known_parameters`` lists them
    (each name's values keep theirs), each pair as it came: one form per view for the cache key, and nothing else
    for the app."""
    known = known_parameters(path)
    if not known or not query_string:
        return b""
    pairs = [pair for pair in query_string.split(b"&") if pair]
    names = [unquote_plus(pair.partition(b"=")[0].decode("latin-1"), errors="replace") for pair in pairs]
    kept = sorted((known.index(name), index) for index, name in enumerate(names) if name in known)
    return b"&".join(pairs[index] for _, index in kept)
