"""Every page in real Chromium: charts draw, nothing goes to another host, the console stays clean."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

from app.charts.figure import PLOT_MIN_PX

from ..tiny_data import dataset_version
from .conftest import LiveServer
from .interact import reach_for_charts

PAGES = [
    "/",
    "/charts/workers-abroad",
    "/charts/workers-worldwide",
    "/charts/repatriations",
    "/charts/revenue",
    "/charts/indicator?indicator=border_entries&countries=rus",
    "/countries",
    "/countries/rus",
    "/countries/chn",
    "/estimates/e0004",
    "/sources",
    "/sources/yonhap-2019-12-23",
    "/about",
    "/data",
]
WIDTHS = (1280, 375)


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


def watch(page: Page, server: LiveServer) -> PageLog:
    log = PageLog()
    own = urlsplit(server.url).netloc

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            log.console_errors.append(f"{message.type}: {message.text}")

    def on_request(request: Request) -> None:
        if urlsplit(request.url).netloc != own:
            log.foreign_requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.console_errors.append(f"pageerror: {error}"))
    page.on("request", on_request)
    return log


def wait_for_charts(page: Page) -> int:
    """Reach for every chart and wait until Plotly has drawn it; the number of charts."""
    return reach_for_charts(page)


def screenshot_name(path: str, width: int) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


# What a drawn chart holds, read from Plotly's own data: marker points of claims (with a link each) and of events,
# distinct claims (or series-year marks), and whether it is small multiples.
DRAWN_JS = """i => {
  const plot = document.querySelectorAll('.chart-plot')[i];
  const claims = plot.data.filter(t => t.customdata && t.meta !== 'event');
  const events = plot.data.filter(t => t.meta === 'event');
  return {
    claimPoints: claims.reduce((n, t) => n + t.x.length, 0),
    eventPoints: events.reduce((n, t) => n + t.x.length, 0),
    ids: new Set(claims.flatMap(t => t.customdata.map(c => c[1]))).size,
    panels: Boolean((plot.layout.meta || {}).panels),
  };
}"""
BOXES_JS = "els => els.map(el => el.getBoundingClientRect().toJSON())"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_draws_cleanly(page: Page, live_server: LiveServer, screenshots: Path, path: str, width: int) -> None:
    log = watch(page, live_server)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    charts = wait_for_charts(page)
    for index in range(charts):
        plot = page.locator(".chart-plot").nth(index)
        # A chart's table and events: in its block, or on a chart page in the page's parts (tabs).
        block = plot.locator(
            "xpath=ancestor::div[contains(@class, 'chart-block') or contains(@class, 'chart-page')][1]"
        )
        table_rows = block.locator("table.claims tbody tr").count()
        events = block.locator(".chart-events li").count()
        drawn = page.evaluate(DRAWN_JS, index)
        # Plotly draws one path.point per marker: a claim's (a range's at both ends) and each event's.
        assert plot.locator(".scatterlayer path.point").count() == drawn["claimPoints"] + drawn["eventPoints"]
        assert drawn["ids"] == table_rows, "every claim in the table is drawn, and only those"
        if drawn["panels"]:
            # Small multiples: every panel keeps a readable height, and no event lane (the list has them).
            heights = [box["height"] for box in plot.locator(".draglayer .nsewdrag").evaluate_all(BOXES_JS)]
            assert min(heights) >= 60, f"a panel squeezed to {min(heights)} px"
            assert drawn["eventPoints"] == 0
            continue
        assert drawn["eventPoints"] == events, "every listed event is marked in the lane"
        # However many series the legend lists, the plot itself keeps a readable height.
        area = plot.locator(".draglayer .xy .nsewdrag").bounding_box()
        assert area is not None
        assert area["height"] >= PLOT_MIN_PX - 4, f"plot squeezed to {area}"
        if plot.locator(".legend").count():
            legend, box = plot.locator(".legend").bounding_box(), plot.bounding_box()
            assert legend is not None
            assert box is not None
            assert legend["y"] + legend["height"] <= box["y"] + box["height"] + 1, "the legend runs out of the chart"
            # Plotly clips a legend taller than its maxheight behind a scrollbar: every entry must show.
            shown = "i => { const l = document.querySelectorAll('.chart-plot')[i]._fullLayout.legend;"
            shown += " return [l._effHeight, l._height]; }"
            visible_px, full_px = page.evaluate(shown, index)
            assert visible_px >= full_px - 1, "legend entries hidden behind a scrollbar"
        assert plot.locator(".modebar-btn").count() == 0, "no focusable buttons inside the chart"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    page.screenshot(path=str(screenshots / f"{screenshot_name(path, width)}-{width}.png"), full_page=True)
    assert log.console_errors == []
    assert log.foreign_requests == []


def test_clicking_a_point_opens_its_estimate(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/charts/repatriations")
    wait_for_charts(page)
    point = (
        page.locator(".scatterlayer .trace").filter(has=page.locator("path.point")).first.locator("path.point").first
    )
    box = point.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.locator(".hoverlayer .hovertext").first.wait_for(timeout=5000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
    assert "Claimant:" in hover
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/estimates/e\d{4}$"), timeout=5000)
    assert page.locator("h1").text_content()
    assert page.locator(".quote").count() == 1


def test_embed_code_is_copied_with_the_keyboard(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/charts/revenue")
        page.get_by_role("tab", name="Download · Embed · Cite").press("Enter")  # the embed code's tab
        button = page.locator("button[data-copy=embed-code]")
        button.focus()
        page.keyboard.press("Enter")
        status = button.locator("xpath=following-sibling::span[@role='status']")
        status.filter(has_text="Copied.").wait_for(timeout=5000)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#embed-code").input_value()
        # Pinned by default: the article keeps showing the release it cited.
        assert copied.startswith(f'<iframe src="{live_server.url}/v/{dataset_version()}/embed/revenue"')
        assert page.locator("#embed-code-latest").is_hidden()

        # "Always the latest", chosen by keyboard: its code replaces the pinned one, and is what gets copied.
        page.locator('input[name="embed-release"][value="pinned"]').focus()
        page.keyboard.press("ArrowDown")
        assert page.locator('input[name="embed-release"][value="latest"]').is_checked()
        assert page.locator("#embed-code").is_hidden()
        latest_button = page.locator("button[data-copy=embed-code-latest]")
        latest_button.focus()
        page.keyboard.press("Enter")
        latest_status = latest_button.locator("xpath=following-sibling::span[@role='status']")
        latest_status.filter(has_text="Copied.").wait_for(timeout=5000)
        assert page.evaluate("navigator.clipboard.readText()").startswith(
            f'<iframe src="{live_server.url}/embed/revenue"'
        )
    finally:
        context.close()
