"""Plotly figures as plain dicts: one mark per claim, never a line between claims.

Built by hand rather than through ``plotly.graph_objects``: the dicts are the
same JSON, and building them is many times faster, which matters because every
default view is built at start-up. The tests check them against Plotly's schema.

How a claim is drawn says what kind of figure it is, in the mark itself (the key
under the chart explains each once; the legend only names series, by colour):
a stated figure is a dot, an approximate one a diamond, "at least" and "more than"
a bar with an arrow pointing up (the open end), "up to" a bar with an arrow down,
a range a vertical bar between its two stated ends (no midpoint: nobody stated
one), and a period a bar across. A claim whose period is not stated is drawn
faded at its publication date. Events sit in their own lane under the plot; the
two that frame every chart (resolution 2397 and its deadline) are also ruled across it.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..domain.words import MONEY_UNITS
from ..jsontypes import JSONObject
from .marks import EventMark, Mark
from .palette import series_colour
from .query import Scale

SYMBOLS = {"exact": "circle", "about": "diamond"}
OPEN_UP = ("at_least", "more_than")
OPEN_DOWN = ("up_to",)
EVENT_COLOUR = "#6b6b6b"
MARKER_PX = 11
PART_MARKER_PX = 7  # a region of a country, or one kind of worker, in its country's colour
ARROW_PX = 20  # how far an open end's arrow reaches from its figure
UNDATED_OPACITY = 0.5
MILLION = 1_000_000
LABEL_ROW_PX = 16
MARGIN_TOP_PX = 24  # above the plot before any row of event labels
LABEL_ROWS = 2
LABEL_CHAR_PX = 6.5
LANE_PX = 30  # the events lane under the plot
LANE_GAP_PX = 10
# The legend sits under the plot and Plotly takes its room from the plot's, so a chart with many
# series grows taller instead: the plot keeps at least PLOT_MIN_PX (static/charts.js sets the box's
# height and corrects the estimate for the width a reader's screen actually has).
PLOT_MIN_PX = 300
BASE_HEIGHT_PX = 460
NOMINAL_PLOT_PX = 900
LEGEND_ROW_PX = 30  # Plotly sets a legend row about 30 px apart at this font size
LEGEND_ENTRY_PX = 46  # the symbol and the gaps around an entry's name
LEGEND_CHAR_PX = 7.5
LEGEND_NAME_CHARS = 32  # longer series names wrap in the legend rather than run off a phone's screen
# Small multiples: one panel per country on a shared time axis. The page's script picks how many
# columns fit the width it has; the server writes the layout for NOMINAL_COLUMNS.
PANEL_PX = 150  # each panel's height, its title and tick labels included
PANEL_MIN_WIDTH_PX = 130  # two columns from a 320 px box: a 360 px phone's embed is half as tall as with one
NOMINAL_COLUMNS = 4
PANEL_MARGIN_TOP_PX = 30
PANEL_MARGIN_BOTTOM_PX = 30
# Ruled across the plot and labelled: the resolution and its deadline frame every claim here.
RULED_EVENTS = ("res-2397", "repatriation-deadline")
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
# No zoom, pan or scroll zoom either: a swipe over a chart on a phone scrolls the page.
CONFIG: JSONObject = {
    "displayModeBar": False,
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
    "showAxisDragHandles": False,
}


@dataclass(frozen=True)
class Group:
    """The series that share a colour (a country with its regions, or a kind of worker): one legend entry,
    or one panel of small multiples."""

    key: str  # the marks' colour key: an ISO3 code or a workforce
    title: str


def value_scale(unit: str, marks: Sequence[Mark]) -> tuple[float, str]:
    """Large money figures are drawn in millions so the axis reads '500', not '500000000'."""
    title = AXIS_TITLES.get(unit, unit)
    if unit in MONEY_UNITS and marks and max(mark.value_high for mark in marks) >= 10 * MILLION:
        return MILLION, title.replace("US$", "US$ million")
    return 1.0, title


def build_figure(
    marks: Sequence[Mark],
    events: Sequence[EventMark],
    *,
    unit: str,
    scale: Scale = "linear",
    by_workforce: bool = False,
    groups: Sequence[Group] = (),
    panels: bool = False,
) -> JSONObject:
    """The Plotly figure of a chart view: one plot with an events lane, or one small panel per group.

    On a log scale, figures of zero have no place: they are left out here and the view says so.
    """
    divisor, axis_title = value_scale(unit, marks)
    drawn = [mark for mark in marks if scale == "linear" or mark.value_high > 0]
    if panels:
        figure = _panels_figure(drawn, events, groups, divisor, axis_title, scale, by_workforce)
    else:
        figure = _single_figure(drawn, events, groups, divisor, axis_title, scale, by_workforce)
    layout = figure["layout"]
    if not marks:
        layout["annotations"].append(
            {"text": "No claims match these filters", "showarrow": False, "xref": "paper", "yref": "paper"}
            | {"x": 0.5, "y": 0.5, "font": {"size": 16}}
        )
    return figure | {"config": CONFIG}


def _single_figure(
    marks: Sequence[Mark],
    events: Sequence[EventMark],
    groups: Sequence[Group],
    divisor: float,
    axis_title: str,
    scale: Scale,
    by_workforce: bool,
) -> JSONObject:
    traces: list[JSONObject] = []
    annotations: list[JSONObject] = []
    for group in groups:
        colour = series_colour(group.key, by_workforce)
        members = [mark for mark in marks if mark.colour_key == group.key]
        traces.append(_legend_swatch(group, colour))
        traces.extend(_group_traces(group.title, group.key, members, colour, divisor, scale, axes=("x", "y")))
        annotations.extend(_open_ends(members, colour, divisor, scale, axes=("x", "y")))
    labels = event_labels(events)
    margin_top = MARGIN_TOP_PX + LABEL_ROW_PX * len({label["row"] for label in labels})
    for label in labels:
        label["yshift"] = LABEL_ROW_PX * label.pop("row")
    height = chart_height(margin_top, legend_names(traces))
    # Fractions of the plot's height for the server's estimate; the page's script redoes them in pixels.
    plot_px = PLOT_MIN_PX + LANE_PX + LANE_GAP_PX
    lane_top = LANE_PX / plot_px
    layout: JSONObject = _base_layout() | {
        "showlegend": len(groups) > 1,
        # maxheight 1: the whole chart's height, so Plotly never hides entries behind a scrollbar
        # (its default for a horizontal legend is half); the page grows the chart to fit the legend.
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top", "maxheight": 1},
        "xaxis": _time_axis(events, marks) | {"anchor": "y2"},
        "yaxis": _value_axis(axis_title, scale) | {"domain": [lane_top + LANE_GAP_PX / plot_px, 1]},
        "yaxis2": {"domain": [0, lane_top], "range": [0, 1], "fixedrange": True, "visible": False},
        "shapes": _ruled_events(events, "x", "paper"),
        "annotations": annotations + labels + ([_lane_title()] if events else []),
        "margin": {"l": 64, "r": 16, "t": margin_top, "b": 40},
        # Plotly sizes a responsive chart to its box, so the height travels in meta for the page's
        # script to give the box; the other measures let it redo the layout for the real width.
        "meta": {
            "heightPx": height,
            "plotMinPx": PLOT_MIN_PX,
            "labelRows": LABEL_ROWS,
            "labelRowPx": LABEL_ROW_PX,
            "labelCharPx": LABEL_CHAR_PX,
            "marginTopPx": MARGIN_TOP_PX,
            "lanePx": LANE_PX,
            "laneGapPx": LANE_GAP_PX,
        },
    }
    if events:
        traces.extend(_event_traces(events))
    return {"data": traces, "layout": layout}


def _panels_figure(
    marks: Sequence[Mark],
    events: Sequence[EventMark],
    panels: Sequence[Group],
    divisor: float,
    axis_title: str,
    scale: Scale,
    by_workforce: bool,
) -> JSONObject:
    traces: list[JSONObject] = []
    annotations: list[JSONObject] = []
    shapes: list[JSONObject] = []
    time_axis = _time_axis(events, marks)
    layout: JSONObject = _base_layout()
    for index, panel in enumerate(panels, start=1):
        suffix = "" if index == 1 else str(index)
        axes = (f"x{suffix}", f"y{suffix}")
        group = [mark for mark in marks if mark.colour_key == panel.key]
        colour = series_colour(panel.key, by_workforce)
        if group:
            traces.extend(_group_traces(panel.title, panel.key, group, colour, divisor, scale, axes=axes))
            annotations.extend(_open_ends(group, colour, divisor, scale, axes=axes))
        layout[f"xaxis{suffix}"] = time_axis | {"nticks": 4, "tickfont": {"size": 10}}
        layout[f"yaxis{suffix}"] = _value_axis("", scale) | {"nticks": 4, "tickfont": {"size": 10}}
        annotations.append(
            {"text": f"<b>{_escape(panel.title)}</b>", "showarrow": False, "name": "panel-title"}
            | {"xref": f"{axes[0]} domain", "yref": f"{axes[1]} domain", "x": 0, "y": 1}
            | {"xanchor": "left", "yanchor": "bottom", "font": {"size": 12}}
        )
        shapes.extend(_ruled_events(events, axes[0], f"{axes[1]} domain"))
    columns = min(NOMINAL_COLUMNS, len(panels))
    rows = math.ceil(len(panels) / columns)
    height = PANEL_MARGIN_TOP_PX + PANEL_MARGIN_BOTTOM_PX + rows * PANEL_PX
    layout |= {
        "showlegend": False,
        "grid": {"rows": rows, "columns": columns, "pattern": "independent", "xgap": 0.12, "ygap": 0.5},
        "shapes": shapes,
        "annotations": annotations,
        "margin": {"l": 48, "r": 12, "t": PANEL_MARGIN_TOP_PX, "b": PANEL_MARGIN_BOTTOM_PX},
        "meta": {
            "heightPx": height,
            "panels": len(panels),
            "panelPx": PANEL_PX,
            "panelMinWidthPx": PANEL_MIN_WIDTH_PX,
            "maxColumns": NOMINAL_COLUMNS,
            "marginTopPx": PANEL_MARGIN_TOP_PX,
            "marginBottomPx": PANEL_MARGIN_BOTTOM_PX,
            "axisTitle": axis_title,
        },
    }
    layout["annotations"].append(
        {"text": _escape(axis_title), "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 1}
        | {"xanchor": "left", "yanchor": "bottom", "yshift": 14, "font": {"size": 11, "color": EVENT_COLOUR}}
    )
    return {"data": traces, "layout": layout}


def lane_domains(layout: JSONObject, plot_px: float) -> None:
    """Set the plot's and the events lane's shares of a plot area ``plot_px`` tall (static/charts.js does the
    same for the page's real height), so that the lane keeps its height in pixels."""
    if "yaxis2" not in layout or plot_px <= 0:
        return
    lane_top = min(0.4, LANE_PX / plot_px)
    layout["yaxis2"]["domain"] = [0, lane_top]
    layout["yaxis"]["domain"] = [min(0.9, lane_top + LANE_GAP_PX / plot_px), 1]


def panel_grid(layout: JSONObject, columns: int) -> int:
    """Lay small multiples out in ``columns`` columns; returns the height the plot area then needs."""
    panels = int(layout["meta"]["panels"])
    columns = max(1, min(columns, panels))
    rows = math.ceil(panels / columns)
    layout["grid"] = layout["grid"] | {"rows": rows, "columns": columns}
    return rows * PANEL_PX


def _escape(text: str) -> str:
    """Words from the data made inert: Plotly reads <a href>, <b>, <br> and the like in every text it draws."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _base_layout() -> JSONObject:
    return {
        "autosize": True,
        "height": BASE_HEIGHT_PX,
        "font": {"family": FONT, "size": 13},
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "dragmode": False,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }


def _time_axis(events: Sequence[EventMark], marks: Sequence[Mark]) -> JSONObject:
    axis: JSONObject = {"type": "date", "showgrid": False, "ticks": "outside", "fixedrange": True}
    if marks:
        axis["range"] = time_range(events, marks)
    return axis


def _value_axis(title: str, scale: Scale) -> JSONObject:
    axis: JSONObject = {"separatethousands": True, "fixedrange": True, "type": scale}
    if title:
        axis["title"] = {"text": _escape(title)}
    if scale == "linear":
        axis |= {"rangemode": "tozero", "zeroline": True}
    else:
        axis["dtick"] = 1  # a tick at each power of ten: 1, 10, 100, 1,000
    return axis


def legend_name(series: str) -> str:
    """A series' name as the legend shows it: wrapped, so that a long one fits a phone's width."""
    return "<br>".join(_escape(line) for line in textwrap.wrap(series, LEGEND_NAME_CHARS)) or _escape(series)


def _legend_swatch(group: Group, colour: str) -> JSONObject:
    """A group's legend entry: its colour alone, since its marks' shapes say each claim's qualifier."""
    return {
        "type": "scatter",
        "mode": "markers",
        "name": legend_name(group.title),
        "legendgroup": group.key,
        "showlegend": True,
        "x": [None],
        "y": [None],
        "marker": {"symbol": "square", "size": 12, "color": colour},
        "hoverinfo": "skip",
        "meta": "legend",
    }


def legend_names(traces: list[JSONObject]) -> list[str]:
    return [str(trace["name"]) for trace in traces if trace.get("showlegend")]


def legend_rows(names: list[str], width_px: float) -> int:
    """How many rows a horizontal legend of these names takes at this width (an estimate)."""
    rows, used = 1, 0.0
    for name in names:
        longest = max((len(line) for line in name.split("<br>")), default=0)
        width = longest * LEGEND_CHAR_PX + LEGEND_ENTRY_PX
        if used and used + width > width_px:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def chart_height(margin_top: int, names: list[str]) -> int:
    """Tall enough for the plot, the events lane and a legend of these names wrapped at the nominal width."""
    legend = legend_rows(names, NOMINAL_PLOT_PX) * LEGEND_ROW_PX if names else 0
    return max(BASE_HEIGHT_PX, margin_top + PLOT_MIN_PX + LANE_PX + 70 + legend)


def _day(value: date) -> str:
    return value.isoformat()  # the same as strftime("%Y-%m-%d") for the years 1000-9999, at a tenth of the cost


def _y(value: float, divisor: float) -> float:
    return value / divisor


def _group_traces(
    title: str, key: str, group: list[Mark], colour: str, divisor: float, scale: Scale, axes: tuple[str, str]
) -> list[JSONObject]:
    """A group's (one colour's) boxes, bars for periods and ranges, and the marks that carry each claim's hover
    text and link: one trace of each, whatever the number of series, since every mark says its place in its hover
    and its size says whether it is a part. Fewer traces draw faster: small multiples have dozens of groups."""
    on_axes = {"xaxis": axes[0], "yaxis": axes[1], "legendgroup": key}
    traces = [trace | on_axes for trace in (_band_trace(title, group, colour, divisor, scale),) if trace]
    traces += [trace | on_axes for trace in (_span_trace(title, group, colour, divisor, scale),) if trace]
    xs: list[str] = []
    ys: list[float] = []
    symbols: list[str] = []
    sizes: list[int] = []
    opacities: list[float] = []
    data: list[list[str]] = []
    hovers: list[str] = []
    for mark in group:
        # A range is marked at both its stated ends; every other claim at its one figure.
        values = [mark.value_low, mark.value_high] if mark.is_range else [mark.value_high]
        if scale == "log":
            values = [value for value in values if value > 0]
        for value in values:
            xs.append(_day(mark.x))
            ys.append(_y(value, divisor))
            symbols.append(_symbol(mark, mark.period.known))
            sizes.append(PART_MARKER_PX if mark.sub_series else MARKER_PX)
            opacities.append(1 if mark.period.known else UNDATED_OPACITY)
            data.append([mark.href, mark.id])
            hovers.append(mark.hover)
    marker = {"color": colour, "symbol": symbols, "size": sizes, "opacity": opacities}
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": _escape(title),
            "showlegend": False,
            "x": xs,
            "y": ys,
            "marker": marker | {"line": {"color": colour, "width": 2}},
            "customdata": data,
            "hovertext": hovers,
            "hoverinfo": "text",
        }
        | on_axes
    )
    return traces


def _symbol(mark: Mark, known: bool) -> str:
    if mark.is_range or mark.qualifier in OPEN_UP or mark.qualifier in OPEN_DOWN:
        return "line-ew"  # the bar of a figure with an open end, or a range's stated end
    symbol = SYMBOLS.get(mark.qualifier, "circle")
    return symbol if known else f"{symbol}-open"


def _open_ends(
    group: Sequence[Mark], colour: str, divisor: float, scale: Scale, axes: tuple[str, str]
) -> list[JSONObject]:
    """An arrow from each open-ended figure the way the truth may lie: up for 'at least', down for 'up to'.

    Annotations, because their length is in pixels: the same on a linear or a log axis, at any zoom.
    """
    arrows = []
    for mark in group:
        if mark.is_range or not (mark.qualifier in OPEN_UP or mark.qualifier in OPEN_DOWN):
            continue
        value = _y(mark.value_high, divisor)
        if scale == "log":
            if value <= 0:
                continue
            value = math.log10(value)  # Plotly places annotations on a log axis by the exponent
        up = mark.qualifier in OPEN_UP
        arrows.append(
            {"x": _day(mark.x), "y": value, "xref": axes[0], "yref": axes[1], "text": "", "name": "open-end"}
            | {"showarrow": True, "ax": 0, "ay": -ARROW_PX if up else ARROW_PX, "axref": "pixel", "ayref": "pixel"}
            | {"arrowside": "start", "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 1.6, "arrowcolor": colour}
            | {"standoff": 0, "startstandoff": 0, "opacity": 1 if mark.period.known else UNDATED_OPACITY}
        )
    return arrows


def _span_trace(series: str, group: list[Mark], colour: str, divisor: float, scale: Scale) -> JSONObject | None:
    """Bars for what a claim covers: its period across at its figure, its range up; gaps keep claims apart."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for mark in group:
        if mark.period.is_span and mark.period.start and mark.period.end and not mark.is_range:
            y = _y(mark.value_high, divisor)
            xs += [_day(mark.period.start), _day(mark.period.end), None]
            ys += [y, y, None]
        if mark.is_range:
            low = mark.value_low if scale == "linear" or mark.value_low > 0 else None
            if low is None:
                continue  # on a log axis a range from zero is marked at its top end only
            xs += [_day(mark.x), _day(mark.x), None]
            ys += [_y(low, divisor), _y(mark.value_high, divisor), None]
    if not xs:
        return None  # an empty trace still costs the browser a layer
    return {
        "type": "scatter",
        "mode": "lines",
        "name": _escape(f"{series}: period and range"),
        "showlegend": False,
        "x": xs,
        "y": ys,
        "line": {"color": colour, "width": 3},
        "opacity": 0.55,
        "hoverinfo": "skip",
        "connectgaps": False,
    }


def _band_trace(series: str, group: list[Mark], colour: str, divisor: float, scale: Scale) -> JSONObject | None:
    """A range over a long period is a shaded box: every value in the range, all through the period."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for mark in group:
        # A mark standing for a year of claims (no claim of its own) is a bar, not a box: its year is where the
        # claims fall, not a period any of them describes, and thousands of boxes would stall the browser.
        if mark.claim is None or not (mark.is_range and mark.period.is_span and mark.period.start and mark.period.end):
            continue
        if scale == "log" and mark.value_low <= 0:
            continue
        start, end = _day(mark.period.start), _day(mark.period.end)
        low, high = _y(mark.value_low, divisor), _y(mark.value_high, divisor)
        xs += [start, end, end, start, start, None]
        ys += [low, low, high, high, low, None]
    if not xs:
        return None
    return {
        "type": "scatter",
        "mode": "lines",
        "name": _escape(f"{series}: range over a period"),
        "showlegend": False,
        "x": xs,
        "y": ys,
        "fill": "toself",
        "fillcolor": _translucent(colour, 0.18),
        "line": {"color": colour, "width": 0.5},
        "hoverinfo": "skip",
        "connectgaps": False,
    }


def _translucent(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _event_traces(events: Sequence[EventMark]) -> list[JSONObject]:
    """The events lane: a mark per event (hollow when its date is known only to the month or year)."""
    lanes: list[JSONObject] = []
    for exact in (True, False):
        members = [event for event in events if (event.event.period.precision == "day") == exact]
        if not members:
            continue
        lanes.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Events" if exact else "Events dated to the month or year",
                "meta": "event",
                "yaxis": "y2",
                "showlegend": False,
                "x": [_day(event.x) for event in members],
                "y": [0.5] * len(members),
                "marker": {
                    "symbol": "diamond" if exact else "diamond-open",
                    "size": 12,
                    "color": EVENT_COLOUR,
                    "line": {"color": EVENT_COLOUR, "width": 1.5},
                },
                "customdata": [[event.href, event.id] for event in members],
                "hovertext": [event.hover for event in members],
                "hoverinfo": "text",
                "cliponaxis": False,
            }
        )
    return lanes


def _lane_title() -> JSONObject:
    return {
        "text": "Events",
        "xref": "paper",
        "yref": "y2",
        "x": 0,
        "y": 0.5,
        "xanchor": "right",
        "xshift": -6,
        "showarrow": False,
        "font": {"size": 11, "color": EVENT_COLOUR},
        "name": "lane-title",
    }


def _ruled_events(events: Sequence[EventMark], xref: str, yref: str) -> list[JSONObject]:
    """Dotted lines across the plot (or a panel) at the events that frame every claim."""
    return [
        {"type": "line", "xref": xref, "yref": yref, "x0": _day(event.x), "x1": _day(event.x), "y0": 0, "y1": 1}
        | {"layer": "below", "line": {"color": EVENT_COLOUR, "dash": "dot", "width": 1}}
        for event in events
        if event.ruled
    ]


def _days(events: Sequence[EventMark], marks: Sequence[Mark]) -> list[date]:
    """Every date a chart must show: the events', and each mark's date and period."""
    days = [event.x for event in events]
    days += [mark.x for mark in marks]
    days += [day for mark in marks if mark.period.known for day in (mark.period.start, mark.period.end) if day]
    return days


def time_range(events: Sequence[EventMark], marks: Sequence[Mark]) -> list[str]:
    """The dates the x axis spans: every claim, period and event, with a margin either side.

    Set explicitly so that every panel of small multiples shares one time axis, and so that
    the page's script can place event labels for the width the chart has.
    """
    days = _days(events, marks)
    if not days:
        return []
    first, last = datetime.combine(min(days), time()), datetime.combine(max(days), time())
    # In datetimes: a margin of a fractional number of days widens the axis to the whole day beyond.
    margin = max((last - first) * 0.03, timedelta(days=60))
    return [_day((first - margin).date()), _day((last + margin).date())]


def event_labels(events: Sequence[EventMark]) -> list[JSONObject]:
    """Labels above the plot for the ruled events, alternating rows; the page re-stacks them for its width."""
    ruled = sorted((event for event in events if event.ruled), key=lambda event: event.x)
    # The earliest ends at its line, the others start at theirs: two close lines keep their labels apart.
    return [
        {"x": _day(event.x), "y": 1, "xref": "x", "yref": "paper", "row": 0}
        | {"text": event.label_html, "showarrow": False, "yanchor": "bottom"}
        | {"xanchor": "right" if index == 0 and len(ruled) > 1 else "left"}
        | {"font": {"size": 11, "color": EVENT_COLOUR}, "name": "event-label"}
        for index, event in enumerate(ruled)
    ]
