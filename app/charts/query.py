"""A chart's filters, parsed from the query string and checked, in one normal form.

The normal form is the cache key and builds the canonical link, so
``?countries=RUS,chn`` and ``?countries=chn,rus`` are the same view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..domain import WORLDWIDE
from ..params import CHART_FILTERS, ParameterError, choice, shorten, single_value
from ..params import day as parse_day
from ..params import year as _year
from .registry import ChartSpec

__all__ = ["FILTER_NAMES", "SCALES", "WORLDWIDE", "ChartQuery", "QueryError", "Scale", "in_normal_form", "parse_query"]

Scale = Literal["linear", "log"]
SCALES: tuple[Scale, ...] = ("linear", "log")
# Every filter a chart's address can carry.
FILTER_NAMES = CHART_FILTERS
# A filter value the chart cannot take: the one error of every parameter (app/params.py).
QueryError = ParameterError


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


def _indicator(spec: ChartSpec, value: str | None) -> str:
    if value is None:
        return spec.indicators[0]
    if value not in spec.indicators:
        if len(spec.indicators) == 1:
            raise QueryError("indicator", f"this chart shows only {spec.indicators[0]}")
        raise QueryError("indicator", f"'{shorten(value)}' is not one of {', '.join(spec.indicators)}")
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
            raise QueryError("countries", f"'{shorten(code)}' is not a country this chart can show; use {listed}")
    return tuple(sorted({code.upper() for code in codes}))


def _scale(value: str | None) -> Scale:
    return "linear" if value is None else choice("scale", value, SCALES)


def in_normal_form(params: Mapping[str, Sequence[str]], normal: Mapping[str, str]) -> bool:
    """Whether the filters are written as ``normal`` writes them.

    A plain GET form writes every field: empty ones, one ``countries`` per ticked box, the default scale.
    Unknown parameters (tracking tags) are not filters and do not count.
    """
    given = {name: list(params[name]) for name in FILTER_NAMES if name in params}
    return given == {name: [value] for name, value in normal.items()}
