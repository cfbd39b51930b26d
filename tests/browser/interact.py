"""What a reader does to make the charts interactive: the server draws every chart, and static/charts.js loads
plotly.js and the chart's figure only when a reader reaches for one (a pointer over it, a tap, focus)."""

from __future__ import annotations

from playwright.sync_api import FrameLocator, Page

CHARTS = ".chart-plot[data-figure-src]"
DRAWN = ".chart-plot.chart-drawn"


def reach_for_charts(page: Page | FrameLocator, *, tap: bool = False, timeout: float = 20_000) -> int:
    """Point at (or on a phone, ``tap``) every chart on the page in turn, as a reader moving down it would, and
    wait until Plotly has drawn each one. The number of charts."""
    charts = page.locator(CHARTS)
    count = charts.count()
    for index in range(count):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        if tap:
            chart.tap()
        else:
            chart.hover()
    for index in range(count):
        page.locator(DRAWN).nth(index).wait_for(timeout=timeout)
    return count
