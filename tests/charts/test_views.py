"""Chart building without HTTP: words, filters, and the drawing rules."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import pytest

from app.charts.figure import (
    BASE_HEIGHT_PX,
    LEGEND_ROW_PX,
    MARKER_PX,
    PALETTE,
    PART_MARKER_PX,
    chart_height,
    legend_rows,
)
from app.charts.images import FOOTER_SOURCE_LINES, footer_source_lines, static_figure
from app.charts.query import ChartQuery, QueryError, parse_query
from app.charts.registry import CHARTS
from app.charts.text import format_amount, format_period, format_value
from app.charts.views import ChartViews, script_safe_json
from app.data import Dataset


@pytest.fixture(scope="module")
def views(real_dataset: Dataset) -> ChartViews:
    return ChartViews(real_dataset, estimate_url=lambda i: f"/estimates/{i}", source_url=lambda i: f"/sources/{i}")


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "unit", "expected"),
    [
        (100000, 100000, "about", "workers", "about 100,000 workers"),
        (12000, 12000, "at_least", "workers", "at least 12,000 workers"),
        (90, 90, "up_to", "percent", "up to 90%"),
        (200_000_000, 500_000_000, "range", "USD per year", "US$200 million to 500 million a year"),
        (750_000_000, 1_100_000_000, "range", "USD per year", "US$750 million to 1.1 billion a year"),
        (20_400_000, 20_400_000, "about", "USD per year", "about US$20.4 million a year"),
        (150, 150, "exact", "USD per month", "US$150 a month"),
        (24000, 24000, "at_least", "permits", "at least 24,000 permits"),
        (50, 50, "more_than", "percent", "more than 50%"),
    ],
)
def test_format_value(low: float, high: float, qualifier: str, unit: str, expected: str) -> None:
    assert format_value(low, high, qualifier, unit) == expected


def test_format_amount_keeps_small_figures_exact() -> None:
    assert format_amount(23267, "workers") == "23,267"
    assert format_amount(740_000_000, "USD") == "740 million"


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2018-12-01", "2018-12-31", "month", "Dec 2018"),
        ("2017-12-01", "2018-12-31", "month", "Dec 2017 to Dec 2018"),
        ("2024-07-01", "2024-09-30", "quarter", "Q3 2024"),
        ("2017-01-01", "2017-12-31", "year", "2017"),
        ("2017-01-01", "2023-12-31", "multi-year", "2017 to 2023"),
        ("2024-01-11", "2024-01-14", "day", "11 Jan 2024 to 14 Jan 2024"),
        ("2020-03-10", "2020-03-10", "day", "10 Mar 2020"),
        (None, None, "unknown", "period not stated"),
    ],
)
def test_format_period(start: str | None, end: str | None, precision: str, expected: str) -> None:
    import pandas as pd

    first = pd.Timestamp(start) if start else None
    last = pd.Timestamp(end) if end else None
    assert format_period(first, last, precision) == expected


def test_query_normal_form_and_errors() -> None:
    spec = CHARTS["workers-abroad"]
    query = parse_query(spec, {"countries": ["RUS,chn"], "from": ["2017"], "utm_source": ["x"]}, ["CHN", "RUS", "QAT"])
    assert query == ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS"), year_from=2017)
    assert query.params(spec) == {"countries": "chn,rus", "from": "2017"}
    with pytest.raises(QueryError, match="countries: 'xyz' is not a country this chart can show; use chn, qat, rus"):
        parse_query(spec, {"countries": ["chn,xyz"]}, ["CHN", "RUS", "QAT"])
    with pytest.raises(QueryError, match="to: 2016 is before from=2018"):
        parse_query(spec, {"from": ["2018"], "to": ["2016"]}, ["CHN"])
    with pytest.raises(QueryError, match="from: '20x' is not a year from 1950 to 2100"):
        parse_query(spec, {"from": ["20x"]}, ["CHN"])
    with pytest.raises(QueryError, match="indicator: this chart shows only workers_abroad"):
        parse_query(spec, {"indicator": ["work_permits"]}, ["CHN"])
    with pytest.raises(QueryError, match="countries: this chart has no country filter"):
        parse_query(CHARTS["revenue"], {"countries": ["chn"]}, [])


def claim_traces(figure: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in figure["data"] if t["mode"] == "markers" and t["name"] != "Events"]


def all_views(views: ChartViews) -> list[Any]:
    defaults = [views.default(spec) for spec in views.specs.values()]
    spec = views.specs["indicator"]
    indicators = [c.value for c in views.dataset.indicators()]
    return defaults + [views.get(spec, ChartQuery(indicator=i)) for i in indicators]


def test_every_view_is_a_valid_plotly_figure(views: ChartViews) -> None:
    for view in all_views(views):
        go.Figure(data=view.figure["data"], layout=view.figure["layout"])  # raises on an invalid property


def test_one_point_per_claim_and_one_indicator_per_chart(views: ChartViews) -> None:
    for view in all_views(views):
        points = [point for trace in claim_traces(view.figure) for point in trace["customdata"]]
        if view.aggregated:  # one mark per series and year, standing for every claim in the view
            assert sorted(point[1] for point in points) == sorted(point["id"] for point in view.points)
            assert sum(point["count"] for point in view.points) == len(view.rows), view.title
        else:
            assert sorted(point[1] for point in points) == sorted(view.rows["id"]), view.title
        assert set(view.rows["indicator"]) <= {view.query.indicator}


def test_no_line_joins_two_claims(views: ChartViews) -> None:
    """Span traces are runs of two points separated by gaps: a bar across or a bar up, never a join."""
    for view in all_views(views):
        for trace in view.figure["data"]:
            if trace["mode"] != "lines":
                continue
            xs, ys = trace["x"], trace["y"]
            assert len(xs) % 3 == 0
            for i in range(0, len(xs), 3):
                assert xs[i + 2] is None
                assert ys[i + 2] is None
                assert xs[i] == xs[i + 1] or ys[i] == ys[i + 1]


def test_open_ended_and_undated_claims_look_different(views: ChartViews) -> None:
    view = views.get(views.specs["indicator"], ChartQuery(indicator="workers_abroad", countries=("RUS",)))
    symbols = {}
    for trace in claim_traces(view.figure):
        for (_href, id_), symbol in zip(trace["customdata"], trace["marker"]["symbol"], strict=True):
            symbols[id_] = symbol
    rows = view.rows.set_index("id")
    for id_, symbol in symbols.items():
        qualifier, known = rows.loc[id_, "qualifier"], rows.loc[id_, "period_known"]
        assert ("-open" in symbol) != bool(known)
        if qualifier in ("at_least", "more_than"):
            assert symbol.startswith("triangle-up")
        if qualifier == "up_to":
            assert symbol.startswith("triangle-down")


def test_events_are_marked_with_labels(views: ChartViews) -> None:
    view = views.default(CHARTS["repatriations"])
    labels = {a["text"] for a in view.figure["layout"]["annotations"] if a.get("name") == "event-label"}
    assert {"Resolution 2397", "Repatriation deadline"} <= labels
    assert len(view.figure["layout"]["shapes"]) == len(view.events)


def test_modebar_has_no_logo_or_cloud_button(views: ChartViews) -> None:
    config = views.default(CHARTS["revenue"]).figure["config"]
    assert config["displaylogo"] is False
    assert config["showSendToCloud"] is False


def test_script_safe_json_cannot_close_the_script_element() -> None:
    text = script_safe_json({"a": "</script><script>alert(1)</script>&"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text


def test_each_series_has_one_legend_entry(views: ChartViews) -> None:
    """Dated and undated marks of a series share one legend entry; the key explains hollow marks."""
    for view in all_views(views):
        listed = [t["legendgroup"] for t in claim_traces(view.figure) if t.get("showlegend", True)]
        assert sorted(listed) == sorted({t["legendgroup"] for t in claim_traces(view.figure)}), view.title


def test_a_long_legend_makes_the_chart_taller() -> None:
    few = chart_height(40, ["China", "Russia"])
    many = chart_height(40, [f"Russia: region number {n}" for n in range(30)])
    assert few >= BASE_HEIGHT_PX
    assert many > few + 5 * LEGEND_ROW_PX


def test_past_the_palette_each_country_keeps_one_colour(views: ChartViews) -> None:
    """Regions and worker groups take their country's colour, drawn smaller, rather than another country's."""
    view = views.default(views.specs["workers-abroad"])
    traces = claim_traces(view.figure)
    assert len({t["legendgroup"] for t in traces}) > len(PALETTE), "the view no longer tests what it should"
    rows = view.rows.drop_duplicates("series").set_index("series")
    colour_of_country: dict[str, set[str]] = {}
    for trace in traces:
        country, region, workforce = rows.loc[trace["legendgroup"], ["country", "region", "workforce"]]
        colour_of_country.setdefault(country, set()).add(trace["marker"]["color"])
        part = bool(region) or workforce != "all"
        assert trace["marker"]["size"] == (PART_MARKER_PX if part else MARKER_PX), trace["name"]
    assert all(len(colours) == 1 for colours in colour_of_country.values())
    firsts = [next(iter(colours)) for colours in colour_of_country.values()]
    assert len(firsts) == len(set(firsts)), "two countries share a colour"


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
    figure = static_figure(view, "North Korean Workers Abroad", "http://testserver/charts/workers-abroad")
    layout = figure["layout"]
    names = [t["name"] for t in figure["data"] if t.get("showlegend", True)]
    assert legend_rows(names, layout["width"] - 96) >= 3, "the view no longer tests a long legend"
    legend_px = legend_rows(names, layout["width"] - 96) * LEGEND_ROW_PX
    assert layout["margin"]["b"] >= legend_px + 3 * 15
    assert layout["height"] - layout["margin"]["t"] - layout["margin"]["b"] >= 200  # the plot itself
