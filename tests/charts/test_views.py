"""Chart views without HTTP: each a valid figure with one mark per claim, and JSON that is safe in a page."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from app.charts.describe import sources_words
from app.charts.query import ChartQuery
from app.charts.views import ChartView, ChartViews, script_safe_json

from ..html import claim_traces, marks


def all_views(views: ChartViews) -> list[ChartView]:
    defaults = [views.default(spec) for spec in views.specs.values()]
    spec = views.specs["indicator"]
    indicators = [c.value for c in views.release.indicators]
    return defaults + [views.get(spec, ChartQuery(indicator=i)) for i in indicators]


def test_every_view_is_a_valid_plotly_figure(views: ChartViews) -> None:
    for view in all_views(views):
        go.Figure(data=view.figure["data"], layout=view.figure["layout"])  # raises on an invalid property


def test_one_point_per_claim_and_one_indicator_per_chart(views: ChartViews) -> None:
    for view in all_views(views):
        drawn = sorted(marks(view.figure))
        if view.aggregated:  # one mark per series and year, standing for every claim in the view
            assert drawn == sorted(mark.id for mark in view.marks)
            assert sum(mark.count for mark in view.marks) == len(view.claims), view.title
        else:
            assert drawn == sorted(claim.id for claim in view.claims), view.title
        assert {claim.indicator for claim in view.claims} <= {view.query.indicator}


def test_no_line_joins_two_claims(views: ChartViews) -> None:
    """Span traces are runs of two points separated by gaps: a bar across or a bar up, never a join."""
    for view in all_views(views):
        for trace in view.figure["data"]:
            if trace["mode"] != "lines":
                continue
            xs, ys = trace["x"], trace["y"]
            if trace.get("fill") == "toself":  # boxes: a range through a period, four corners and back
                for i in range(0, len(xs), 6):
                    assert xs[i + 5] is None
                    assert xs[i] == xs[i + 4]
                    assert ys[i] == ys[i + 4]
                continue
            assert len(xs) % 3 == 0
            for i in range(0, len(xs), 3):
                assert xs[i + 2] is None
                assert ys[i + 2] is None
                assert xs[i] == xs[i + 1] or ys[i] == ys[i + 1]


def test_each_series_has_one_legend_entry_or_each_country_a_panel(views: ChartViews) -> None:
    """One plot: a legend entry per series (the key explains the marks). Small multiples: a titled panel each."""
    for view in all_views(views):
        figure = view.figure
        series = {t["legendgroup"] for t in claim_traces(figure)}
        if view.panels:
            titles = [a for a in figure["layout"]["annotations"] if a.get("name") == "panel-title"]
            assert len(titles) == len(view.panels) == len({t["yaxis"] for t in claim_traces(figure)}), view.title
            continue
        listed = [t["legendgroup"] for t in figure["data"] if t.get("showlegend")]
        if len(series) > 1:
            assert sorted(listed) == sorted({mark.colour_key for mark in view.marks}), view.title


def test_script_safe_json_cannot_close_the_script_element() -> None:
    text = script_safe_json({"a": "</script><script>alert(1)</script>&"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text


def test_a_view_of_what_was_known_on_a_day_leaves_out_later_claims_and_events(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    day = date(2019, 12, 22)
    now = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS")))
    then = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS"), as_of=day))
    assert {c.id for c in then.claims} == {c.id for c in now.claims if c.source.published_by <= day}
    assert len(then.claims) < len(now.claims), "the view no longer tests claims published later"
    later = [e for e in now.events if not e.event.known_by(day)]
    assert later, "the view no longer tests events after the day"
    assert {e.id for e in then.events} == {e.id for e in now.events} - {e.id for e in later}
    assert "border-closure" not in {e.id for e in then.events}  # January 2020: not yet known at the deadline


@pytest.mark.parametrize(
    ("publishers", "shown", "words"),
    [
        ([], None, "Sources: none."),
        (["Reuters"], 6, "Sources: Reuters."),
        (["A", "B", "C"], None, "Sources: A; B; C."),
        (["A", "B", "C"], 3, "Sources: A; B; C."),
        (["A", "B", "C"], 2, "Sources: A; B; and 1 more, in the full view."),
    ],
)
def test_the_source_line_names_the_first_publishers_and_counts_the_rest(
    publishers: list[str], shown: int | None, words: str
) -> None:
    assert sources_words(publishers, shown) == words
