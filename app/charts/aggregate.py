"""When a view has more claims than a chart can show legibly, draw one mark per series and year.

Each mark spans the lowest to the highest claim of its series in that year and says
how many claims it stands for; its link opens the chart narrowed to that year, and
the downloads still hold every claim. Pages and embeds then stay the same size as
the dataset grows, and no reader's browser is sent thousands of points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from ..domain import Period
from ..domain.words import format_value
from .describe import escape
from .marks import Mark

MAX_DRAWN_CLAIMS = 120
# Small multiples spread claims over many panels, each with its own axis: more stay legible.
MAX_DRAWN_IN_PANELS = 400


def needs_aggregation(marks: Sequence[Mark], limit: int = MAX_DRAWN_CLAIMS) -> bool:
    return len(marks) > limit


def aggregate(marks: Sequence[Mark], unit: str, year_url: Callable[[Mark, int], str]) -> list[Mark]:
    """One mark per (series, year of the date a claim is drawn at), in series then year order."""
    groups: dict[tuple[str, int], list[Mark]] = {}
    for mark in marks:
        groups.setdefault((mark.series, mark.x.year), []).append(mark)
    points = []
    for (series, year), members in groups.items():
        low = min(member.value_low for member in members)
        high = max(member.value_high for member in members)
        qualifier = "range" if low != high else "exact"
        value = format_value(low, high, qualifier, unit)
        count = len(members)
        points.append(
            Mark(
                id=f"{series} {year}",
                series=series,
                colour_key=members[0].colour_key,
                sub_series=members[0].sub_series,
                x=date(year, 7, 1),
                value_low=low,
                value_high=high,
                qualifier=qualifier,
                period=Period(date(year, 1, 1), date(year, 12, 31), "year"),
                value_text=value,
                href=year_url(members[0], year),
                hover=f"<b>{count} claims, {year}</b><br>{escape(series)}<br>{escape(value)}"
                "<br><i>Click to see these claims</i>",
                count=count,
            )
        )
    return sorted(points, key=lambda point: (point.series, point.year))
