"""What a reader sees of a chart's marks in a real Chromium: small multiples that fit the width, one legend entry
per country, the events lane, and a phone's touch: a swipe scrolls the page, a tap shows a claim before opening it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import LiveServer
from .interact import reach_for_charts

FEW = "/charts/workers-abroad?countries=chn,pol,rus"  # the normal form: other spellings redirect to it


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    yield context
    context.close()


def drawn(page: Page, url: str, *, tap: bool = False) -> None:
    page.goto(url)
    reach_for_charts(page, tap=tap)


@pytest.mark.parametrize(("width", "columns"), [(1280, 4), (375, 2)])
def test_small_multiples_take_as_many_columns_as_the_width_holds(
    browser: Browser, live_server: LiveServer, width: int, columns: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    drawn(page, f"{live_server.url}/charts/workers-abroad")
    grid = page.evaluate("document.querySelector('.chart-plot')._fullLayout.grid")
    panels = page.locator(".chart-plot .annotation-text", has_text="China").count()
    assert panels == 1
    assert grid["columns"] == columns
    titles = page.evaluate(
        "document.querySelector('.chart-plot').layout.annotations.filter(a => a.name === 'panel-title').length"
    )
    assert grid["rows"] == -(-titles // columns)
    # Every panel's title is drawn inside the chart's box, none cut off at the bottom.
    box = page.locator(".chart-plot").bounding_box()
    last = page.locator(".chart-plot .annotation").last.bounding_box()
    assert box is not None
    assert last is not None
    assert last["y"] + last["height"] <= box["y"] + box["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_one_plot_names_countries_in_the_legend_and_events_in_their_lane(page: Page, live_server: LiveServer) -> None:
    drawn(page, live_server.url + FEW)
    legend = page.evaluate("[...document.querySelectorAll('.chart-plot .legend .traces')].map(t => t.textContent)")
    assert sorted(text.strip() for text in legend) == ["China", "Poland", "Russia"]
    lane = page.evaluate(
        "document.querySelector('.chart-plot').data.filter(t => t.meta === 'event').map(t => t.x.length)"
    )
    listed = page.locator(".chart-events li").count()
    assert sum(lane) == listed > 0
    # The lane keeps its 30 px whatever the chart's height.
    lane_px = page.evaluate(
        "(() => { const l = document.querySelector('.chart-plot')._fullLayout; return l.yaxis2._length; })()"
    )
    assert 28 <= lane_px <= 32
    arrows = page.locator(".chart-plot .annotation-arrow-g").count()
    assert arrows > 0, "open-ended figures draw their arrow"
    key = page.locator(".chart-key li").all_inner_texts()
    assert any("'at least'" in entry for entry in key)


def test_log_scale_draws_a_log_axis(page: Page, live_server: LiveServer) -> None:
    drawn(page, live_server.url + FEW + "&scale=log")
    assert page.evaluate("document.querySelector('.chart-plot')._fullLayout.yaxis.type") == "log"
    assert "not drawn: a log scale has no zero" in page.locator(".chart-panels-note").first.inner_text()


def swipe_up(context: BrowserContext, page: Page, x: float, y: float) -> None:
    """A finger dragged 250 px up: real touch events through the browser's input pipeline."""
    cdp = context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - step * 25}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(400)


def test_a_swipe_over_a_chart_scrolls_the_page(phone: BrowserContext, live_server: LiveServer) -> None:
    page = phone.new_page()
    drawn(page, live_server.url + FEW, tap=True)
    plot = page.locator(".chart-plot")
    plot.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    before = page.evaluate("document.querySelector('.chart-plot')._fullLayout.yaxis.range")
    box = plot.bounding_box()
    assert box is not None
    swipe_up(phone, page, box["x"] + box["width"] / 2, box["y"] + 120)
    assert page.evaluate("window.scrollY") > 100, "the chart captured the swipe"
    assert page.evaluate("document.querySelector('.chart-plot')._fullLayout.yaxis.range") == before


def test_a_tap_shows_the_claim_and_a_second_tap_opens_it(phone: BrowserContext, live_server: LiveServer) -> None:
    page = phone.new_page()
    drawn(page, live_server.url + FEW, tap=True)
    point = page.locator(".chart-plot .scatterlayer .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(700)
    assert page.url == live_server.url + FEW, "the first tap left the page"
    assert "tap again" in (page.locator(".chart-plot .hovertext").first.text_content() or "")
    with page.expect_navigation():
        page.touchscreen.tap(x, y)
    assert "/estimates/e" in page.url
