"""What a chart's filter form offers and which of it is chosen, for the page to draw as a plain GET form.

The form writes the same query string the normal form (``ChartQuery.params``) writes, so a submitted form,
a script's address and a shared link name one view.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Release
from ..params import EARLIEST_YEAR, LATEST_YEAR
from .query import ChartQuery
from .registry import ChartSpec


@dataclass(frozen=True)
class Choice:
    value: str  # as the address writes it: ISO3 in lower case, an indicator's code
    label: str
    chosen: bool


@dataclass(frozen=True)
class Region:
    name: str
    countries: tuple[Choice, ...]


@dataclass(frozen=True)
class ChartControls:
    year_from: str  # '' when not set, as the form field shows it
    year_to: str
    as_of: str
    scale: str
    regions: tuple[Region, ...] = ()  # empty when the chart takes no country filter
    indicators: tuple[Choice, ...] = ()  # empty unless the chart can show several
    default_indicator: str = ""
    earliest_year: int = EARLIEST_YEAR
    latest_year: int = LATEST_YEAR

    @property
    def chosen_countries(self) -> list[str]:
        return [country.label for region in self.regions for country in region.countries if country.chosen]


def period_controls(query: ChartQuery) -> ChartControls:
    """The filters every chart takes: years, "as reported by" and scale (a country page's one form)."""
    return ChartControls(
        year_from="" if query.year_from is None else str(query.year_from),
        year_to="" if query.year_to is None else str(query.year_to),
        as_of="" if query.as_of is None else query.as_of.isoformat(),
        scale=query.scale,
    )


def chart_controls(
    spec: ChartSpec, query: ChartQuery, countries: list[str], release: Release, indicator_labels: dict[str, str]
) -> ChartControls:
    """Every filter of one chart; ``countries`` are the ISO3 codes it can show, grouped here by region."""
    regions: dict[str, list[Choice]] = {}
    if spec.takes_countries:
        allowed = {code.upper() for code in countries}
        for country in release.countries.values():
            if country.iso3 in allowed:
                choice = Choice(country.slug, country.name, country.iso3 in query.countries)
                regions.setdefault(country.group, []).append(choice)
    indicators = tuple(
        Choice(code, indicator_labels.get(code, code), code == query.indicator) for code in spec.indicators
    )
    base = period_controls(query)
    return ChartControls(
        year_from=base.year_from,
        year_to=base.year_to,
        as_of=base.as_of,
        scale=base.scale,
        regions=tuple(Region(name, tuple(choices)) for name, choices in regions.items()),
        indicators=indicators if len(indicators) > 1 else (),
        default_indicator=spec.indicators[0],
    )
