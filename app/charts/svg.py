"""A chart view drawn as SVG on the server, so the chart paints before any script (issue 12).

The same marks with the same meaning and colours as the Plotly figure (figure.py): a dot for a stated
figure, a diamond for an approximate one, a bar with an arrow for an open end, a bar between a range's
two ends, a bar across a period, a shaded box for a range through a period, faded and hollow when the
period is not stated, smaller for a part of a country; events in a lane under the plot, the resolution
and its deadline ruled across it; small multiples past six countries.

Horizontal positions are percentages of the SVG's width and vertical ones are pixels, so one drawing
fills any width at the height the interactive chart will take (no layout shift when it is swapped in),
and its text keeps its size. ``width`` is the nominal width the margins, legend and ticks are laid out
for: the page carries a narrow and a wide drawing and its stylesheet shows the one that fits.
Text and axes take their colours from the page's CSS variables (classes in static/site.css), so one
drawing serves the light and the dark theme.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from .figure import (
    EVENT_COLOUR,
    LABEL_ROW_PX,
    LANE_GAP_PX,
    LANE_PX,
    LEGEND_ROW_PX,
    MARGIN_TOP_PX,
    NOMINAL_COLUMNS,
    OPEN_DOWN,
    OPEN_UP,
    PANEL_MARGIN_BOTTOM_PX,
    PANEL_MARGIN_TOP_PX,
    PANEL_MIN_WIDTH_PX,
    PANEL_PX,
    Group,
    legend_name,
    time_range,
    value_scale,
)
from .marks import EventMark, Mark
from .palette import series_colour
from .query import Scale
from .svg_axes import ValueAxis, day_fraction, value_axis, value_label, year_ticks
from .svg_layout import LabelPlace, bottom_px, label_places, legend_flow, single_height

if TYPE_CHECKING:
    from .views import ChartView

# (variant, nominal width): the widths at which the interactive chart changes its layout, and a width inside
# each range to lay the drawing out for. static/site.css shows each variant in its range of container widths.
SINGLE_LAYOUTS = (("narrow", 360), ("medium", 600), ("wide", 960))  # < 480 px, 480-799, >= 800
# Panels: charts.js takes floor((width - 60) / PANEL_MIN_WIDTH_PX) columns, at most NOMINAL_COLUMNS.
PANEL_LAYOUTS = (("c1", 300), ("c2", 400), ("c3", 520), ("c4", 960))  # < 320 px, 320-449, 450-579, >= 580
# The narrowest container each variant is shown in: static/site.css's @container rules, restated.
LAYOUT_MIN_WIDTHS = {"narrow": 0, "medium": 480, "wide": 800, "c1": 0, "c2": 320, "c3": 450, "c4": 580}
NARROW_PX = SINGLE_LAYOUTS[0][1]
WIDE_PX = SINGLE_LAYOUTS[-1][1]
AXIS_PX = 40  # time axis ticks and labels under the plot
UNDATED_OPACITY = ".5"
SPAN_OPACITY = ".55"
BOX_OPACITY = ".18"
FONT_PX = 13  # Plotly's, as figure.py sets it; tick labels in small multiples are smaller, as there
PANEL_FONT_PX = 10
EMPTY_SPAN = (date(2000, 1, 1), date(2030, 1, 1))  # a view without claims draws only its note
NO_CLAIMS = "No claims match these filters"

# Each mark's drawing, centred on (0, 0); ``{p}`` makes the ids unique to one drawing on a page.
SYMBOLS = {
    "o": '<circle id="{p}o" r="5.5"/>',
    "s": '<circle id="{p}s" r="3.5"/>',
    "d": '<path id="{p}d" d="M0-7 7 0 0 7-7 0Z"/>',
    "t": '<path id="{p}t" d="M0-4.5 4.5 0 0 4.5-4.5 0Z"/>',
    "b": '<path id="{p}b" d="M-5.5 0h11" fill="none"/>',
    "u": '<path id="{p}u" d="M-5.5 0h11M0 0v-20M-4-15.5 0-20 4-15.5" fill="none"/>',
    "n": '<path id="{p}n" d="M-5.5 0h11M0 0v20M-4 15.5 0 20 4 15.5" fill="none"/>',
    "e": '<path id="{p}e" d="M0-6 6 0 0 6-6 0Z"/>',
}


def _n(value: float) -> str:
    """A coordinate to one decimal, without a trailing '.0'."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else ("0" if text == "-0" else text)


def _px(value: float) -> str:
    """A mark's vertical place, to the whole pixel: half a pixel is invisible, and a chart with hundreds of
    marks is a tenth smaller on the wire without the decimals."""
    return str(round(value))


def _pc(fraction: float) -> str:
    return _n(fraction * 100) + "%"


@dataclass(frozen=True)
class Box:
    """A plot's area: left and right as fractions of the width, top and bottom in pixels."""

    left: float
    right: float
    top: float
    bottom: float

    def x(self, fraction: float) -> str:
        return _pc(self.left + (self.right - self.left) * fraction)

    def y(self, fraction: float) -> float:
        return self.bottom - (self.bottom - self.top) * fraction


@dataclass(frozen=True)
class Frame:
    """What every plot of one drawing shares: the marks and events, time span, value divisor and scale."""

    marks: Sequence[Mark]
    events: Sequence[EventMark]
    first: date
    last: date
    divisor: float
    scale: Scale
    axis_title: str
    width: int  # the nominal width laid out for, in pixels
    prefix: str  # makes the drawing's ids unique on a page
    by_workforce: bool

    def colour(self, key: str) -> str:
        return series_colour(key, self.by_workforce)

    def xf(self, day: date) -> float:
        return day_fraction(day, self.first, self.last)


def chart_svg(view: ChartView, width: int, variant: str = "", own_symbols: bool = True) -> str:
    """The view drawn for a nominal ``width`` in pixels: one plot with its events lane, or small multiples.

    ``variant`` names the range of widths it is shown at (a class the stylesheet picks by container width).
    Without ``own_symbols`` the drawing's marks refer to symbols defined once beside it (``chart_svgs``)."""
    prefix = _prefix(view)
    divisor, axis_title = value_scale(view.unit, view.marks)
    marks = [mark for mark in view.marks if view.query.scale == "linear" or mark.value_high > 0]
    span = time_range(view.events, marks)
    first, last = (date.fromisoformat(span[0]), date.fromisoformat(span[1])) if span else EMPTY_SPAN
    by_workforce = view.spec.series_by == "workforce"
    frame = Frame(marks, view.events, first, last, divisor, view.query.scale, axis_title, width, prefix, by_workforce)
    height, body = _panels(view.panels, frame) if view.panels else _single(view.groups, frame)
    if not view.marks:
        body.append(f'<text class="cs-note" x="50%" y="{_n(height / 2)}" text-anchor="middle">{NO_CLAIMS}</text>')
    drawn = "".join(body)
    defs = f"<defs>{_symbols(prefix, drawn)}</defs>" if own_symbols else ""
    classes = f"chart-svg chart-svg-{variant}" if variant else "chart-svg"
    return (
        f'<svg class="{classes}" role="img" width="100%" height="{height}"'
        f' xmlns="http://www.w3.org/2000/svg" font-size="{PANEL_FONT_PX if view.panels else FONT_PX}">'
        f"<title>{escape(view.title)}</title>{defs}{drawn}</svg>"
    )


def _symbols(prefix: str, drawn: str) -> str:
    """The symbols ``drawn`` uses, defined."""
    return "".join(SYMBOLS[key].format(p=prefix) for key in SYMBOLS if f'href="#{prefix}{key}"' in drawn)


def chart_svgs(view: ChartView) -> str:
    """A drawing for each range of widths in which the interactive chart keeps one layout (its legend's and
    labels' rows, its panels' columns); the page's stylesheet shows the one for the width the chart has.

    The symbols are defined once, in an empty drawing before them that is never hidden (a <use> of a symbol
    inside a display:none drawing may draw nothing), and every drawing uses the same ids: the drawings of one
    layout family then repeat one another byte for byte where they can, which brotli turns into almost nothing.
    """
    layouts = PANEL_LAYOUTS if view.panels else SINGLE_LAYOUTS
    first, *others = [chart_svg(view, width, variant, own_symbols=False) for variant, width in layouts]
    # Only the first drawing names its marks (data-m, for the page's hover words): every drawing lists the same
    # marks in the same order, so static/charts.js finds a mark's name by its place. Naming them in each drawing
    # made a large embed a fifth bigger.
    drawings = first + "".join(_MARK_NAME.sub("", other) for other in others)
    symbols = _symbols(_prefix(view), drawings)
    sprite = (
        '<svg class="chart-symbols" width="0" height="0" aria-hidden="true" focusable="false"'
        f' xmlns="http://www.w3.org/2000/svg"><defs>{symbols}</defs></svg>'
    )
    return sprite + drawings


_MARK_NAME = re.compile(r' data-m="[^"]*"')


def _prefix(view: ChartView) -> str:
    """The same for every drawing of one view (they share its symbols), different for each view on a page."""
    digest = hashlib.blake2s(repr((view.slug, view.query)).encode(), digest_size=4).hexdigest()
    return f"c{digest}"


def _single(groups: Sequence[Group], frame: Frame) -> tuple[int, list[str]]:
    """One plot, the events lane under it, a legend when there are several colours."""
    marks, events, width, prefix = frame.marks, frame.events, frame.width, frame.prefix
    plot_px = width - 80
    ruled = sorted((event for event in events if event.ruled), key=lambda event: event.x)
    places = label_places([frame.xf(event.x) for event in ruled], [event.label_html for event in ruled], plot_px)
    label_rows = len({place.row for place in places if place})
    top = MARGIN_TOP_PX + LABEL_ROW_PX * label_rows
    names = [legend_name(group.title) for group in groups] if len(groups) > 1 else []
    flow = legend_flow([group.title for group in groups], plot_px) if names else []
    legend_rows = flow[-1][0] + 1 if flow else 0
    height = single_height(label_rows, bool(ruled), names, legend_rows, bool(events))
    plot_bottom = height - bottom_px(legend_rows)
    lane = LANE_PX + LANE_GAP_PX if events else 0
    left, right = 64 / width, 1 - 16 / width
    box = Box(left, right, top, plot_bottom - lane)
    axis = value_axis(_values(marks, frame), frame.scale, most_ticks=plotly_ticks(box.bottom - box.top, 40))
    body = [*_value_grid(box, axis, frame.divisor), _axis_title(frame.axis_title, box)]
    body += _time_axis(Box(left, right, top, plot_bottom), frame, plotly_ticks(plot_px, 110))
    body += _ruled(ruled, frame, Box(left, right, top, plot_bottom))
    body += _ruled_labels(ruled, places, frame, box)
    for group in groups:
        members = [mark for mark in marks if mark.colour_key == group.key]
        body.append(_group_marks(members, frame.colour(group.key), box, axis, frame, prefix))
    if events:
        body.append(_lane(events, frame, Box(left, right, plot_bottom - LANE_PX, plot_bottom), prefix))
    if flow:
        body.append(_legend(groups, flow, left, plot_bottom + AXIS_PX, frame))
    return height, body


def _panels(panels: Sequence[Group], frame: Frame) -> tuple[int, list[str]]:
    """Small multiples: as many columns as the width holds (as the page's script picks), one value scale each.

    Each panel is a nested <svg> placed in its cell, and draws itself in its own coordinates (x in per cent of
    the panel, y in pixels from its top). A panel's drawing is then the same in every layout: only its place
    changes, and brotli finds the second, third and fourth layouts of a 29-panel chart in the first.
    """
    width = frame.width
    columns = max(1, min(NOMINAL_COLUMNS, len(panels), int((width - 60) // PANEL_MIN_WIDTH_PX)))
    rows = math.ceil(len(panels) / columns)
    height = PANEL_MARGIN_TOP_PX + PANEL_MARGIN_BOTTOM_PX + rows * PANEL_PX
    left, right = 48 / width, 1 - 12 / width
    cell = (right - left) / columns
    gap = 48 / width  # room for each panel's value labels
    title = escape(frame.axis_title)
    body = [f'<text class="cs-muted" x="0" y="{PANEL_MARGIN_TOP_PX - 14}" font-size="11">{title}</text>']
    for index, panel in enumerate(panels):
        row, column = divmod(index, columns)
        x0 = left + column * cell + (gap if column else 0)
        x1 = left + (column + 1) * cell - 8 / width
        body.append(
            f'<svg x="{_pc(x0)}" y="{PANEL_MARGIN_TOP_PX + row * PANEL_PX}" width="{_pc(x1 - x0)}"'
            f' height="{PANEL_PX}" overflow="visible">{_panel(panel, frame)}</svg>'
        )
    return height, body


def _panel(panel: Group, frame: Frame) -> str:
    """One panel in its own box: its title, value grid, time axis, the ruled events and its marks."""
    top = 22
    box = Box(0, 1, top, PANEL_PX - AXIS_PX + 8)
    members = [mark for mark in frame.marks if mark.colour_key == panel.key]
    axis = value_axis(_values(members, frame), frame.scale, most_ticks=3)
    parts = [f'<text class="cs-panel" x="0" y="{top - 6}">{escape(panel.title)}</text>']
    parts += _value_grid(box, axis, frame.divisor, compact=True)
    parts += _time_axis(box, frame, 3)
    parts += _ruled([event for event in frame.events if event.ruled], frame, box)
    if members:
        parts.append(_group_marks(members, frame.colour(panel.key), box, axis, frame, frame.prefix))
    return "".join(parts)


def _values(marks: Sequence[Mark], frame: Frame) -> list[float]:
    values = [mark.value_high / frame.divisor for mark in marks]
    values += [mark.value_low / frame.divisor for mark in marks if mark.is_range]
    return values


def _value_grid(box: Box, axis: ValueAxis, divisor: float, compact: bool = False) -> list[str]:
    """Grid lines and labels at the value ticks; the zero line (linear) drawn stronger, as Plotly's zeroline."""
    parts = []
    for tick in axis.ticks:
        y = _n(box.y(axis.fraction(tick)))
        kind = "cs-zero" if axis.scale == "linear" and tick == 0 else "cs-grid"
        parts.append(f'<line class="{kind}" x1="{box.x(0)}" x2="{box.x(1)}" y1="{y}" y2="{y}"/>')
        # Plotly writes 20k, not 20,000, once an axis reaches ten thousand; panels always, to fit their width.
        label = _compact(tick) if compact or axis.ticks[-1] >= 10_000 else value_label(tick)
        parts.append(f'<text class="cs-muted" x="{box.x(0)}" y="{y}" dx="-6" dy="4" text-anchor="end">{label}</text>')
    return parts


def _compact(value: float) -> str:
    """A panel's tick, short enough for a narrow panel: 12k, 1.5M."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return value_label(round(value / size, 2)) + suffix
    return value_label(value)


def _axis_title(title: str, box: Box) -> str:
    middle = _n((box.top + box.bottom) / 2)
    turn = f"rotate(-90 14 {middle})"
    return f'<text class="cs-muted" x="14" y="{middle}" text-anchor="middle" transform="{turn}">{escape(title)}</text>'


def plotly_ticks(length_px: float, spacing_px: float) -> int:
    """About as many ticks as Plotly puts on an axis this long: one per ``spacing_px``, from 5 to 10."""
    return min(9, max(4, int(length_px // spacing_px))) + 1


def _time_axis(box: Box, frame: Frame, most: int) -> list[str]:
    parts = [f'<line class="cs-axis" x1="{box.x(0)}" x2="{box.x(1)}" y1="{_n(box.bottom)}" y2="{_n(box.bottom)}"/>']
    for tick in year_ticks(frame.first, frame.last, most):
        x = box.x(frame.xf(tick))
        parts.append(f'<line class="cs-axis" x1="{x}" x2="{x}" y1="{_n(box.bottom)}" y2="{_n(box.bottom + 5)}"/>')
        parts.append(
            f'<text class="cs-muted" x="{x}" y="{_n(box.bottom + 18)}" text-anchor="middle">{tick.year}</text>'
        )
    return parts


def _ruled(ruled: Sequence[EventMark], frame: Frame, box: Box) -> list[str]:
    """Dotted lines at the events that frame every claim, across the plot and its lane."""
    return [
        f'<line class="cs-ruled" x1="{x}" x2="{x}" y1="{_n(box.top)}" y2="{_n(box.bottom)}"/>'
        for x in (box.x(frame.xf(event.x)) for event in ruled)
    ]


def _ruled_labels(ruled: Sequence[EventMark], places: Sequence[LabelPlace | None], frame: Frame, box: Box) -> list[str]:
    """Their labels above the plot, in the rows charts.js stacks them in (svg_layout.label_places)."""
    parts = []
    for event, place in zip(ruled, places, strict=True):
        if place is None:
            continue
        fraction = frame.xf(event.x)
        anchor = "end" if place.flip else "start"
        y = _n(box.top - 4 - LABEL_ROW_PX * place.row)
        parts.append(
            f'<text class="cs-event" x="{box.x(fraction)}" y="{y}" text-anchor="{anchor}">{escape(event.label)}</text>'
        )
    return parts


def _group_marks(marks: Sequence[Mark], colour: str, box: Box, axis: ValueAxis, frame: Frame, prefix: str) -> str:
    """One colour's marks: boxes, then bars for periods and ranges, then each claim's symbol on top."""
    under: list[str] = []
    over: list[str] = []
    for mark in marks:
        x = frame.xf(mark.x)
        high = box.y(axis.fraction(mark.value_high / frame.divisor))
        has_low = mark.is_range and (axis.scale == "linear" or mark.value_low > 0)
        low = box.y(axis.fraction(mark.value_low / frame.divisor)) if has_low else high
        period = mark.period
        fade = "" if period.known else f' opacity="{UNDATED_OPACITY}"'
        if mark.is_range and period.is_span and period.start and period.end and mark.claim is not None and has_low:
            x0, x1 = frame.xf(period.start), frame.xf(period.end)
            under.append(
                f'<rect class="cs-box" x="{box.x(x0)}" width="{_pc((box.right - box.left) * (x1 - x0))}"'
                f' y="{_px(high)}" height="{_px(low - high)}"/>'
            )
        if period.is_span and period.start and period.end and not mark.is_range:
            under.append(
                f'<line class="cs-span" x1="{box.x(frame.xf(period.start))}" x2="{box.x(frame.xf(period.end))}"'
                f' y1="{_px(high)}" y2="{_px(high)}"/>'
            )
        if has_low:
            under.append(f'<line class="cs-span" x1="{box.x(x)}" x2="{box.x(x)}" y1="{_px(low)}" y2="{_px(high)}"/>')
        symbol = _symbol(mark)
        hollow = ' fill="none"' if not period.known and symbol in "osdt" else ""
        ends = [high, low] if has_low else [high]
        # data-m names the mark, so that the page's script can show its hover words before Plotly is ready.
        name = escape(mark.id, quote=True)
        over += [
            f'<use href="#{prefix}{symbol}" x="{box.x(x)}" y="{_px(y)}"{fade}{hollow} data-m="{name}"/>' for y in ends
        ]
    return f'<g class="cs-marks" fill="{colour}" stroke="{colour}" stroke-width="2">{"".join(under + over)}</g>'


def _symbol(mark: Mark) -> str:
    if mark.is_range:
        return "b"
    if mark.qualifier in OPEN_UP:
        return "u"
    if mark.qualifier in OPEN_DOWN:
        return "n"
    if mark.qualifier == "about":
        return "t" if mark.sub_series else "d"
    return "s" if mark.sub_series else "o"


def _lane(events: Sequence[EventMark], frame: Frame, lane: Box, prefix: str) -> str:
    """The events lane: a diamond per event, hollow when its date is known only to the month or year."""
    y = _n((lane.top + lane.bottom) / 2)
    marks = "".join(
        f'<use href="#{prefix}e" x="{lane.x(frame.xf(event.x))}" y="{y}"'
        + ("" if event.event.period.precision == "day" else ' fill="none"')
        + "/>"
        for event in events
    )
    title = f'<text class="cs-event" x="{lane.x(0)}" y="{y}" dx="-6" dy="4" text-anchor="end">Events</text>'
    return f'{title}<g class="cs-lane" fill="{EVENT_COLOUR}" stroke="{EVENT_COLOUR}" stroke-width="1.5">{marks}</g>'


def _legend(groups: Sequence[Group], flow: Sequence[tuple[int, float]], left: float, top: float, frame: Frame) -> str:
    """Each colour's name, side by side as Plotly's legend wraps them (the key under the chart explains shapes)."""
    parts = []
    for group, (row, offset_px) in zip(groups, flow, strict=True):
        x = _pc(left + offset_px / frame.width)
        y = _n(top + 4 + row * LEGEND_ROW_PX)
        colour = frame.colour(group.key)
        parts.append(
            f'<svg x="{x}" y="{y}" overflow="visible"><rect width="12" height="12" fill="{colour}"/>'
            f'<text class="cs-text" x="18" y="11">{escape(group.title)}</text></svg>'
        )
    return f'<g class="cs-legend" font-size="13">{"".join(parts)}</g>'
