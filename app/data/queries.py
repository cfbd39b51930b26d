"""Pure questions asked of the loaded dataset; no HTTP, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dataset import Dataset


@dataclass(frozen=True)
class IndicatorSummary:
    value: str
    label: str
    description: str
    unit: str
    rows: int
    first: date | None  # earliest period start among dated rows
    last: date | None  # latest period end among dated rows
    undated: int  # rows whose period is unknown


def indicator_summaries(dataset: Dataset) -> list[IndicatorSummary]:
    """Every indicator of the vocabulary, in the descriptor's order, with its row count and date span."""
    estimates = dataset.estimates
    summaries = []
    for category in dataset.indicators():
        rows = estimates[estimates["indicator"] == category.value]
        dated = rows[rows["period_precision"] != "unknown"]
        summaries.append(
            IndicatorSummary(
                value=category.value,
                label=category.label,
                description=category.description,
                unit=category.unit,
                rows=len(rows),
                first=dated["period_start"].min().date() if len(dated) else None,
                last=dated["period_end"].max().date() if len(dated) else None,
                undated=len(rows) - len(dated),
            )
        )
    return summaries
