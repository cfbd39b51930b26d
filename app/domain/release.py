"""A release: one version of the dataset as typed objects, built once from the validated tables.

Routes, charts and templates read claims, sources, events and countries from here;
the pandas tables stay behind ``frames`` for what pandas earns its keep at
(filtering many rows at once, aggregation, whole-table downloads).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TypeVar

import pandas as pd

from ..data.dataset import Dataset, as_dicts
from ..data.descriptor import Category, Licence
from ..data.export import table_rows, to_csv
from ..jsontypes import JSONObject
from .chains import chain_up, original_of, repeated_by
from .claim import Claim
from .country import Country
from .event import Event
from .period import Period
from .source import Source

T = TypeVar("T")


def _dates(column: pd.Series) -> list[date | None]:
    return [None if pd.isna(value) else value.date() for value in column]


@dataclass(frozen=True, eq=False)
class Release:
    version: str
    last_updated: str
    title: str
    countries: dict[str, Country]  # by ISO3, in the countries file's order
    sources: dict[str, Source]  # by id, in the sources file's order
    claims: tuple[Claim, ...]  # in the estimates file's order: claims[i] is row i of frames.estimates
    events: tuple[Event, ...]  # by start date
    frames: Dataset = field(repr=False)
    _claims_by_id: dict[str, Claim] = field(repr=False, default_factory=dict)
    _repeats: dict[str, str] = field(repr=False, default_factory=dict)

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> Release:
        indicators = {category.value: category for category in dataset.indicators()}
        countries = {
            row["iso3"]: Country(iso3=row["iso3"], name=row["name"], group=row["group"], kind=row["kind"])
            for row in as_dicts(dataset.countries)
        }
        sources = {
            row["id"]: Source(**(row | {"published": published}))
            for row, published in zip(as_dicts(dataset.sources), _dates(dataset.sources["published"]), strict=True)
        }
        estimates = dataset.estimates
        repeats = dict(zip(estimates["id"], estimates["repeats"], strict=True))
        starts, ends = _dates(estimates["period_start"]), _dates(estimates["period_end"])
        claims = tuple(
            Claim(
                id=row["id"],
                indicator=row["indicator"],
                unit=indicators[row["indicator"]].unit,
                workforce=row["workforce"],
                country=countries[row["country"]],
                region=row["region"],
                measure=row["measure"],
                value_low=float(row["value_low"]),
                value_high=float(row["value_high"]),
                qualifier=row["qualifier"],
                period=Period(start, end, row["period_precision"]),
                period_basis=row["period_basis"],
                claimant=row["claimant"],
                source=sources[row["source_id"]],
                quote=row["quote"],
                quote_language=row["quote_language"],
                quote_translation=row["quote_translation"],
                verification=row["verification"],
                repeats=row["repeats"],
                original_id=original_of(row["id"], repeats),
                notes=row["notes"],
            )
            for row, start, end in zip(as_dicts(estimates), starts, ends, strict=True)
        )
        events_frame = dataset.events
        events = [
            Event(
                id=row["id"],
                period=Period(start, end, row["date_precision"]),
                label=row["label"],
                description=row["description"],
                country=row["country"],
                source=sources[row["source_id"]],
                quote=row["quote"],
                quote_language=row["quote_language"],
                quote_translation=row["quote_translation"],
                date_basis=row["date_basis"],
                verification=row["verification"],
                notes=row["notes"],
            )
            for row, start, end in zip(
                as_dicts(events_frame),
                _dates(events_frame["date_start"]),
                _dates(events_frame["date_end"]),
                strict=True,
            )
        ]
        return cls(
            version=dataset.version,
            last_updated=dataset.descriptor.last_updated,
            title=dataset.descriptor.title,
            countries=countries,
            sources=sources,
            claims=claims,
            events=tuple(sorted(events, key=lambda event: event.start)),
            frames=dataset,
            _claims_by_id={claim.id: claim for claim in claims},
            _repeats=repeats,
        )

    # Vocabularies, with their definitions, from the descriptor.
    @cached_property
    def indicators(self) -> list[Category]:
        return self.frames.indicators()

    def categories(self, field_name: str) -> list[Category]:
        """The coded values of a column of the estimates table: 'qualifier', 'workforce', 'period_precision'."""
        return self.frames.descriptor.categories("estimates", field_name)

    def category(self, field_name: str, value: str) -> Category:
        return next(category for category in self.categories(field_name) if category.value == value)

    # The dataset as files.
    @property
    def descriptor(self) -> JSONObject:
        """The Data Package descriptor, as published."""
        return self.frames.descriptor.raw

    @property
    def licences(self) -> list[Licence]:
        """The data's licences, as the descriptor states them."""
        return self.frames.descriptor.licences

    @property
    def table_names(self) -> list[str]:
        return sorted(self.frames.tables)

    def table_csv(self, name: str) -> str:
        """One table, every row, as its CSV download (ready for spreadsheets)."""
        return to_csv(self.frames.tables[name])

    def table_json(self, name: str) -> JSONObject:
        """One table, every row, as its JSON download; the same rows as the CSV."""
        columns, rows = table_rows(self.frames.tables[name])
        return {"table": name, "version": self.version, "columns": columns, "rows": rows}

    def row_counts(self) -> dict[str, int]:
        return self.frames.row_counts()

    # Lookups.
    def claim(self, claim_id: str) -> Claim | None:
        return self._claims_by_id.get(claim_id)

    def source(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def resolve_country(self, text: str) -> Country | None:
        """The country ``text`` names, by code in any case or by name ('russia', 'Russia'); None if unknown."""
        wanted = text.strip().lower().replace("-", " ")
        return next((c for c in self.countries.values() if wanted in (c.iso3.lower(), c.name.lower())), None)

    def claims_from(self, source_id: str) -> list[Claim]:
        return self._claims_by_source.get(source_id, [])

    def events_from(self, source_id: str) -> list[Event]:
        return self._events_by_source.get(source_id, [])

    def events_in(self, iso3: str) -> list[Event]:
        return self._events_by_country.get(iso3, [])

    # Indexes made once, on first use, rather than a scan of every claim on each request.
    @cached_property
    def _claims_by_source(self) -> dict[str, list[Claim]]:
        return grouped(self.claims, lambda claim: claim.source.id)

    @cached_property
    def _events_by_source(self) -> dict[str, list[Event]]:
        return grouped(self.events, lambda event: event.source.id)

    @cached_property
    def _events_by_country(self) -> dict[str, list[Event]]:
        return grouped(self.events, lambda event: event.country)

    # Citation chains and disagreement.
    def repeats_of(self, claim: Claim) -> list[Claim]:
        """The claims ``claim`` repeats, nearest first, ending at the original."""
        return self._lookup(chain_up(claim.id, self._repeats))

    def repeated_by(self, claim: Claim) -> list[Claim]:
        """The claims that repeat ``claim``, directly or through another repetition, earliest id first."""
        return self._lookup(repeated_by(claim.id, self._repeats))

    def overlapping(self, claim: Claim) -> list[Claim]:
        """Other claims about the same country and indicator whose period overlaps this one's.

        For a claim whose period is unknown, the other claims whose period is unknown.
        """
        same = [
            other
            for other in self.claims
            if other.country == claim.country and other.indicator == claim.indicator and other.id != claim.id
        ]
        if not claim.period.known:
            return [other for other in same if not other.period.known]
        return [other for other in same if other.period.known and other.period.overlaps(claim.period)]

    def _lookup(self, ids: Iterable[str]) -> list[Claim]:
        return [self._claims_by_id[claim_id] for claim_id in ids]


def grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """``items`` by ``key``, each group in the order given."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
