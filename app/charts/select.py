"""Which claims a chart plots, and in which series: pandas filters, domain objects out.

``claims_frame`` holds one row per claim with only the columns views filter and
sort on; a view filters it and takes the claims at the selected positions.
"""

from __future__ import annotations

import pandas as pd

from ..domain import WORLDWIDE, Claim, Release
from .query import ChartQuery
from .registry import ChartSpec


def claims_frame(release: Release) -> pd.DataFrame:
    """One row per claim, indexed by its position in ``release.claims``."""
    claims = release.claims
    return pd.DataFrame(
        {
            "id": [claim.id for claim in claims],
            "indicator": [claim.indicator for claim in claims],
            "workforce": [claim.workforce for claim in claims],
            "country": [claim.country.iso3 for claim in claims],
            "country_kind": [claim.country.kind for claim in claims],
            "x": pd.to_datetime([claim.drawn_at for claim in claims]),
            "published_by": pd.to_datetime([claim.source.published_by for claim in claims]),
        }
    )


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
    """ISO3 codes a chart may be filtered to: those that have claims in its scope."""
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
    if query.as_of is not None:
        rows = rows[rows["published_by"] <= pd.Timestamp(query.as_of)]
    return rows.sort_values(["x", "id"])


def series_label(claim: Claim, spec: ChartSpec, workforce_labels: dict[str, str]) -> str:
    """The legend entry a claim belongs to: its country (and region), or its workforce."""
    workforce = workforce_labels.get(claim.workforce, claim.workforce)
    if spec.series_by == "workforce":
        return workforce
    label = claim.country.name
    if claim.region:
        label = f"{label}: {claim.region}"
    if claim.workforce != "all":
        label = f"{label} ({workforce})"
    return label


def series_family(claim: Claim, spec: ChartSpec) -> tuple[str, bool]:
    """Which country's colour a series takes when series outnumber colours, and whether it is a part.

    A region of a country or one kind of worker (IT workers) is a part: drawn in its country's
    colour with smaller marks, so that a figure for Amur Oblast never borrows another country's
    colour.
    """
    if spec.series_by == "workforce":
        return claim.workforce, False
    return claim.country.iso3, bool(claim.region) or claim.workforce != "all"
