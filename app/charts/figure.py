"""Plotly figures as plain dicts: one point per claim, never a line between claims.

Built by hand rather than through ``plotly.graph_objects``: the dicts are the
same JSON, and building them is many times faster, which matters because every
default view is built at start-up. The tests check them against Plotly's schema.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .text import MONEY_UNITS

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F"]
# Open-ended figures point the way the truth may lie; a range is a bar, not a dot.
SYMBOLS = {
    "exact": "circle",
    "about": "circle",
    "at_least": "triangle-up",
    "more_than": "triangle-up",
    "up_to": "triangle-down",
    "range": "line-ew",
}
EVENT_COLOUR = "#6b6b6b"
MARKER_PX = 11
PART_MARKER_PX = 7  # a region of a country, or one kind of worker, in its country's colour
SPAN_MIN_DAYS = 45  # periods shorter than this are drawn as a point only
MILLION = 1_000_000
LABEL_ROW_PX = 16
LABEL_ROWS = 4
NOMINAL_PLOT_PX = (
    900  # label stacking assumes this width; below it labels may touch, and the list under the chart has them all
)
LABEL_CHAR_PX = 6.5
# The legend sits under the plot and Plotly takes its room from the plot's, so a chart with many
# series grows taller instead: the plot keeps at least PLOT_MIN_PX (static/charts.js sets the box's
# height and corrects the estimate for the width a reader's screen actually has).
PLOT_MIN_PX = 300
BASE_HEIGHT_PX = 420
LEGEND_ROW_PX = 30  # Plotly sets a legend row about 30 px apart at this font size
LEGEND_ENTRY_PX = 46  # the symbol and the gaps around an entry's name
LEGEND_CHAR_PX = 7.5  # legend names are set larger than event labels
AXIS_TITLES = {
    "USD": "US$",
    "USD per year": "US$ a year",
    "USD per month": "US$ a month",
    "percent": "%",
    "times": "times",
}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
}


def value_scale(unit: str, records: list[dict[str, Any]]) -> tuple[float, str]:
    """Large money figures are drawn in millions so the axis reads '500', not '500000000'."""
    title = AXIS_TITLES.get(unit, unit)
    if unit in MONEY_UNITS and records and max(record["value_high"] for record in records) >= 10 * MILLION:
        return MILLION, title.replace("US$", "US$ million")
    return 1.0, title


def build_figure(
    records: list[dict[str, Any]], events: list[dict[str, Any]], unit: str, image_name: str
) -> dict[str, Any]:
    """Claims need x, series, value_*, qualifier, period_*, hover, href (colour_key and sub_series when a
    view has more series than colours); events date_*, hover, href, labelled."""
    scale, axis_title = value_scale(unit, records)
    traces: list[dict[str, Any]] = []
    styles = series_styles(records)
    for series, (colour, part) in styles.items():
        group = [record for record in records if record["series"] == series]
        traces.extend(_series_traces(series, group, colour, part, scale))
    layout = _layout(axis_title, events)
    if records:
        layout["xaxis"]["range"] = time_range(events, records)
    labels = event_labels(events, records)
    layout["annotations"] = labels
    layout["margin"]["t"] = 24 + LABEL_ROW_PX * (1 + max((label["row"] for label in labels), default=-1))
    # Plotly sizes a responsive chart to its box, so the height travels in meta for the page's
    # script to give the box; the plot's minimum lets the script correct it for the real width.
    layout["meta"] = {
        "labelMarginTop": layout["margin"]["t"],
        "heightPx": chart_height(layout["margin"]["t"], legend_names(traces)),
        "plotMinPx": PLOT_MIN_PX,
        "labelRows": LABEL_ROWS,
    }
    for label in labels:
        label["yshift"] = LABEL_ROW_PX * label.pop("row")
    if events:
        traces.append(_event_trace(events))
    if not records:
        layout["annotations"].append(
            {"text": "No estimates match these filters", "showarrow": False, "xref": "paper", "yref": "paper"}
            | {"x": 0.5, "y": 0.5, "font": {"size": 16}}
        )
    config = CONFIG | {"toImageButtonOptions": {"format": "png", "filename": image_name, "scale": 2}}
    return {"data": traces, "layout": layout, "config": config}


def series_styles(records: list[dict[str, Any]]) -> dict[str, tuple[str, bool]]:
    """Each series' colour, and whether it is drawn smaller (a part of a country, in its colour).

    While there are colours enough, every series has its own. Past that, colours would repeat
    across countries, so each country keeps one colour and its regions and worker groups share
    it, drawn with smaller marks.
    """
    series = list(dict.fromkeys(record["series"] for record in records))
    if len(series) <= len(PALETTE):
        return {name: (PALETTE[index], False) for index, name in enumerate(series)}
    keys = list(dict.fromkeys(record.get("colour_key", record["series"]) for record in records))
    colours = {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(keys)}
    styles: dict[str, tuple[str, bool]] = {}
    for record in records:
        key = record.get("colour_key", record["series"])
        styles.setdefault(record["series"], (colours[key], bool(record.get("sub_series"))))
    return styles


def legend_names(traces: list[dict[str, Any]]) -> list[str]:
    return [str(trace["name"]) for trace in traces if trace.get("showlegend", True)]


def legend_rows(names: list[str], width_px: float) -> int:
    """How many rows a horizontal legend of these names takes at this width (an estimate)."""
    rows, used = 1, 0.0
    for name in names:
        width = len(name) * LEGEND_CHAR_PX + LEGEND_ENTRY_PX
        if used and used + width > width_px:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def chart_height(margin_top: int, names: list[str]) -> int:
    """Tall enough for the plot and a legend of these names wrapped at the nominal width."""
    return max(BASE_HEIGHT_PX, margin_top + PLOT_MIN_PX + 56 + legend_rows(names, NOMINAL_PLOT_PX) * LEGEND_ROW_PX)


def _day(value: pd.Timestamp) -> str:
    return value.strftime("%Y-%m-%d")


def _y(record: dict[str, Any], scale: float) -> float:
    return float((record["value_low"] + record["value_high"]) / 2 / scale)


def _series_traces(
    series: str, group: list[dict[str, Any]], colour: str, part_of_country: bool, scale: float
) -> list[dict[str, Any]]:
    traces = [_span_trace(series, group, colour, scale)]
    has_known = any(record["period_known"] for record in group)
    for known in (True, False):
        members = [record for record in group if record["period_known"] == known]
        if not members:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": series if known else f"{series}: period not stated",
                "legendgroup": series,
                # One legend entry a series: the hollow marks are explained in the key under the chart.
                "showlegend": known or not has_known,
                "x": [_day(record["x"]) for record in members],
                "y": [_y(record, scale) for record in members],
                "marker": {
                    "color": colour,
                    "symbol": [SYMBOLS[record["qualifier"]] + ("" if known else "-open") for record in members],
                    "size": PART_MARKER_PX if part_of_country else MARKER_PX,
                    "line": {"color": colour, "width": 2},
                },
                "customdata": [[record["href"], record["id"]] for record in members],
                "hovertext": [record["hover"] for record in members],
                "hoverinfo": "text",
            }
        )
    return traces


def _span_trace(series: str, group: list[dict[str, Any]], colour: str, scale: float) -> dict[str, Any]:
    """Bars for what a claim covers: its period across, its range up; gaps keep claims apart."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for record in group:
        y = _y(record, scale)
        if record["period_known"] and (record["period_end"] - record["period_start"]).days >= SPAN_MIN_DAYS:
            xs += [_day(record["period_start"]), _day(record["period_end"]), None]
            ys += [y, y, None]
        if record["value_low"] != record["value_high"]:
            xs += [_day(record["x"]), _day(record["x"]), None]
            ys += [record["value_low"] / scale, record["value_high"] / scale, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "name": f"{series}: period and range",
        "legendgroup": series,
        "showlegend": False,
        "x": xs,
        "y": ys,
        "line": {"color": colour, "width": 3},
        "opacity": 0.45,
        "hoverinfo": "skip",
        "connectgaps": False,
    }


def _event_trace(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "Events",
        "yaxis": "y2",
        "x": [_day(event["date_start"]) for event in events],
        "y": [1] * len(events),
        "marker": {"symbol": "triangle-down", "size": 10, "color": EVENT_COLOUR},
        "customdata": [[event["href"], event["id"]] for event in events],
        "hovertext": [event["hover"] for event in events],
        "hoverinfo": "text",
        "cliponaxis": False,
    }


def _layout(axis_title: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    shapes = []
    for start, end in ((event["date_start"], event["date_end"]) for event in events):
        shape = {"xref": "x", "yref": "paper", "y0": 0, "y1": 1, "layer": "below"}
        if (end - start).days >= 1:
            band = {"type": "rect", "x0": _day(start), "x1": _day(end), "fillcolor": "rgba(120,120,120,0.10)"}
            shapes.append(shape | band | {"line": {"width": 0}})
        else:
            line = {"type": "line", "x0": _day(start), "x1": _day(start)}
            shapes.append(shape | line | {"line": {"color": EVENT_COLOUR, "dash": "dot"}})
    return {
        "autosize": True,
        "height": 420,
        "margin": {"l": 64, "r": 16, "t": 24, "b": 40},
        "font": {"family": FONT, "size": 13},
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "showlegend": True,
        # maxheight 1: the whole chart's height, so Plotly never hides entries behind a scrollbar
        # (its default for a horizontal legend is half); the page grows the chart to fit the legend.
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top", "maxheight": 1},
        "xaxis": {"type": "date", "showgrid": False, "ticks": "outside"},
        "yaxis": {"title": {"text": axis_title}, "rangemode": "tozero", "separatethousands": True, "zeroline": True},
        "yaxis2": {"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True},
        "shapes": shapes,
        "annotations": [],
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }


def time_range(events: list[dict[str, Any]], records: list[dict[str, Any]]) -> list[str]:
    """The dates the x axis spans: every claim, period and event, with a margin either side.

    Set explicitly so that the axis does not stretch to fit labels, and so that the
    page's script can place event labels for the width the chart has.
    """
    days = [event["date_start"] for event in events] + [event["date_end"] for event in events]
    days += [record["x"] for record in records]
    days += [record[key] for record in records if record["period_known"] for key in ("period_start", "period_end")]
    if not days:
        return []
    first, last = min(days), max(days)
    margin = max((last - first) * 0.03, pd.Timedelta(days=60))
    return [_day(first - margin), _day(last + margin)]


def event_labels(events: list[dict[str, Any]], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Short labels above the plot, stacked in rows so that neighbours do not overlap at a normal width."""
    labelled = sorted((event for event in events if event["labelled"]), key=lambda event: event["date_start"])
    if not labelled:
        return []
    days = [event["date_start"] for event in events] + [record["x"] for record in records]
    days += [record[key] for record in records if record["period_known"] for key in ("period_start", "period_end")]
    origin = min(days)
    span = max((max(days) - origin).days, 365)
    ends = [float("-inf")] * LABEL_ROWS
    labels = []
    for event in labelled:
        start = (event["date_start"] - origin).days / span * NOMINAL_PLOT_PX
        width = len(event["label"]) * LABEL_CHAR_PX + 8
        # A label with no room in any row is hidden: its marker stays, and the list under the chart has it.
        row = next((r for r in range(LABEL_ROWS) if ends[r] <= start), None)
        if row is not None:
            ends[row] = start + width
        labels.append(
            {"x": _day(event["date_start"]), "y": 1, "xref": "x", "yref": "paper", "row": row or 0}
            | {"text": event["label_html"], "showarrow": False, "xanchor": "left", "yanchor": "bottom"}
            | {"font": {"size": 11, "color": EVENT_COLOUR}, "name": "event-label", "visible": row is not None}
        )
    return labels
