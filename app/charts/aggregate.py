"""When a view has more claims than a chart can show legibly, draw one mark per series and year.

Each mark spans the lowest to the highest claim of its series in that year and says
how many claims it stands for; its link opens the chart narrowed to that year, and
the downloads still hold every claim. Pages and embeds then stay the same size as
the dataset grows, and no reader's browser is sent thousands of points.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from .describe import escape
from .text import format_value

MAX_DRAWN_CLAIMS = 120


def needs_aggregation(records: list[dict[str, Any]]) -> bool:
    return len(records) > MAX_DRAWN_CLAIMS


def aggregate(
    records: list[dict[str, Any]], unit: str, year_url: Callable[[dict[str, Any], int], str]
) -> list[dict[str, Any]]:
    """One point per (series, year of the date a claim is drawn at), in series then year order."""
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault((record["series"], record["x"].year), []).append(record)
    points = []
    for (series, year), members in groups.items():
        low = min(member["value_low"] for member in members)
        high = max(member["value_high"] for member in members)
        qualifier = "range" if low != high else "exact"
        value = format_value(low, high, qualifier, unit)
        count = len(members)
        points.append(
            {
                "id": f"{series} {year}",
                "series": series,
                "colour_key": members[0]["colour_key"],
                "sub_series": members[0]["sub_series"],
                "year": year,
                "count": count,
                "value_low": low,
                "value_high": high,
                "value_text": value,
                "qualifier": qualifier,
                "x": pd.Timestamp(year=year, month=7, day=1),
                "period_known": True,
                "period_start": pd.Timestamp(year=year, month=1, day=1),
                "period_end": pd.Timestamp(year=year, month=12, day=31),
                "href": year_url(members[0], year),
                "hover": f"<b>{count} claims, {year}</b><br>{escape(series)}<br>{escape(value)}"
                "<br><i>Click to see these claims</i>",
            }
        )
    return sorted(points, key=lambda point: (point["series"], point["year"]))
