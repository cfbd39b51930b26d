"""The map of host countries in Chromium: every country in its table is drawn and clickable, nothing is fetched
from another host, the page scroll is never taken, and the overview fetches the shapes only when it nears them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from .conftest import LiveServer

WIDTHS = (1280, 375)


def requests_of(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def dot_of(page: Page, iso3: str) -> tuple[float, float]:
    """Where the map draws a country's dot, in page pixels, from the plot's own data and axes."""
    script = """iso3 => {
      const plot = document.querySelector('[data-map]');
      const dots = plot.data.find(trace => trace.name === 'places');
      const i = dots.customdata.indexOf('/countries/' + iso3.toLowerCase());
      const box = plot.querySelector('.nsewdrag').getBoundingClientRect();
      const xa = plot._fullLayout.xaxis, ya = plot._fullLayout.yaxis;
      return [box.left + xa.l2p(dots.x[i]), box.top + ya.l2p(dots.y[i])];
    }"""
    x, y = page.evaluate(script, iso3)
    return float(x), float(y)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_country_in_the_table_is_drawn_and_clickable(page: Page, live_server: LiveServer, width: int) -> None:
    seen = requests_of(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/map")
    page.locator("[data-map][data-drawn]").wait_for(timeout=15000)
    links = page.locator("table.map-table tbody th a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(links) > 20
    # One dot (a Plotly path.point) per country in the table, small ones included, each linking to its page.
    assert page.locator(".host-map-plot .scatterlayer path.point").count() == len(links)
    drawn = page.evaluate("document.querySelector('[data-map]').data.find(t => t.name === 'places').customdata")
    assert drawn == links
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    # Hover names the country, its range, its claims and year; a click opens its page.
    x, y = dot_of(page, "MLT")
    page.mouse.move(x, y)
    page.locator(".hoverlayer .hovertext").first.wait_for(timeout=5000)
    hover = page.locator(".hoverlayer .hovertext").first.text_content() or ""
    assert re.fullmatch(
        r"Malta.*workers1 claim from 1 source, 20\d\dClick \(on a phone, tap again\) for its claims", hover
    ), hover
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/countries/mlt$"), timeout=5000)
    own = urlsplit(live_server.url).netloc
    assert [url for url in seen if urlsplit(url).netloc != own] == []
    assert any("/assets/world." in url for url in seen)
    assert errors == []


def test_the_wheel_scrolls_the_page_not_the_map(page: Page, live_server: LiveServer) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(live_server.url + "/map")
    page.locator("[data-map][data-drawn]").wait_for(timeout=15000)
    box = page.locator(".host-map-plot").bounding_box()
    assert box is not None
    ranges = (
        "(() => { const l = document.querySelector('[data-map]').layout; return [l.xaxis.range, l.yaxis.range]; })()"
    )
    before = page.evaluate(ranges)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 40)
    page.mouse.wheel(0, 300)
    page.wait_for_function("() => window.scrollY > 0", timeout=5000)
    assert page.evaluate(ranges) == before


def test_the_overview_fetches_the_shapes_only_near_the_map(page: Page, live_server: LiveServer) -> None:
    seen = requests_of(page)
    page.goto(live_server.url + "/", wait_until="networkidle")
    assert not any("/assets/world." in url for url in seen)
    page.locator(".map-section").scroll_into_view_if_needed()
    page.locator(".map-section [data-map][data-drawn]").wait_for(timeout=15000)
    assert any("/assets/world." in url for url in seen)
    assert page.locator(".map-section .scatterlayer path.point").count() > 20


def test_a_vertical_swipe_on_the_map_scrolls_the_page_on_a_phone(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/map")
    page.locator("[data-map][data-drawn]").wait_for(timeout=15000)
    box = page.locator(".host-map-plot").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    touch = context.new_cdp_session(page)
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 15 * step}]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("() => window.scrollY > 50", timeout=5000)
    assert page.url.endswith("/map"), "a swipe is not a tap: no country page opened"
    context.close()


def test_a_tap_previews_a_country_and_a_second_tap_opens_it(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/map")
    page.locator("[data-map][data-drawn]").wait_for(timeout=15000)
    page.locator(".host-map-plot").scroll_into_view_if_needed()
    x, y = dot_of(page, "CHN")
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(700)
    assert page.url.endswith("/map"), "the first tap left the map"
    assert "China" in (page.locator(".hoverlayer .hovertext").first.text_content() or "")
    with page.expect_navigation():
        page.touchscreen.tap(x, y)
    assert page.url.endswith("/countries/chn")
    context.close()
