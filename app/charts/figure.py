"""Plotly figures as plain dicts: one point per claim, never a line between claims.

Built by hand rather than through ``plotly.graph_objects``: the dicts are the
same JSON, and building them is many times faster, which matters because every
default view is built at start-up. The tests check them against Plotly's schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from ..domain.words import MONEY_UNITS
from ..jsontypes import JSONObject
from .marks import EventMark, Mark

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
MILLION = 1_000_000
LABEL_ROW_PX = 16
MARGIN_TOP_PX = 24  # above the plot before any row of event labels
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
# No mode bar: its buttons are focusable controls inside the chart (axe: nested-interactive), and its
# "download as PNG" would duplicate the site's own image, which carries the title, key and sources.
CONFIG: JSONObject = {
    "displayModeBar": False,
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
}


def value_scale(unit: str, marks: Sequence[Mark]) -> tuple[float, str]:
    """Large money figures are drawn in millions so the axis reads '500', not '500000000'."""
    title = AXIS_TITLES.get(unit, unit)
    if unit in MONEY_UNITS and marks and max(mark.value_high for mark in marks) >= 10 * MILLION:
        return MILLION, title.replace("US$", "US$ million")
    return 1.0, title


def build_figure(marks: Sequence[Mark], events: Sequence[EventMark], unit: str, image_name: str) -> JSONObject:
    """The Plotly figure of a chart: its marks by series, its events, and the layout the page's script needs."""
    scale, axis_title = value_scale(unit, marks)
    traces: list[JSONObject] = []
    styles = series_styles(marks)
    for series, (colour, part) in styles.items():
        group = [mark for mark in marks if mark.series == series]
        traces.extend(_series_traces(series, group, colour, part, scale))
    layout = _layout(axis_title, events)
    if marks:
        layout["xaxis"]["range"] = time_range(events, marks)
    labels = event_labels(events, marks)
    layout["annotations"] = labels
    layout["margin"]["t"] = MARGIN_TOP_PX + LABEL_ROW_PX * (1 + max((label["row"] for label in labels), default=-1))
    # Plotly sizes a responsive chart to its box, so the height travels in meta for the page's
    # script to give the box; the plot's minimum lets the script correct it for the real width.
    layout["meta"] = {
        "labelMarginTop": layout["margin"]["t"],
        "heightPx": chart_height(layout["margin"]["t"], legend_names(traces)),
        "plotMinPx": PLOT_MIN_PX,
        "labelRows": LABEL_ROWS,
        # The page re-stacks labels for the width it has, with these same measures.
        "labelRowPx": LABEL_ROW_PX,
        "labelCharPx": LABEL_CHAR_PX,
        "marginTopPx": MARGIN_TOP_PX,
    }
    for label in labels:
        label["yshift"] = LABEL_ROW_PX * label.pop("row")
    if events:
        traces.append(_event_trace(events))
    if not marks:
        layout["annotations"].append(
            {"text": "No estimates match these filters", "showarrow": False, "xref": "paper", "yref": "paper"}
            | {"x": 0.5, "y": 0.5, "font": {"size": 16}}
        )
    config = CONFIG | {"toImageButtonOptions": {"format": "png", "filename": image_name, "scale": 2}}
    return {"data": traces, "layout": layout, "config": config}


def series_styles(marks: Sequence[Mark]) -> dict[str, tuple[str, bool]]:
    """Each series' colour, and whether it is drawn smaller (a part of a country, in its colour).

    While there are colours enough, every series has its own. Past that, colours would repeat
    across countries, so each country keeps one colour and its regions and worker groups share
    it, drawn with smaller marks.
    """
    series = list(dict.fromkeys(mark.series for mark in marks))
    if len(series) <= len(PALETTE):
        return {name: (PALETTE[index], False) for index, name in enumerate(series)}
    keys = list(dict.fromkeys(mark.colour_key for mark in marks))
    colours = {key: PALETTE[index % len(PALETTE)] for index, key in enumerate(keys)}
    styles: dict[str, tuple[str, bool]] = {}
    for mark in marks:
        styles.setdefault(mark.series, (colours[mark.colour_key], mark.sub_series))
    return styles


def legend_names(traces: list[JSONObject]) -> list[str]:
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


def _day(value: date) -> str:
    return value.strftime("%Y-%m-%d")


def _y(mark: Mark, scale: float) -> float:
    return float((mark.value_low + mark.value_high) / 2 / scale)


def _series_traces(
    series: str, group: list[Mark], colour: str, part_of_country: bool, scale: float
) -> list[JSONObject]:
    traces = [_span_trace(series, group, colour, scale)]
    has_known = any(mark.period.known for mark in group)
    for known in (True, False):
        members = [mark for mark in group if mark.period.known == known]
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
                "x": [_day(mark.x) for mark in members],
                "y": [_y(mark, scale) for mark in members],
                "marker": {
                    "color": colour,
                    "symbol": [SYMBOLS[mark.qualifier] + ("" if known else "-open") for mark in members],
                    "size": PART_MARKER_PX if part_of_country else MARKER_PX,
                    "line": {"color": colour, "width": 2},
                },
                "customdata": [[mark.href, mark.id] for mark in members],
                "hovertext": [mark.hover for mark in members],
                "hoverinfo": "text",
            }
        )
    return traces


def _span_trace(series: str, group: list[Mark], colour: str, scale: float) -> JSONObject:
    """Bars for what a claim covers: its period across, its range up; gaps keep claims apart."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for mark in group:
        y = _y(mark, scale)
        if mark.period.is_span and mark.period.start and mark.period.end:
            xs += [_day(mark.period.start), _day(mark.period.end), None]
            ys += [y, y, None]
        if mark.is_range:
            xs += [_day(mark.x), _day(mark.x), None]
            ys += [mark.value_low / scale, mark.value_high / scale, None]
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


def _event_trace(events: Sequence[EventMark]) -> JSONObject:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "Events",
        "yaxis": "y2",
        "x": [_day(event.start) for event in events],
        "y": [1] * len(events),
        "marker": {"symbol": "triangle-down", "size": 10, "color": EVENT_COLOUR},
        "customdata": [[event.href, event.id] for event in events],
        "hovertext": [event.hover for event in events],
        "hoverinfo": "text",
        "cliponaxis": False,
    }


def _layout(axis_title: str, events: Sequence[EventMark]) -> JSONObject:
    shapes = []
    for start, end in ((event.start, event.end) for event in events):
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
        "margin": {"l": 64, "r": 16, "t": MARGIN_TOP_PX, "b": 40},
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


def _days(events: Sequence[EventMark], marks: Sequence[Mark], *, event_ends: bool) -> list[date]:
    """Every date a chart must show: the events', and each mark's date and period."""
    days = [event.start for event in events] + ([event.end for event in events] if event_ends else [])
    days += [mark.x for mark in marks]
    days += [day for mark in marks if mark.period.known for day in (mark.period.start, mark.period.end) if day]
    return days


def time_range(events: Sequence[EventMark], marks: Sequence[Mark]) -> list[str]:
    """The dates the x axis spans: every claim, period and event, with a margin either side.

    Set explicitly so that the axis does not stretch to fit labels, and so that the
    page's script can place event labels for the width the chart has.
    """
    days = _days(events, marks, event_ends=True)
    if not days:
        return []
    first, last = datetime.combine(min(days), time()), datetime.combine(max(days), time())
    # In datetimes: a margin of a fractional number of days widens the axis to the whole day beyond.
    margin = max((last - first) * 0.03, timedelta(days=60))
    return [_day((first - margin).date()), _day((last + margin).date())]


def event_labels(events: Sequence[EventMark], marks: Sequence[Mark]) -> list[JSONObject]:
    """Short labels above the plot, stacked in rows so that neighbours do not overlap at a normal width."""
    labelled = sorted((event for event in events if event.labelled), key=lambda event: event.start)
    if not labelled:
        return []
    days = _days(events, marks, event_ends=False)
    origin = min(days)
    span = max((max(days) - origin).days, 365)
    ends = [float("-inf")] * LABEL_ROWS
    labels = []
    for event in labelled:
        start = (event.start - origin).days / span * NOMINAL_PLOT_PX
        width = len(event.label) * LABEL_CHAR_PX + 8
        # A label with no room in any row is hidden: its marker stays, and the list under the chart has it.
        row = next((r for r in range(LABEL_ROWS) if ends[r] <= start), None)
        if row is not None:
            ends[row] = start + width
        labels.append(
            {"x": _day(event.start), "y": 1, "xref": "x", "yref": "paper", "row": row or 0}
            | {"text": event.label_html, "showarrow": False, "xanchor": "left", "yanchor": "bottom"}
            | {"font": {"size": 11, "color": EVENT_COLOUR}, "name": "event-label", "visible": row is not None}
        )
    return labels
