"""The server-drawn chart in a real Chromium: with JavaScript off it is the chart (marks, legend, key, visible at a
phone's and a desktop's width); with JavaScript on, Plotly takes its place without moving the page."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import LiveServer
from .interact import reach_for_charts

EMBEDS = ["/embed/revenue", "/embed/workers-abroad", "/embed/workers-abroad?countries=chn,rus"]
# Layout shifts the page reports while it loads (web.dev's CLS, summed without session windows).
RECORD_SHIFTS = """
window.__shifts = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) { window.__shifts += entry.value; } });
}).observe({ type: "layout-shift", buffered: true });
"""


def visible_drawing(page: Page) -> dict[str, Any]:
    """The one drawing the stylesheet shows: its size, and how many of its marks have a box on screen."""
    result: dict[str, Any] = page.evaluate(
        """() => {
          const shown = [...document.querySelectorAll('.chart-plot .chart-svg')]
            .filter((svg) => svg.getBoundingClientRect().height > 0);
          const svg = shown[0];
          const box = svg.getBoundingClientRect();
          const plot = svg.parentElement.getBoundingClientRect();
          const marks = [...svg.querySelectorAll('.cs-marks use')];
          const painted = marks.filter((use) => {
            const r = use.getBoundingClientRect();
            return (r.width > 0 || r.height > 0) && r.left >= box.left - 12 && r.right <= box.right + 12;
          });
          return { shown: shown.length, width: box.width, plotWidth: plot.width, height: box.height,
                   marks: marks.length, painted: painted.length,
                   variant: [...svg.classList].find((name) => name !== 'chart-svg') };
        }"""
    )
    return result


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", EMBEDS)
def test_without_javascript_the_drawing_is_the_chart(
    browser: Browser, live_server: LiveServer, width: int, path: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + path)
        drawing = visible_drawing(page)
        assert drawing["shown"] == 1  # the narrow or the wide layout, never both
        # The layout the interactive chart takes at this width: the legend's rows, or the panels' columns.
        assert drawing["variant"] in (
            ("chart-svg-wide", "chart-svg-c4") if width > 700 else ("chart-svg-narrow", "chart-svg-c2")
        )
        assert abs(drawing["width"] - drawing["plotWidth"]) <= 1
        assert drawing["height"] >= 300
        assert drawing["marks"] > 0
        assert drawing["painted"] == drawing["marks"]  # every mark drawn inside the chart's box
        assert page.locator(".chart-key").is_visible()
        assert page.locator(".chart-key li").count() > 0
        text = page.locator(".chart-plot .chart-svg:visible text").first
        assert text.is_visible()
    finally:
        context.close()


def plot_height(browser: Browser, url: str, width: int, *, script: bool) -> tuple[float, float]:
    """The chart's box once drawn (by the server alone, or by Plotly), and the layout shifts seen on the way."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(url)
        if not script:
            return float(page.evaluate("document.querySelector('.chart-plot').getBoundingClientRect().height")), 0.0
        reach_for_charts(page)
        page.wait_for_timeout(300)  # a resize after the first draw would show here
        assert page.locator(".chart-plot .chart-svg").count() == 0
        assert page.locator(".chart-plot .scatterlayer .point").count() > 0
        height = float(page.evaluate("document.querySelector('.chart-plot').getBoundingClientRect().height"))
        return height, float(page.evaluate("window.__shifts"))
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 600, 1280])
@pytest.mark.parametrize("path", EMBEDS)
def test_plotly_replaces_the_drawing_in_a_box_of_the_same_height(
    browser: Browser, live_server: LiveServer, width: int, path: str
) -> None:
    drawn, _ = plot_height(browser, live_server.url + path, width, script=False)
    interactive, shifts = plot_height(browser, live_server.url + path, width, script=True)
    assert abs(interactive - drawn) <= 2, (drawn, interactive)
    assert shifts < 0.01, shifts  # web.dev calls under 0.1 good


# Requests for the interactive chart: the plotly.js bundle and the chart's figure.
def interactive_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if "/assets/plotly." in url or ".plotly" in url.split("?")[0]]


@pytest.mark.parametrize("path", ["/embed/workers-abroad", "/embed/revenue", "/charts/workers-abroad"])
def test_the_drawing_paints_before_plotly_is_asked_for_and_a_hover_brings_the_interactive_chart(
    browser: Browser, live_server: LiveServer, path: str
) -> None:
    context = browser.new_context(viewport={"width": 800, "height": 900})
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live_server.url + path, wait_until="networkidle")
        page.wait_for_timeout(500)  # the browser is idle: still nothing, as long as no one reaches for the chart
        painted = page.evaluate(
            """() => performance.getEntriesByName('first-contentful-paint').length === 1
                   && [...document.querySelectorAll('.chart-plot .chart-svg')]
                        .some((svg) => svg.getBoundingClientRect().height > 0)"""
        )
        assert painted
        assert interactive_requests(requested) == []
        assert page.locator(".chart-plot .scatterlayer").count() == 0
        # The reader points at a mark of the drawing: the interactive chart comes, with the mark's hover label.
        mark = page.locator(".chart-plot .chart-svg:visible .cs-marks use").first
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.locator(".chart-plot.chart-drawn").first.wait_for(timeout=20_000)
        assert len(interactive_requests(requested)) == 2  # the bundle and this chart's figure, once each
        # Plotly reads the pointer on a layer above its points: move the mouse over one, as a reader would.
        point = page.locator(".chart-plot .scatterlayer path.point").first.bounding_box()
        assert point is not None
        page.mouse.move(point["x"] + point["width"] / 2 + 1, point["y"] + point["height"] / 2)
        page.mouse.move(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
        page.locator(".hoverlayer .hovertext").first.wait_for(timeout=5_000)
    finally:
        context.close()


def test_a_tap_on_a_phone_brings_the_interactive_chart(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/embed/revenue")
        assert page.locator(".chart-plot.chart-drawn").count() == 0
        page.locator(".chart-plot").tap()
        page.locator(".chart-plot.chart-drawn").wait_for(timeout=20_000)
        assert page.locator(".chart-plot .chart-svg").count() == 0
    finally:
        context.close()


def test_the_drawing_labels_the_mark_under_the_pointer_while_plotly_is_still_on_its_way(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route("**/assets/plotly.*", lambda route: route.abort())  # plotly.js never arrives
        page.goto(live_server.url + "/embed/revenue")
        mark = page.locator(".chart-plot .chart-svg:visible .cs-marks use").nth(2)
        # At this width the wide drawing shows; the first (the narrow one) names the marks, in the same order.
        assert mark.get_attribute("data-m") is None
        claim = page.locator(".chart-plot .chart-svg").first.locator(".cs-marks use").nth(2).get_attribute("data-m")
        box = mark.bounding_box()
        assert box is not None
        assert claim
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2)
        tip = page.locator(".chart-plot .chart-tip")
        tip.wait_for(state="visible", timeout=5_000)
        # The words Plotly's label would show for this claim, from the figure the page fetched.
        figure = page.request.get(live_server.url + "/charts/revenue.plotly").json()
        words = next(
            trace["hovertext"][index]
            for trace in figure["data"]
            for index, data in enumerate(trace.get("customdata") or [])
            if data and data[1] == claim
        )
        lines = [re.sub(r"<[^>]+>", "", line) for line in re.split(r"<br\s*/?>", words)]
        assert tip.locator(":scope > *").all_inner_texts() == [html.unescape(line) for line in lines]
        tip_box = tip.bounding_box()
        plot_box = page.locator(".chart-plot").bounding_box()
        assert tip_box is not None
        assert plot_box is not None
        assert plot_box["x"] <= tip_box["x"]
        assert tip_box["x"] + tip_box["width"] <= plot_box["x"] + plot_box["width"] + 1
        # Off the marks, the label goes.
        page.mouse.move(plot_box["x"] + 2, plot_box["y"] + plot_box["height"] + 40)
        expect(tip).to_be_hidden()
        assert page.locator(".chart-plot .scatterlayer").count() == 0
    finally:
        context.close()


def test_an_embed_paints_from_its_document_alone(browser: Browser, live_server: LiveServer) -> None:
    """An embed is mostly a reader's first visit: its styles come inside the document, so the first paint waits
    for no other request (scripts, which are deferred, aside)."""
    context = browser.new_context(viewport={"width": 800, "height": 900}, java_script_enabled=False)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live_server.url + "/embed/workers-abroad", wait_until="networkidle")
        assert [url for url in requested if url.endswith(".css")] == []
        assert page.locator("link[rel=stylesheet]").count() == 0
        # The site's stylesheet is what styles it: one drawing of four shown, the title set bold.
        assert page.locator(".chart-plot .chart-svg:visible").count() == 1
        assert page.locator(".chart-title").evaluate("(title) => getComputedStyle(title).fontWeight") == "700"
    finally:
        context.close()
