"""A chart's filters, parsed from the query string and checked, in one normal form.

The normal form is the cache key and builds the canonical link, so
``?countries=RUS,chn`` and ``?countries=chn,rus`` are the same view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..domain import WORLDWIDE
from .registry import ChartSpec

__all__ = ["FILTER_NAMES", "SCALES", "WORLDWIDE", "ChartQuery", "QueryError", "Scale", "in_normal_form", "parse_query"]

EARLIEST_YEAR = 1950
LATEST_YEAR = 2100
Scale = Literal["linear", "log"]
SCALES: tuple[Scale, ...] = ("linear", "log")
# ASCII digits only: \d would also take Arabic-Indic and fullwidth digits.
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Every filter a chart's address can carry, in the order its normal form writes them.
FILTER_NAMES = ("countries", "from", "to", "as_of", "indicator", "scale")


class QueryError(ValueError):
    """A filter value the chart cannot take; ``parameter`` names it and the message says what is allowed."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


@dataclass(frozen=True)
class ChartQuery:
    indicator: str
    countries: tuple[str, ...] = ()  # ISO3 upper case, sorted; empty means every country
    year_from: int | None = None
    year_to: int | None = None
    as_of: date | None = None  # "what was known when": only claims published by this day
    scale: Scale = "linear"

    def params(self, spec: ChartSpec) -> dict[str, str]:
        """The query string of this view, leaving out defaults."""
        params: dict[str, str] = {}
        if self.countries:
            params["countries"] = ",".join(code.lower() for code in self.countries)
        if self.year_from is not None:
            params["from"] = str(self.year_from)
        if self.year_to is not None:
            params["to"] = str(self.year_to)
        if self.as_of is not None:
            params["as_of"] = self.as_of.isoformat()
        if len(spec.indicators) != 1 and self.indicator != spec.indicators[0]:
            params["indicator"] = self.indicator
        if self.scale != "linear":
            params["scale"] = self.scale
        return params


def parse_query(spec: ChartSpec, params: Mapping[str, Sequence[str]], countries: Sequence[str]) -> ChartQuery:
    """Check the filters against ``spec``; ``countries`` are the ISO3 codes the chart may show.

    Unknown parameters are ignored, so tracking tags that CMSes add to links do no harm.
    """
    indicator = _indicator(spec, single_value(params, "indicator"))
    chosen = _countries(spec, params.get("countries", []), countries)
    year_from = _year(params, "from")
    year_to = _year(params, "to")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise QueryError("to", f"{year_to} is before from={year_from}")
    return ChartQuery(
        indicator=indicator,
        countries=chosen,
        year_from=year_from,
        year_to=year_to,
        as_of=parse_day(params, "as_of"),
        scale=_scale(single_value(params, "scale")),
    )


def single_value(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = [value for value in params.get(name, []) if value != ""]
    if len(values) > 1:
        raise QueryError(name, f"give one value, not {len(values)}")
    return values[0] if values else None


def _indicator(spec: ChartSpec, value: str | None) -> str:
    if value is None:
        return spec.indicators[0]
    if value not in spec.indicators:
        if len(spec.indicators) == 1:
            raise QueryError("indicator", f"this chart shows only {spec.indicators[0]}")
        raise QueryError("indicator", f"'{value}' is not one of {', '.join(spec.indicators)}")
    return value


def _countries(spec: ChartSpec, values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    if not codes:
        return ()
    if not spec.takes_countries:
        raise QueryError("countries", "this chart has no country filter")
    known = {code.upper() for code in allowed}
    for code in codes:
        if code.upper() not in known:
            listed = ", ".join(sorted(code.lower() for code in known))
            raise QueryError("countries", f"'{code}' is not a country this chart can show; use {listed}")
    return tuple(sorted({code.upper() for code in codes}))


def _year(params: Mapping[str, Sequence[str]], name: str) -> int | None:
    value = single_value(params, name)
    if value is None:
        return None
    # ASCII digits only: str.isdigit also takes superscript, circled and fullwidth digits, which int() refuses or
    # reads as another number; and four of them, so that no 4,300-digit 'year' reaches int().
    if not (value.isascii() and value.isdigit() and len(value) == 4) or not EARLIEST_YEAR <= int(value) <= LATEST_YEAR:
        raise QueryError(name, f"'{value}' is not a year from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return int(value)


def parse_day(params: Mapping[str, Sequence[str]], name: str) -> date | None:
    value = single_value(params, name)
    if value is None:
        return None
    message = f"'{value[:40]}' is not a date written YYYY-MM-DD from {EARLIEST_YEAR} to {LATEST_YEAR}"
    if not ISO_DAY.fullmatch(value):
        raise QueryError(name, message)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise QueryError(name, message) from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise QueryError(name, message)
    return day


def _scale(value: str | None) -> Scale:
    if value is None:
        return "linear"
    for scale in SCALES:
        if value == scale:
            return scale
    raise QueryError("scale", f"'{value[:40]}' is not one of {', '.join(SCALES)}")


def in_normal_form(params: Mapping[str, Sequence[str]], normal: Mapping[str, str]) -> bool:
    """Whether the filters are written as ``normal`` writes them.

    A plain GET form writes every field: empty ones, one ``countries`` per ticked box, the default scale.
    Unknown parameters (tracking tags) are not filters and do not count.
    """
    given = {name: list(params[name]) for name in FILTER_NAMES if name in params}
    return given == {name: [value] for name, value in normal.items()}
