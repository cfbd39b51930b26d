"""Static images of a chart: the words drawn into them and room for the legend (``app/charts/images.py``)."""

from __future__ import annotations

import math

from app.charts.figure import LANE_PX, NOMINAL_COLUMNS, PANEL_PX
from app.charts.images import FOOTER_SOURCE_LINES, DatasetCredit, footer_source_lines, static_figure
from app.charts.query import ChartQuery
from app.charts.views import ChartViews

CREDIT = DatasetCredit(version="2.0.0", licence="Creative Commons Attribution 4.0 (CC-BY-4.0)")


def test_image_source_line_names_the_first_publishers_and_counts_the_rest() -> None:
    publishers = [f"Publisher number {n} (via Copy site {n})" for n in range(60)]
    lines = footer_source_lines(publishers)
    assert len(lines) == FOOTER_SOURCE_LINES
    assert lines[0].startswith("Sources: Publisher number 0 ")
    shown = " ".join(lines).count("Publisher number")
    assert f"and {60 - shown} more, all listed at the address below." in " ".join(lines)
    assert footer_source_lines(["UPI", "Yonhap"]) == ["Sources: UPI; Yonhap."]


def test_image_of_small_multiples_has_room_for_every_panel(views: ChartViews) -> None:
    view = views.default(views.specs["workers-abroad"])
    assert len(view.panels) > 20, "the view no longer tests many panels"
    figure = static_figure(view, "North Korean Workers Abroad", "http://testserver/charts/workers-abroad", CREDIT)
    layout = figure["layout"]
    rows = math.ceil(len(view.panels) / NOMINAL_COLUMNS)
    assert layout["grid"] | {} == layout["grid"] | {"rows": rows, "columns": NOMINAL_COLUMNS}
    assert layout["height"] - layout["margin"]["t"] - layout["margin"]["b"] >= rows * PANEL_PX


def test_image_of_one_plot_keeps_its_events_lane_30_px_tall(views: ChartViews) -> None:
    spec = views.specs["indicator"]
    view = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS")))
    layout = static_figure(view, "Site", "http://testserver/x", CREDIT)["layout"]
    plot_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    assert round(layout["yaxis2"]["domain"][1] * plot_px) == LANE_PX
