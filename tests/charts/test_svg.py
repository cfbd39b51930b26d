"""The server-drawn SVG (app/charts/svg.py): the view's own marks, shapes and colours, before any script."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.charts.figure import EVENT_COLOUR, OPEN_DOWN, OPEN_UP, Group
from app.charts.palette import series_colour
from app.charts.query import ChartQuery
from app.charts.svg import NARROW_PX, WIDE_PX, chart_svg
from app.charts.svg_axes import value_axis, year_ticks
from app.charts.svg_layout import label_places, legend_flow
from app.charts.views import ChartView, ChartViews

from ..html import one, parse
from .test_views import all_views

SVG = "{http://www.w3.org/2000/svg}"
HREF = "href"


def drawing(view: ChartView, width: int = WIDE_PX) -> ET.Element:
    return ET.fromstring(chart_svg(view, width))  # raises on anything that is not well-formed XML


def mark_uses(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """Each claim's symbol as (colour, <use>), from the groups that draw marks."""
    return [
        (group.attrib["fill"], use)
        for group in root.iter(f"{SVG}g")
        if group.get("class") == "cs-marks"
        for use in group.iter(f"{SVG}use")
    ]


def symbol(use: ET.Element) -> str:
    return use.attrib[HREF][-1]  # the ids end in one letter per kind of mark


def expected_symbol(qualifier: str, is_range: bool, part: bool) -> str:
    if is_range:
        return "b"
    if qualifier in OPEN_UP:
        return "u"
    if qualifier in OPEN_DOWN:
        return "n"
    if qualifier == "about":
        return "t" if part else "d"
    return "s" if part else "o"


@pytest.mark.parametrize("width", [NARROW_PX, WIDE_PX])
def test_one_symbol_per_claim_and_range_end_in_its_colour_and_shape(views: ChartViews, width: int) -> None:
    for view in all_views(views):
        root = drawing(view, width)
        drawn = sorted((colour, symbol(use), use.get("fill") == "none") for colour, use in mark_uses(root))
        by_workforce = view.spec.series_by == "workforce"
        wanted = []
        for mark in view.marks:
            if view.query.scale == "log" and mark.value_high <= 0:
                continue
            kind = expected_symbol(mark.qualifier, mark.is_range, mark.sub_series)
            hollow = not mark.period.known and kind in "osdt"
            ends = 2 if mark.is_range else 1
            wanted += [(series_colour(mark.colour_key, by_workforce), kind, hollow)] * ends
        assert drawn == sorted(wanted), view.title


def test_undated_claims_are_faded(views: ChartViews) -> None:
    view = views.default(views.specs["revenue"])
    undated = sum((2 if mark.is_range else 1) for mark in view.marks if not mark.period.known)
    assert undated > 0
    faded = [use for _, use in mark_uses(drawing(view)) if use.get("opacity") == ".5"]
    assert len(faded) == undated


def test_every_symbol_used_is_defined_once(views: ChartViews) -> None:
    for view in all_views(views):
        root = drawing(view)
        defined = [element.attrib["id"] for element in root.iter() if "id" in element.attrib]
        assert len(defined) == len(set(defined))
        used = {use.attrib[HREF].lstrip("#") for use in root.iter(f"{SVG}use")}
        assert used <= set(defined), view.title


def test_events_lane_marks_each_event_hollow_when_dated_to_the_month(views: ChartViews) -> None:
    view = views.default(views.specs["revenue"])
    assert view.events
    assert not view.panels
    lane = next(group for group in drawing(view).iter(f"{SVG}g") if group.get("class") == "cs-lane")
    assert lane.attrib["fill"] == EVENT_COLOUR
    uses = list(lane.iter(f"{SVG}use"))
    assert len(uses) == len(view.events)
    hollow = sum(event.event.period.precision != "day" for event in view.events)
    assert sum(use.get("fill") == "none" for use in uses) == hollow
    ruled = [line for line in drawing(view).iter(f"{SVG}line") if line.get("class") == "cs-ruled"]
    assert len(ruled) == sum(event.ruled for event in view.events) == 2
    labels = [text.text for text in drawing(view).iter(f"{SVG}text") if text.get("class") == "cs-event"]
    assert {event.label for event in view.events if event.ruled} <= set(labels)


def test_many_countries_are_small_multiples_one_panel_each(views: ChartViews) -> None:
    view = views.default(views.specs["workers-abroad"])
    assert len(view.panels) > 6
    for width, columns in ((NARROW_PX, 2), (WIDE_PX, 4)):
        root = drawing(view, width)
        titles = [text.text for text in root.iter(f"{SVG}text") if text.get("class") == "cs-panel"]
        assert titles == [panel.title for panel in view.panels]
        rows = -(-len(view.panels) // columns)
        assert int(root.attrib["height"]) == 60 + rows * 150  # the height the page's script gives Plotly


def test_a_single_plot_has_its_legend_and_value_ticks_from_zero(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    view = views.get(spec, ChartQuery(indicator=spec.indicators[0], countries=("RUS", "CHN")))
    root = drawing(view)
    legend = next(group for group in root.iter(f"{SVG}g") if group.get("class") == "cs-legend")
    assert [text.text for text in legend.iter(f"{SVG}text")] == [group.title for group in view.groups]
    assert [rect.attrib["fill"] for rect in legend.iter(f"{SVG}rect")] == [
        series_colour(group.key, False) for group in view.groups
    ]
    zero = [line for line in root.iter(f"{SVG}line") if line.get("class") == "cs-zero"]
    assert len(zero) == 1
    assert root.attrib["role"] == "img"
    assert root.findtext(f"{SVG}title") == view.title


def parse_tick(label: str) -> float:
    """A tick label's value: '1,500' or '20k' (Plotly's short form, past ten thousand)."""
    scale = {"k": 1e3, "M": 1e6, "B": 1e9}.get(label[-1], 1.0)
    return float(label.rstrip("kMB").replace(",", "")) * scale


def test_log_scale_ticks_at_powers_of_ten(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    view = views.get(spec, ChartQuery(indicator=spec.indicators[0], countries=("RUS", "CHN"), scale="log"))
    labels = [
        text.text
        for text in drawing(view).iter(f"{SVG}text")
        if text.get("text-anchor") == "end" and text.get("dx") == "-6" and text.text != "Events"
    ]
    assert labels
    values = [parse_tick(label or "") for label in labels]
    first = round(math.log10(values[0]))
    assert values == [10.0 ** (first + step) for step in range(len(values))]
    assert len(values) >= 3


def test_value_ticks_are_nice_and_cover_the_figures() -> None:
    axis = value_axis([0.0, 37_500.0], "linear")
    assert axis.ticks == (0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0)
    assert value_axis([3.0], "linear").ticks[-1] >= 3.0
    assert len(value_axis([123_456.0], "linear").ticks) <= 7
    log = value_axis([40.0, 0.0, 120_000.0], "log")
    assert log.ticks == (10.0, 100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0)
    assert log.fraction(10.0) == 0
    assert log.fraction(1_000_000.0) == 1


def test_time_ticks_are_whole_years_thinned_to_fit() -> None:
    ticks = year_ticks(date(2009, 6, 1), date(2025, 3, 1), most=20)
    assert [tick.year for tick in ticks] == list(range(2010, 2026))
    assert [tick.year for tick in year_ticks(date(2009, 6, 1), date(2025, 3, 1), most=4)] == [2010, 2015, 2020, 2025]


def test_hostile_labels_are_escaped(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    view = views.get(spec, ChartQuery(indicator=spec.indicators[0], countries=("RUS", "CHN")))
    hostile = '<script>alert("x")</script> & </svg>'
    view = replace(view, title=hostile, groups=tuple(Group(group.key, hostile) for group in view.groups))
    root = drawing(view)
    assert root.findtext(f"{SVG}title") == hostile
    assert hostile in [text.text for text in root.iter(f"{SVG}text")]
    assert not list(root.iter("script"))
    assert not list(root.iter(f"{SVG}script"))


def test_a_view_without_claims_says_so(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    view = views.get(spec, ChartQuery(indicator=spec.indicators[0], countries=("RUS",), year_from=1900, year_to=1901))
    assert not view.marks
    assert "No claims match these filters" in [text.text for text in drawing(view).iter(f"{SVG}text")]


@pytest.mark.parametrize(
    ("path", "variants"),
    [
        ("/charts/workers-abroad?countries=rus,chn", ["narrow", "medium", "wide"]),
        ("/embed/revenue", ["narrow", "medium", "wide"]),
        ("/embed/workers-abroad", ["c1", "c2", "c3", "c4"]),  # small multiples: one per number of columns
    ],
)
def test_chart_page_and_embed_carry_the_drawing_inside_the_plot(
    client: TestClient, path: str, variants: list[str]
) -> None:
    """Without a script the page already holds the chart: a drawing per layout in the plot's box, the key after it."""
    page = parse(client.get(path).text)
    plot = one(page, ".chart-plot")
    drawings = plot.select("svg.chart-svg")
    assert [svg["class"] for svg in drawings] == [["chart-svg", f"chart-svg-{variant}"] for variant in variants]
    assert all(svg.select("use") for svg in drawings)
    assert one(page, ".chart-key").find_previous("div", class_="chart-plot") is plot


def test_the_legend_wraps_and_the_labels_stack_as_the_page_script_lays_them_out() -> None:
    """Two labels that fit side by side at a desktop's width take two rows at a phone's; a legend wraps likewise."""
    texts = ["Resolution 2397", "Repatriation deadline"]
    wide = label_places([0.44, 0.58], texts, 880)
    narrow = label_places([0.44, 0.58], texts, 280)
    assert [place.row for place in wide if place] == [0, 0]
    assert [place.row for place in narrow if place] == [0, 1]
    assert label_places([0.44, 0.58], texts, 150) == [None, None]  # charts.js hides them below 300 px
    names = ["China", "Kuwait", "Mongolia", "Poland", "Qatar", "Russia"]
    assert {row for row, _ in legend_flow(names, 880)} == {0}
    assert {row for row, _ in legend_flow(names, 263)} == {0, 1, 2}


def test_the_first_drawing_names_every_mark_and_the_others_hold_them_in_the_same_order(views: ChartViews) -> None:
    """static/charts.js finds the name of a mark in any drawing by its place in the first (data-m)."""
    for view in all_views(views):
        opening = '<svg class="chart-svg'
        drawings = [ET.fromstring(opening + svg) for svg in view.svg.split(opening)[1:]]
        assert len(drawings) >= 3
        first, *others = [mark_uses(root) for root in drawings]
        names = [use.get("data-m") for _, use in first]
        assert all(names), view.title
        assert set(names) <= {mark.id for mark in view.marks}
        for uses in others:
            assert all(use.get("data-m") is None for _, use in uses)
            assert [(colour, symbol(use)) for colour, use in uses] == [(colour, symbol(use)) for colour, use in first]


def test_a_views_drawings_share_one_set_of_symbols_and_draw_each_panel_alike_in_every_layout(views: ChartViews) -> None:
    """Defined once, in a drawing that is never hidden; a panel's drawing repeats byte for byte across layouts,
    so that brotli sends it about once (a 29-panel embed was 2.1 times larger at 100x the data)."""
    view = views.default(views.specs["workers-abroad"])
    assert view.panels
    sprite, *drawings = list(ET.fromstring(f"<div>{view.svg}</div>"))
    assert sprite.get("class") == "chart-symbols"
    assert sprite.get("aria-hidden") == "true"
    defined = [element.attrib["id"] for element in sprite.iter() if "id" in element.attrib]
    used = {use.attrib[HREF].lstrip("#") for drawing in drawings for use in drawing.iter(f"{SVG}use")}
    assert sorted(used) == sorted(defined)
    assert all(drawing.find(f"{SVG}defs") is None for drawing in drawings)

    def panels(drawing: ET.Element) -> list[bytes]:
        """What each panel draws inside its box (the box's place differs with the layout)."""
        return [b"".join(map(ET.tostring, child)) for child in drawing if child.tag == f"{SVG}svg"]

    unnamed = [panels(drawing) for drawing in drawings[1:]]  # the first names its marks (data-m)
    assert len(unnamed[0]) == len(view.panels)
    assert all(layout == unnamed[0] for layout in unnamed)
