"""The map of host countries: its filters, its colour bands, the places it draws and lists, and its rows.

No HTTP here: ``MapView`` holds words and numbers; the page's ``static/map.js`` draws them over the shapes
``geography.py`` projects.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..data.export import Cell, plain
from ..domain import Release
from ..domain.words import format_value
from ..params import ParameterError as QueryError
from ..params import day as parse_day
from ..params import single_value
from ..urls import DATASET_NAME
from .describe import escape
from .geography import World
from .latest import LatestClaims, latest_claims

DEFAULT_INDICATOR = "workers_abroad"
# Sequential, colour-blind safe (ColorBrewer YlOrRd without its palest step, which vanishes on white); each
# step is as visible on the dark theme's background as on the light one, so one palette serves both.
PALETTE = ("#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026")
DOWNLOAD_COLUMNS = [
    "country",
    "country_name",
    "kind",
    "latest_year",
    "range",
    "value_low",
    "value_high",
    "claims",
    "sources",
    "covers_part_only",
    "claim_ids",
    "country_url",
]


@dataclass(frozen=True)
class MapQuery:
    indicator: str = DEFAULT_INDICATOR
    as_of: date | None = None  # "what was known when": only claims whose source was published by this day

    @property
    def params(self) -> dict[str, str]:
        """The query string of this view, leaving out defaults."""
        params = {"indicator": self.indicator} if self.indicator != DEFAULT_INDICATOR else {}
        return params | ({"as_of": self.as_of.isoformat()} if self.as_of else {})


@lru_cache(maxsize=4)
def mapped_indicators(release: Release) -> tuple[str, ...]:
    """Indicators with a claim about a single host country, in the descriptor's order: the ones a map can show.

    Found once per release (every map request checks its indicator against them), as ``country_summaries`` is.
    """
    present = {claim.indicator for claim in release.claims if claim.country.is_host}
    return tuple(category.value for category in release.indicators if category.value in present)


def parse_map_query(params: Mapping[str, Sequence[str]], indicators: Sequence[str]) -> MapQuery:
    """Check ``?indicator=`` and ``?as_of=``; unknown parameters are ignored, as on charts."""
    indicator = single_value(params, "indicator") or DEFAULT_INDICATOR
    if indicator not in indicators:
        message = (
            f"'{indicator[:40]}' is not an indicator with claims about single countries; use {', '.join(indicators)}"
        )
        raise QueryError("indicator", message)
    return MapQuery(indicator=indicator, as_of=parse_day(params, "as_of"))


@dataclass(frozen=True)
class Band:
    """A colour band of the range's upper end: [low, high) in the indicator's unit; None is open."""

    low: float | None
    high: float | None
    colour: str
    text: str  # 'under 100 workers', '100 to under 1,000 workers', '10,000 workers or more'

    def holds(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value < self.high)


def bands(values: Sequence[float], unit: str) -> list[Band]:
    """Powers of ten from the smallest upper end to the largest, at most one colour each; the lowest band takes
    everything under its top and the highest everything from its bottom, so the ends read 'under' and 'or more'."""
    if not values:
        return []
    decades = [math.floor(math.log10(value)) if value >= 1 else 0 for value in values]
    first, last = min(decades), max(decades)
    first = max(first, last - len(PALETTE) + 1)
    count = last - first + 1
    found = []
    for index, decade in enumerate(range(first, last + 1)):
        low = None if index == 0 else 10.0**decade
        high = None if index == count - 1 else 10.0 ** (decade + 1)
        colour = PALETTE[round(index * (len(PALETTE) - 1) / (count - 1))] if count > 1 else PALETTE[3]
        found.append(Band(low, high, colour, _band_text(low, high, unit)))
    return found


def _band_text(low: float | None, high: float | None, unit: str) -> str:
    if low is None:
        return "every figure" if high is None else f"under {format_value(high, high, 'exact', unit)}"
    if high is None:
        return f"{format_value(low, low, 'exact', unit)} or more"
    return f"{format_value(low, low, 'exact', unit, suffix=False)} to under {format_value(high, high, 'exact', unit)}"


@dataclass(frozen=True)
class MapView:
    query: MapQuery
    label: str  # the indicator's name: 'Workers abroad'
    unit: str
    places: tuple[LatestClaims, ...]  # single host countries: drawn on the map
    groups: tuple[LatestClaims, ...]  # the world and groups of countries: listed under it
    bands: tuple[Band, ...]

    @property
    def params(self) -> dict[str, str]:
        return self.query.params

    def file_name(self, version: str, extension: str) -> str:
        """nk-workers-abroad-map-workers-abroad-as-of-2019-12-22-1.0.0.csv: the view and the dataset version."""
        known = f"-as-of-{self.query.as_of.isoformat()}" if self.query.as_of else ""
        return f"{DATASET_NAME}-map-{self.query.indicator.replace('_', '-')}{known}-{version}.{extension}"

    def band(self, entry: LatestClaims) -> Band:
        return next(band for band in self.bands if band.holds(entry.high))

    def plot_json(self, world: World, country_url: Callable[[str], str]) -> str:
        """What map.js draws: a marker per place at its centroid (hover text, link, colour), and fills."""
        places = [
            {
                "iso3": entry.country.iso3,
                "x": world.centroids[entry.country.iso3][0],
                "y": world.centroids[entry.country.iso3][1],
                "colour": self.band(entry).colour,
                # Words from the data, made inert: Plotly reads tags in hover text.
                "hover": f"<b>{escape(entry.country.name)}</b><br>{escape(entry.text)}"
                f"<br>{entry.count_text}, {entry.year}<br><i>Click (on a phone, tap again) for its claims</i>",
                "url": country_url(entry.country.iso3),
            }
            for entry in self.places
        ]
        return json.dumps({"places": places}, separators=(",", ":")).replace("</", "<\\/")

    def rows(self, country_url: Callable[[str], str]) -> list[dict[str, Cell]]:
        """Every place, groups included, as the CSV and JSON twins hold them; ``country_url`` is absolute."""
        return [
            {
                "country": entry.country.iso3,
                "country_name": entry.country.name,
                "kind": entry.country.kind,
                "latest_year": entry.year,
                "range": entry.text,
                "value_low": plain(entry.low),
                "value_high": plain(entry.high),
                "claims": len(entry.claims),
                "sources": entry.sources,
                "covers_part_only": "; ".join(entry.parts),
                "claim_ids": " ".join(claim.id for claim in entry.claims),
                "country_url": country_url(entry.country.iso3),
            }
            for entry in (*self.places, *self.groups)
        ]


# Kept: the home page draws the default map on every cache miss, and each view walks every claim. The key is
# the release and the normal-form query, so the cap bounds what readers' dates can make it hold.
@lru_cache(maxsize=128)
def map_view(release: Release, query: MapQuery) -> MapView:
    category = release.category("indicator", query.indicator)
    workforces = {category.value: category.label for category in release.categories("workforce")}
    entries = latest_claims(release.claims, query.indicator, category.unit, query.as_of, workforces)
    places = tuple(entry for entry in entries if entry.country.is_host)
    groups = tuple(entry for entry in entries if not entry.country.is_host)
    found = bands([entry.high for entry in places], category.unit)
    return MapView(query, category.label, category.unit, places, groups, tuple(found))
