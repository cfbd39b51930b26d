"""Static images of a chart: the words drawn into them and room for the legend (``app/charts/images.py``)."""

from __future__ import annotations

from app.charts.figure import LEGEND_ROW_PX, legend_rows
from app.charts.images import FOOTER_SOURCE_LINES, DatasetCredit, footer_source_lines, static_figure
from app.charts.views import ChartViews


def test_image_source_line_names_the_first_publishers_and_counts_the_rest() -> None:
    publishers = [f"Publisher number {n} (via Copy site {n})" for n in range(60)]
    lines = footer_source_lines(publishers)
    assert len(lines) == FOOTER_SOURCE_LINES
    assert lines[0].startswith("Sources: Publisher number 0 ")
    shown = " ".join(lines).count("Publisher number")
    assert f"and {60 - shown} more, all listed at the address below." in " ".join(lines)
    assert footer_source_lines(["UPI", "Yonhap"]) == ["Sources: UPI; Yonhap."]


def test_image_keeps_room_for_a_long_legend(views: ChartViews) -> None:
    view = views.default(views.specs["workers-abroad"])
    credit = DatasetCredit(version="2.0.0", licence="Creative Commons Attribution 4.0 (CC-BY-4.0)")
    figure = static_figure(view, "North Korean Workers Abroad", "http://testserver/charts/workers-abroad", credit)
    layout = figure["layout"]
    names = [t["name"] for t in figure["data"] if t.get("showlegend", True)]
    assert legend_rows(names, layout["width"] - 96) >= 3, "the view no longer tests a long legend"
    legend_px = legend_rows(names, layout["width"] - 96) * LEGEND_ROW_PX
    assert layout["margin"]["b"] >= legend_px + 3 * 15
    assert layout["height"] - layout["margin"]["t"] - layout["margin"]["b"] >= 200  # the plot itself
