"""The drawing rules of a chart's Plotly figure (``app/charts/figure.py``), without HTTP."""

from __future__ import annotations

from app.charts.figure import (
    BASE_HEIGHT_PX,
    LEGEND_ROW_PX,
    MARKER_PX,
    PALETTE,
    PART_MARKER_PX,
    chart_height,
)
from app.charts.query import ChartQuery
from app.charts.registry import CHARTS
from app.charts.views import ChartViews

from ..html import claim_traces


def test_open_ended_and_undated_claims_look_different(views: ChartViews) -> None:
    view = views.get(views.specs["indicator"], ChartQuery(indicator="workers_abroad", countries=("RUS",)))
    symbols = {}
    for trace in claim_traces(view.figure):
        for (_href, id_), symbol in zip(trace["customdata"], trace["marker"]["symbol"], strict=True):
            symbols[id_] = symbol
    claims = {claim.id: claim for claim in view.claims}
    for id_, symbol in symbols.items():
        qualifier, known = claims[id_].qualifier, claims[id_].period.known
        assert ("-open" in symbol) != known
        if qualifier in ("at_least", "more_than"):
            assert symbol.startswith("triangle-up")
        if qualifier == "up_to":
            assert symbol.startswith("triangle-down")


def test_events_are_marked_with_labels(views: ChartViews) -> None:
    view = views.default(CHARTS["repatriations"])
    labels = {a["text"] for a in view.figure["layout"]["annotations"] if a.get("name") == "event-label"}
    assert {"Resolution 2397", "Repatriation deadline"} <= labels
    assert len(view.figure["layout"]["shapes"]) == len(view.events)


def test_no_modebar_its_buttons_would_nest_controls_in_the_chart(views: ChartViews) -> None:
    config = views.default(CHARTS["revenue"]).figure["config"]
    assert config["displayModeBar"] is False
    assert config["displaylogo"] is False
    assert config["showSendToCloud"] is False


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
    claim_of_series = {mark.series: mark.claim for mark in view.plotted if mark.claim is not None}
    colour_of_country: dict[str, set[str]] = {}
    for trace in traces:
        claim = claim_of_series[trace["legendgroup"]]
        colour_of_country.setdefault(claim.country.iso3, set()).add(trace["marker"]["color"])
        part = bool(claim.region) or claim.workforce != "all"
        assert trace["marker"]["size"] == (PART_MARKER_PX if part else MARKER_PX), trace["name"]
    assert all(len(colours) == 1 for colours in colour_of_country.values())
    firsts = [next(iter(colours)) for colours in colour_of_country.values()]
    assert len(firsts) == len(set(firsts)), "two countries share a colour"
