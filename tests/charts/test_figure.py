"""The drawing rules of a chart's Plotly figure (``app/charts/figure.py``), without HTTP."""

from __future__ import annotations

from typing import Any

from app.charts.aggregate import aggregate
from app.charts.figure import (
    BASE_HEIGHT_PX,
    LEGEND_NAME_CHARS,
    LEGEND_ROW_PX,
    MARKER_PX,
    PART_MARKER_PX,
    RULED_EVENTS,
    Group,
    build_figure,
    chart_height,
)
from app.charts.key import BOX, key_entries
from app.charts.palette import country_colour
from app.charts.query import ChartQuery
from app.charts.registry import CHARTS
from app.charts.views import ChartView, ChartViews

from ..html import claim_traces


def symbols_by_claim(view: ChartView) -> dict[str, set[str]]:
    symbols: dict[str, set[str]] = {}
    for trace in claim_traces(view.figure):
        for (_href, id_), symbol in zip(trace["customdata"], trace["marker"]["symbol"], strict=True):
            symbols.setdefault(id_, set()).add(symbol)
    return symbols


def arrows(figure: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in figure["layout"]["annotations"] if a.get("name") == "open-end"]


def test_each_qualifier_has_its_own_mark_and_open_ends_point_the_way_the_truth_may_lie(views: ChartViews) -> None:
    spec = views.specs["indicator"]
    claims = {claim.id: claim for claim in views.release.claims}
    queries = [ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS", "POL"))]
    queries += [ChartQuery(indicator=i) for i in ("revenue_per_year", "workers_repatriated", "work_permits")]
    for query in queries:
        view = views.get(spec, query)
        assert not view.aggregated, "the view no longer draws one mark per claim"
        indicator = query.indicator
        ups = downs = 0
        for id_, symbols in symbols_by_claim(view).items():
            claim = claims[id_]
            if claim.value_low != claim.value_high or claim.qualifier in ("at_least", "more_than", "up_to"):
                assert symbols == {"line-ew"}, id_  # a bar at each stated figure, never a made-up midpoint
            elif claim.qualifier == "about":
                assert symbols == {"diamond" if claim.period.known else "diamond-open"}, id_
            else:
                assert symbols == {"circle" if claim.period.known else "circle-open"}, id_
            ups += claim.qualifier in ("at_least", "more_than") and claim.value_low == claim.value_high
            downs += claim.qualifier == "up_to" and claim.value_low == claim.value_high
        drawn = arrows(view.figure)
        assert sum(a["ay"] < 0 for a in drawn) == ups, indicator
        assert sum(a["ay"] > 0 for a in drawn) == downs, indicator
        assert all(a["arrowside"] == "start" for a in drawn), "the arrowhead sits at the open end"


def test_a_range_is_marked_at_its_two_stated_ends_only(views: ChartViews) -> None:
    view = views.get(views.specs["indicator"], ChartQuery(indicator="revenue_per_year"))
    ranges = [claim for claim in view.claims if claim.value_low != claim.value_high]
    assert ranges, "the view no longer tests a range"
    for claim in ranges:
        ys = sorted(
            y
            for trace in claim_traces(view.figure)
            for (_href, id_), y in zip(trace["customdata"], trace["y"], strict=True)
            if id_ == claim.id
        )
        scale = claim.value_high / ys[-1]
        assert ys == [claim.value_low / scale, claim.value_high / scale]


def test_the_legend_names_series_by_colour_and_claims_no_qualifier(views: ChartViews) -> None:
    view = views.get(views.specs["workers-abroad"], ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS")))
    swatches = [t for t in view.figure["data"] if t.get("showlegend")]
    names = [t["name"].replace("<br>", " ") for t in swatches]
    assert names == ["China", "Russia"]  # regions of a country share its colour: one entry for the country
    assert all(len(line) <= LEGEND_NAME_CHARS for t in swatches for line in t["name"].split("<br>"))
    assert {t["marker"]["symbol"] for t in swatches} == {"square"}


def test_events_have_their_own_lane_and_the_deadline_is_ruled(views: ChartViews) -> None:
    view = views.get(CHARTS["repatriations"], ChartQuery(indicator="workers_repatriated", countries=("RUS", "CHN")))
    lane = [t for t in view.figure["data"] if t.get("meta") == "event"]
    assert {t["yaxis"] for t in lane} == {"y2"}
    assert sorted(id_ for t in lane for _href, id_ in t["customdata"]) == sorted(e.id for e in view.events)
    labels = {a["text"] for a in view.figure["layout"]["annotations"] if a.get("name") == "event-label"}
    assert labels == {"Resolution 2397", "Repatriation deadline"}
    assert len(view.figure["layout"]["shapes"]) == len(RULED_EVENTS)
    # Month- and year-dated events are hollow marks at the middle of their month or year, not bands.
    hollow = [t for t in lane if t["marker"]["symbol"] == "diamond-open"]
    assert all(
        e.event.period.precision != "day"
        for t in hollow
        for _h, id_ in t["customdata"]
        for e in view.events
        if e.id == id_
    )


def test_no_modebar_zoom_or_pan_a_swipe_scrolls_the_page(views: ChartViews) -> None:
    figure = views.default(CHARTS["revenue"]).figure
    assert figure["config"]["displayModeBar"] is False
    assert figure["config"]["scrollZoom"] is False
    assert figure["layout"]["dragmode"] is False
    axes = [value for key, value in figure["layout"].items() if key.startswith(("xaxis", "yaxis"))]
    assert axes
    assert all(axis["fixedrange"] for axis in axes)


def test_log_scale_and_zeros(views: ChartViews) -> None:
    spec = views.specs["indicator"]
    linear = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("POL",)))
    log = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("POL",), scale="log"))
    assert log.figure["layout"]["yaxis"]["type"] == "log"
    assert linear.figure["layout"]["yaxis"]["type"] == "linear"
    zeros = [claim for claim in log.claims if claim.value_high == 0]
    assert zeros, "the view no longer tests a claim of zero"
    assert log.zeros_not_drawn == len(zeros)
    assert linear.zeros_not_drawn == 0
    drawn = {id_ for trace in claim_traces(log.figure) for _href, id_ in trace["customdata"]}
    assert drawn == {claim.id for claim in log.claims} - {claim.id for claim in zeros}


def test_a_long_legend_makes_the_chart_taller() -> None:
    few = chart_height(40, ["China", "Russia"])
    many = chart_height(40, [f"Russia: region number {n}" for n in range(30)])
    assert few >= BASE_HEIGHT_PX
    assert many > few + 5 * LEGEND_ROW_PX


def test_a_country_has_one_colour_in_every_view(views: ChartViews) -> None:
    """Russia is the same colour on every chart and filter; its regions take its colour, drawn smaller; a trace
    holds one country's marks."""
    spec = views.specs["indicator"]
    queries = [ChartQuery(indicator=c.value) for c in views.release.indicators]
    queries += [ChartQuery(indicator="workers_abroad", countries=("RUS", code)) for code in ("CHN", "QAT", "MNG")]
    seen: dict[str, set[str]] = {}
    for query in queries:
        view = views.get(spec, query)
        claims = {claim.id: claim for claim in view.claims}
        for trace in claim_traces(view.figure):
            for (_href, id_), size in zip(trace["customdata"], trace["marker"]["size"], strict=True):
                if id_ not in claims:
                    continue  # a mark standing for a year of claims
                claim = claims[id_]
                seen.setdefault(claim.country.iso3, set()).add(trace["marker"]["color"])
                part = bool(claim.region) or claim.workforce != "all"
                assert size == (PART_MARKER_PX if part else MARKER_PX), id_
            places = {claims[id_].country.iso3 for _href, id_ in trace["customdata"] if id_ in claims}
            assert len(places) <= 1, f"one trace draws {places}"
    assert all(colours == {country_colour(code)} for code, colours in seen.items()), seen
    assert len(seen) > 20, "the views no longer test many countries"


def test_small_multiples_rule_the_deadline_in_every_panel(views: ChartViews) -> None:
    view = views.default(CHARTS["repatriations"])
    assert len(view.panels) > 6, "the view no longer has small multiples"
    layout = view.figure["layout"]
    ruled = {(shape["xref"], shape["x0"]) for shape in layout["shapes"]}
    assert len(ruled) == len(view.panels) * len([e for e in view.events if e.ruled])
    ranges = {tuple(layout[key]["range"]) for key in layout if key.startswith("xaxis")}
    assert len(ranges) == 1, "the panels share one time axis"


def test_a_mark_standing_for_a_year_of_claims_is_a_bar_never_a_box(views: ChartViews) -> None:
    """Boxes are for a claim's own range over its period; thousands of year marks drawn as boxes stalled Chromium."""
    view = views.get(views.specs["indicator"], ChartQuery(indicator="revenue_per_year"))
    assert any(t.get("fill") == "toself" for t in view.figure["data"]), "the view no longer draws a box"
    year_marks = aggregate(view.plotted, view.unit, lambda mark, year: f"/{year}")
    assert any(mark.is_range and mark.period.is_span for mark in year_marks)
    groups = tuple(Group(key, key) for key in dict.fromkeys(mark.colour_key for mark in year_marks))
    figure = build_figure(year_marks, view.events, unit=view.unit, by_workforce=True, groups=groups)
    assert len(claim_traces(figure)) >= len(groups), "the year marks are drawn"
    assert not any(t.get("fill") == "toself" for t in figure["data"])
    assert BOX not in key_entries(tuple(year_marks), view.events, panels=False)
