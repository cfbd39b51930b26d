"""A chart's table as its CSV and JSON twins download it: every plotted claim, with its source."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..data.export import Cell, plain
from ..domain import Claim
from ..urls import DATASET_NAME
from .views import ChartView

# What a chart's CSV and JSON downloads hold for each plotted claim, in this order.
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
    "estimate_url",
]


def claim_row(claim: Claim, claim_url: Callable[[str], str]) -> dict[str, Cell]:
    """One claim as a download row; ``claim_url`` gives the absolute address of its page."""
    source = claim.source
    row: dict[str, object] = {
        "id": claim.id,
        "indicator": claim.indicator,
        "workforce": claim.workforce,
        "country": claim.country.iso3,
        "country_name": claim.country.name,
        "region": claim.region,
        "measure": claim.measure,
        "value_low": claim.value_low,
        "value_high": claim.value_high,
        "qualifier": claim.qualifier,
        "period_start": claim.period.start,
        "period_end": claim.period.end,
        "period_precision": claim.period.precision,
        "period_basis": claim.period_basis,
        "claimant": claim.claimant,
        "quote": claim.quote,
        "quote_language": claim.quote_language,
        "quote_translation": claim.quote_translation,
        "verification": claim.verification,
        "repeats": claim.repeats,
        "original_id": claim.original_id,
        "notes": claim.notes,
        "source_id": source.id,
        "publisher": source.publisher,
        "original_publisher": source.original_publisher,
        "source_title": source.title,
        "published": source.published,
        "published_precision": source.published_precision,
        "source_url": source.url,
        "estimate_url": claim_url(claim.id),
    }
    return {column: plain(row[column]) for column in DOWNLOAD_COLUMNS}


def chart_file_name(view: ChartView, version: str, extension: str) -> str:
    """nk-workers-abroad-workers-abroad-chn-rus-2017-1.0.0.csv: the view and the dataset version."""
    filters = "-".join(view.params.values())
    tail = re.sub(r"[^a-z0-9]+", "-", f"{view.slug}-{filters}".lower()).strip("-")
    return f"{DATASET_NAME}-{tail}-{version}.{extension}"
