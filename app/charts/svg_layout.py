"""Where the server-drawn SVG puts what Plotly and the page's script place by width: the ruled events' labels,
the legend's rows, and so the chart's height.

The same rules as ``static/charts.js`` (``eventLabelUpdate``, ``wantedHeight``) and Plotly's legend, worked out
for the nominal width a drawing is laid out for, so that the drawing takes the box the interactive chart will
take and nothing under it moves when one replaces the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .figure import (
    LABEL_CHAR_PX,
    LABEL_ROW_PX,
    LABEL_ROWS,
    LANE_GAP_PX,
    LANE_PX,
    LEGEND_CHAR_PX,
    LEGEND_ENTRY_PX,
    LEGEND_ROW_PX,
    MARGIN_TOP_PX,
    PLOT_MIN_PX,
    chart_height,
)

LABELS_MIN_WIDTH_PX = 300  # charts.js hides the labels below this width; the list under the chart names them
AXIS_BLOCK_PX = 40  # the time axis's ticks and labels under the plot (Plotly's bottom margin)
LEGEND_GAP_PX = 14  # between the tick labels and a legend under them


@dataclass(frozen=True)
class LabelPlace:
    row: int
    flip: bool  # ends at its line (text-anchor end) instead of starting there


def label_places(fractions: Sequence[float], texts: Sequence[str], plot_px: float) -> list[LabelPlace | None]:
    """Each ruled event's label row, as charts.js stacks them for this width; None where it is left out."""
    if plot_px + 80 < LABELS_MIN_WIDTH_PX:
        return [None] * len(texts)
    row_ends: list[float] = []
    places: list[LabelPlace | None] = []
    for index, (fraction, text) in enumerate(zip(fractions, texts, strict=True)):
        at = fraction * plot_px
        text_px = len(text) * LABEL_CHAR_PX + 8
        flip = at - text_px >= 0 if index == 0 and len(texts) > 1 else at + text_px > plot_px
        start = at - text_px if flip else at
        row = next((number for number, end in enumerate(row_ends) if end <= start), None)
        if row is None and len(row_ends) >= LABEL_ROWS:
            places.append(None)
            continue
        if row is None:
            row = len(row_ends)
            row_ends.append(0.0)
        row_ends[row] = start + text_px
        places.append(LabelPlace(row, flip))
    return places


def legend_flow(names: Sequence[str], width_px: float) -> list[tuple[int, float]]:
    """Each legend entry's row and left edge in pixels: entries side by side, wrapping as Plotly's horizontal
    legend does (its widths estimated as figure.legend_rows estimates them)."""
    places = []
    row, used = 0, 0.0
    for name in names:
        entry = len(name) * LEGEND_CHAR_PX + LEGEND_ENTRY_PX
        if used and used + entry > width_px:
            row, used = row + 1, 0.0
        places.append((row, used))
        used += entry
    return places


def single_height(label_rows: int, has_labels: bool, names: Sequence[str], legend_rows: int, lane: bool) -> int:
    """The box Plotly ends with: the figure's own height, grown so the plot keeps its minimum above the lane."""
    base = chart_height(MARGIN_TOP_PX + (LABEL_ROW_PX if has_labels else 0), list(names))
    top = MARGIN_TOP_PX + LABEL_ROW_PX * label_rows
    lane_px = LANE_PX + LANE_GAP_PX if lane else 0
    return max(base, top + PLOT_MIN_PX + lane_px + bottom_px(legend_rows))


def bottom_px(legend_rows: int) -> int:
    """Under the plot: the time axis, and the legend's rows when there is one."""
    return AXIS_BLOCK_PX + (legend_rows * LEGEND_ROW_PX + LEGEND_GAP_PX if legend_rows else 0)
