"""Pure questions the pages ask: host countries, one country's indicators, related claims."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .dataset import Dataset, as_dicts

WORLDWIDE = "WLD"


@dataclass(frozen=True)
class CountrySummary:
    iso3: str
    name: str
    group: str
    kind: str  # country, region or world
    estimates: int
    indicators: list[str]


@dataclass(frozen=True)
class CountryGroup:
    name: str
    countries: list[CountrySummary]

    @property
    def estimates(self) -> int:
        return sum(country.estimates for country in self.countries)

    @property
    def host_countries(self) -> int:
        return sum(country.kind == "country" for country in self.countries)


def country_summaries(dataset: Dataset) -> list[CountrySummary]:
    """Every code with at least one estimate: worldwide first, then by group (in the descriptor's order) and name."""
    estimates = dataset.estimates
    order = [category.value for category in dataset.indicators()]
    groups = list(dataset.descriptor.field("countries", "group")["constraints"]["enum"])
    summaries = []
    for country in as_dicts(dataset.countries):
        rows = estimates[estimates["country"] == country["iso3"]]
        if not len(rows):
            continue
        present = set(rows["indicator"])
        summaries.append(
            CountrySummary(
                iso3=str(country["iso3"]),
                name=str(country["name"]),
                group=str(country["group"]),
                kind=str(country["kind"]),
                estimates=len(rows),
                indicators=[value for value in order if value in present],
            )
        )
    return sorted(summaries, key=lambda s: (groups.index(s.group), s.name))


def country_groups(summaries: list[CountrySummary]) -> list[CountryGroup]:
    """``summaries`` (in ``country_summaries``' order) gathered by group, keeping that order."""
    gathered: dict[str, list[CountrySummary]] = {}
    for summary in summaries:
        gathered.setdefault(summary.group, []).append(summary)
    return [CountryGroup(name, countries) for name, countries in gathered.items()]


def resolve_country(dataset: Dataset, text: str) -> str | None:
    """The ISO3 code ``text`` names, by code in any case or by name ('russia', 'Russia'); None if unknown."""
    wanted = text.strip().lower().replace("-", " ")
    for country in as_dicts(dataset.countries):
        if wanted in (str(country["iso3"]).lower(), str(country["name"]).lower()):
            return str(country["iso3"])
    return None


def estimate_row(dataset: Dataset, estimate_id: str) -> pd.Series | None:
    rows = dataset.estimates[dataset.estimates["id"] == estimate_id]
    return rows.iloc[0] if len(rows) else None


def overlapping_claims(dataset: Dataset, row: pd.Series) -> pd.DataFrame:
    """Other claims about the same country and indicator whose period overlaps this one's.

    For a claim whose period is unknown, the other claims whose period is unknown.
    """
    estimates = dataset.estimates
    same = estimates[
        (estimates["country"] == row["country"])
        & (estimates["indicator"] == row["indicator"])
        & (estimates["id"] != row["id"])
    ]
    result: pd.DataFrame
    if row["period_precision"] == "unknown":
        result = same[same["period_precision"] == "unknown"]
        return result
    known = same[same["period_precision"] != "unknown"]
    result = known[(known["period_start"] <= row["period_end"]) & (known["period_end"] >= row["period_start"])]
    return result


def source_claims(dataset: Dataset, source_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The estimates and events a source supports."""
    return (
        dataset.estimates[dataset.estimates["source_id"] == source_id],
        dataset.events[dataset.events["source_id"] == source_id],
    )
