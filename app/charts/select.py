"""Which estimates a chart plots, and where: the rows behind the figure, its table and its downloads.

``enrich_claims`` does the per-row work once for the whole dataset (joins, dates,
words, hover text); a view then only filters, which keeps start-up fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd

from ..data import Dataset
from ..data.chains import original_ids
from ..data.dataset import as_dicts
from .query import WORLDWIDE, ChartQuery
from .registry import ChartSpec
from .text import format_period, format_published, format_value

SOURCE_COLUMNS = ("publisher", "original_publisher", "published", "published_precision")
# What a chart's CSV and JSON downloads hold for each plotted claim.
DOWNLOAD_COLUMNS = [
    "id",
    "indicator",
    "workforce",
    "country",
    "country_name",
    "region",
    "measure",
    "value_low",
    "value_high",
    "qualifier",
    "period_start",
    "period_end",
    "period_precision",
    "period_basis",
    "claimant",
    "quote",
    "quote_language",
    "quote_translation",
    "verification",
    "repeats",
    "original_id",
    "notes",
    "source_id",
    "publisher",
    "original_publisher",
    "source_title",
    "published",
    "published_precision",
    "source_url",
]


def with_sources(dataset: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
    """Add each estimate's country name and its source's publisher and publication date."""
    sources = dataset.sources.set_index("id")
    countries = dataset.countries.set_index("iso3")
    return rows.assign(
        country_name=rows["country"].map(countries["name"]),
        country_kind=rows["country"].map(countries["kind"]),
        source_title=rows["source_id"].map(sources["title"]),
        source_url=rows["source_id"].map(sources["url"]),
        **{column: rows["source_id"].map(sources[column]) for column in SOURCE_COLUMNS},
    )


def with_words(rows: pd.DataFrame, unit: str | pd.Series) -> pd.DataFrame:
    """Add the value, period and publication date as the site writes them (``unit`` per row or for all)."""
    units = unit if isinstance(unit, pd.Series) else pd.Series(unit, index=rows.index, dtype=object)
    return rows.assign(
        value_text=[
            format_value(low, high, qualifier, u)
            for low, high, qualifier, u in zip(
                rows["value_low"], rows["value_high"], rows["qualifier"], units, strict=True
            )
        ],
        period_text=[
            format_period(start, end, precision)
            for start, end, precision in zip(
                rows["period_start"], rows["period_end"], rows["period_precision"], strict=True
            )
        ],
        published_text=[
            format_published(day, precision)
            for day, precision in zip(rows["published"], rows["published_precision"], strict=True)
        ],
    )


def worded_claims(dataset: Dataset, rows: pd.DataFrame) -> list[dict[str, Any]]:
    """Estimates as the pages list them: with their source and their words, each in its indicator's unit."""
    units = {category.value: category.unit for category in dataset.indicators()}
    return as_dicts(with_words(with_sources(dataset, rows), rows["indicator"].map(units)))


def enrich_claims(dataset: Dataset, estimate_url: Callable[[str], str]) -> pd.DataFrame:
    """Every estimate with its source, the date it is drawn at (``x``), its words and its link.

    A claim with a known period is drawn at the middle of its period; one whose
    period is unknown is drawn at its publication date and marked as such.
    """
    units = {category.value: category.unit for category in dataset.indicators()}
    rows = with_sources(dataset, dataset.estimates)
    known = rows["period_precision"] != "unknown"
    midpoint = rows["period_start"] + (rows["period_end"] - rows["period_start"]) / 2
    rows = rows.assign(
        period_known=known,
        x=midpoint.where(known, rows["published"]).dt.normalize(),
        original_id=original_ids(rows),
    )
    rows = with_words(rows, rows["indicator"].map(units))
    return rows.assign(href=[estimate_url(id_) for id_ in rows["id"]])


def in_scope(claims: pd.DataFrame, spec: ChartSpec) -> pd.DataFrame:
    rows = claims[claims["indicator"].isin(spec.indicators)]
    if spec.scope == "host_countries":  # one country each: no worldwide and no regional figures
        rows = rows[rows["country_kind"] == "country"]
    elif spec.scope == "worldwide":
        rows = rows[rows["country"] == WORLDWIDE]
    if spec.workforces is not None:
        rows = rows[rows["workforce"].isin(spec.workforces)]
    return rows


def chart_countries(claims: pd.DataFrame, spec: ChartSpec) -> list[str]:
    """ISO3 codes a chart may be filtered to: those that have estimates in its scope."""
    return sorted(set(in_scope(claims, spec)["country"]))


def plotted_rows(claims: pd.DataFrame, spec: ChartSpec, query: ChartQuery) -> pd.DataFrame:
    """The claims a view plots, in the order they are drawn and tabled, keeping ``claims``' index."""
    rows = in_scope(claims, spec)
    rows = rows[rows["indicator"] == query.indicator]
    if query.countries:
        rows = rows[rows["country"].isin(query.countries)]
    if query.year_from is not None:
        rows = rows[rows["x"].dt.year >= query.year_from]
    if query.year_to is not None:
        rows = rows[rows["x"].dt.year <= query.year_to]
    return rows.sort_values(["x", "id"])


def series_label(row: dict[str, object], spec: ChartSpec, workforce_labels: dict[str, str]) -> str:
    """The legend entry a row belongs to: its country (and region), or its workforce."""
    workforce = str(row["workforce"])
    if spec.series_by == "workforce":
        return workforce_labels.get(workforce, workforce)
    label = str(row["country_name"])
    if row["region"]:
        label = f"{label}: {row['region']}"
    if workforce != "all":
        label = f"{label} ({workforce_labels.get(workforce, workforce)})"
    return label


def series_family(row: dict[str, object], spec: ChartSpec) -> dict[str, object]:
    """Which country's colour a series takes when series outnumber colours, and whether it is a part.

    A region of a country or one kind of worker (IT workers) is a part: drawn in its country's
    colour with smaller marks, so that a figure for Amur Oblast never borrows another country's
    colour.
    """
    if spec.series_by == "workforce":
        return {"colour_key": str(row["workforce"]), "sub_series": False}
    return {"colour_key": str(row["country"]), "sub_series": bool(row["region"]) or row["workforce"] != "all"}


def busiest_countries(rows: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, list[str]]:
    """At most ``limit`` countries' rows, those with the most claims (ties by code); and the codes left out.

    One colour and one legend entry per country stops being readable past a handful of countries,
    so an every-country view shows the busiest and links the rest.
    """
    counts = Counter(str(code) for code in rows["country"])
    if len(counts) <= limit:
        return rows, []
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kept = {code for code, _count in ranked[:limit]}
    return rows[rows["country"].isin(kept)], sorted(code for code, _count in ranked[limit:])
