"""Headline figures: the range of current claims for a question, never one invented number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..data import Dataset
from ..data.chains import independent_count, original_ids
from ..data.dataset import as_dicts
from .describe import originals_text
from .select import with_sources, with_words
from .text import format_value

# Claims count as current when the date they are drawn at is within this of the latest one.
CURRENT_WINDOW = pd.Timedelta(days=3 * 365)


@dataclass(frozen=True)
class HeadlineSpec:
    title: str
    indicator: str
    country: str
    chart_slug: str
    chart_params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Headline:
    spec: HeadlineSpec
    text: str
    records: list[dict[str, Any]]  # the current claims, latest first, with their words
    originals: int  # independent originals behind them: a repeated figure counts once

    @property
    def originals_text(self) -> str:
        return originals_text(self.originals, len(self.records))


HEADLINES = (
    HeadlineSpec("North Korean workers abroad", "workers_abroad", "WLD", "workers-worldwide"),
    HeadlineSpec("Workers in China", "workers_abroad", "CHN", "workers-abroad", (("countries", "chn"),)),
    HeadlineSpec("Workers in Russia", "workers_abroad", "RUS", "workers-abroad", (("countries", "rus"),)),
    HeadlineSpec("Earnings for the state, a year", "revenue_per_year", "WLD", "revenue"),
    HeadlineSpec("Workers sent home by the 2019 deadline", "workers_repatriated", "WLD", "repatriations"),
)


def headline(dataset: Dataset, spec: HeadlineSpec) -> Headline:
    """Claims for the whole country (no region) from all workers, within the window of the latest."""
    estimates = dataset.estimates
    rows = estimates[
        (estimates["indicator"] == spec.indicator)
        & (estimates["country"] == spec.country)
        & (estimates["workforce"] == "all")
        & (estimates["region"] == "")
    ]
    rows = with_sources(dataset, rows).assign(original_id=original_ids(estimates).loc[rows.index])
    known = rows["period_precision"] != "unknown"
    rows = rows.assign(period_known=known, x=rows["period_end"].where(known, rows["published"]))
    if len(rows):
        rows = rows[rows["x"] >= rows["x"].max() - CURRENT_WINDOW]
    unit = next(c.unit for c in dataset.indicators() if c.value == spec.indicator)
    rows = with_words(rows.sort_values(["x", "id"], ascending=False), unit)
    originals = independent_count(rows["original_id"])
    return Headline(spec=spec, text=range_text(rows, unit), records=as_dicts(rows), originals=originals)


def range_text(rows: pd.DataFrame, unit: str) -> str:
    if not len(rows):
        return "no estimate"
    records = as_dicts(rows)
    low = min(records, key=lambda record: record["value_low"])
    high = max(records, key=lambda record: record["value_high"])
    if low["id"] == high["id"]:
        return str(low["value_text"])
    low_qualifier = "exact" if low["qualifier"] == "range" else low["qualifier"]
    high_qualifier = "exact" if high["qualifier"] == "range" else high["qualifier"]
    if low["value_low"] == high["value_high"] and low_qualifier == high_qualifier:
        return format_value(low["value_low"], low["value_low"], low_qualifier, unit)
    first = format_value(low["value_low"], low["value_low"], low_qualifier, unit, suffix=False)
    second = format_value(high["value_high"], high["value_high"], high_qualifier, unit)
    return f"{first} to {second}"


def headlines(dataset: Dataset) -> list[Headline]:
    return [headline(dataset, spec) for spec in HEADLINES]
