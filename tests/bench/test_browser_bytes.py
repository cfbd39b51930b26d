"""Which bytes count as "on the wire until the chart is visible", and whether plotly.js came too early."""

from __future__ import annotations

import math

from bench.browser import Fetched, Navigation, next_start, resource_starts

DOCUMENT = Fetched("http://x/embed/workers-abroad", 0.0, 20_000, is_document=True)
CSS = Fetched("http://x/assets/site.1.css", 40.0, 5_000, is_document=False)
PLOTLY = Fetched("http://x/assets/plotly.99784e3abfb0.js", 150.0, 330_000, is_document=False)
TWIN = Fetched("http://x/charts/workers-abroad.plotly", 90.0, 9_000, is_document=False)


def navigation(fetched: list[Fetched], svg_painted: float | None, fcp: float | None = 50.0) -> Navigation:
    return Navigation(fetched, fcp, svg_painted, svg_painted, None)


def test_a_request_started_before_the_chart_is_visible_counts_in_full() -> None:
    visit = navigation([DOCUMENT, CSS, PLOTLY], svg_painted=151.0)
    assert visit.bytes_until_visible == 355_000
    assert visit.plotly_before_visible


def test_a_request_started_after_the_chart_is_visible_does_not_count() -> None:
    visit = navigation([DOCUMENT, CSS, PLOTLY], svg_painted=149.0)
    assert visit.bytes_until_visible == 25_000
    assert not visit.plotly_before_visible
    assert visit.wire_bytes == 355_000


def test_the_figure_twin_is_not_plotly_js() -> None:
    assert not navigation([DOCUMENT, TWIN], svg_painted=100.0).plotly_before_visible


def test_visible_is_never_before_the_first_contentful_paint() -> None:
    assert navigation([DOCUMENT], svg_painted=80.0, fcp=120.0).visible_ms == 120.0
    assert navigation([DOCUMENT], svg_painted=80.0, fcp=None).visible_ms == 80.0


def test_a_chart_never_painted_is_never_visible() -> None:
    assert math.isnan(navigation([DOCUMENT], svg_painted=None).visible_ms)


def test_requests_for_one_url_take_its_resource_timing_starts_in_order() -> None:
    starts = resource_starts([("http://x/a.js", 30.0), ("http://x/b.css", 5.0), ("http://x/a.js", 10.0)])
    assert [next_start(starts, "http://x/a.js") for _ in range(3)] == [10.0, 30.0, math.inf]
    assert next_start(starts, "http://x/never.js") == math.inf
