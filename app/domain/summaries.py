"""What the list pages summarise: host countries with their claims, and the indicators' coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .country import Country
from .release import Release


@dataclass(frozen=True, slots=True)
class CountrySummary:
    country: Country
    estimates: int
    indicators: tuple[str, ...]  # in the descriptor's order

    @property
    def iso3(self) -> str:
        return self.country.iso3

    @property
    def name(self) -> str:
        return self.country.name

    @property
    def kind(self) -> str:
        return self.country.kind

    @property
    def group(self) -> str:
        return self.country.group


@dataclass(frozen=True, slots=True)
class CountryGroup:
    name: str
    countries: tuple[CountrySummary, ...]

    @property
    def estimates(self) -> int:
        return sum(country.estimates for country in self.countries)

    @property
    def host_countries(self) -> int:
        return sum(country.country.is_host for country in self.countries)


@dataclass(frozen=True, slots=True)
class IndicatorSummary:
    value: str
    label: str
    description: str
    unit: str
    rows: int
    first: date | None  # earliest period start among dated claims
    last: date | None  # latest period end among dated claims
    undated: int  # claims whose period is unknown


@lru_cache(maxsize=4)  # asked on every country request, 404s included; a release never changes
def country_summaries(release: Release) -> tuple[CountrySummary, ...]:
    """Every code with at least one claim: worldwide first, then by group (in the descriptor's order) and name."""
    order = [category.value for category in release.indicators]
    groups = list(release.frames.descriptor.field("countries", "group")["constraints"]["enum"])
    counts = Counter(claim.country.iso3 for claim in release.claims)
    present: dict[str, set[str]] = {}
    for claim in release.claims:
        present.setdefault(claim.country.iso3, set()).add(claim.indicator)
    summaries = [
        CountrySummary(country, counts[iso3], tuple(value for value in order if value in present[iso3]))
        for iso3, country in release.countries.items()
        if counts[iso3]
    ]
    return tuple(sorted(summaries, key=lambda s: (groups.index(s.group), s.name)))


def country_groups(summaries: Sequence[CountrySummary]) -> list[CountryGroup]:
    """``summaries`` (in ``country_summaries``' order) gathered by group, keeping that order."""
    gathered: dict[str, list[CountrySummary]] = {}
    for summary in summaries:
        gathered.setdefault(summary.group, []).append(summary)
    return [CountryGroup(name, tuple(countries)) for name, countries in gathered.items()]


def indicator_summaries(release: Release) -> list[IndicatorSummary]:
    """Every indicator of the vocabulary, in the descriptor's order, with its claim count and date span."""
    summaries = []
    for category in release.indicators:
        claims = [claim for claim in release.claims if claim.indicator == category.value]
        dated = [claim.period for claim in claims if claim.period.known]
        summaries.append(
            IndicatorSummary(
                value=category.value,
                label=category.label,
                description=category.description,
                unit=category.unit,
                rows=len(claims),
                first=min((p.start for p in dated if p.start), default=None),
                last=max((p.end for p in dated if p.end), default=None),
                undated=len(claims) - len(dated),
            )
        )
    return summaries
