"""The chart explorer driven as a reader drives it: clicks, typing, keyboard, touch, and no JavaScript at all.

Each test checks the address and what the chart draws (the trace names Plotly holds), not the form's own state.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import LiveServer
from .interact import reach_for_charts

CHART = "/charts/workers-abroad"
# The traces that draw claims: not the legend's colour swatches (no links), not the events lane.
CLAIMS_JS = "(t => t.customdata && t.meta !== 'event')"
NAMES_JS = f"() => (document.querySelector('#part-chart .chart-plot').data || []).filter({CLAIMS_JS}).map(t => t.name)"


def drawn_countries(page: Page) -> set[str]:
    """The countries of the drawn series ("Russia: Primorsky Krai" is Russia), events left out."""
    names: list[str] = page.evaluate(NAMES_JS)
    return {name.split(":", 1)[0] for name in names if name}


def wait_for_countries(page: Page, wanted: set[str]) -> None:
    page.wait_for_function(
        "wanted => { const plot = document.querySelector('#part-chart .chart-plot.chart-drawn');"
        " if (!plot || !plot.data) return false;"
        f" const got = new Set(plot.data.filter({CLAIMS_JS}).map(t => t.name).map(n => n.split(':')[0]));"
        " return got.size === wanted.length && wanted.every(w => got.has(w)); }",
        arg=sorted(wanted),
    )


def figures_on_screen(page: Page) -> list[str]:
    """The address of the figure of every chart the page holds now (its .plotly twin, with the view's filters)."""
    sources: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('.chart-plot[data-figure-src]')].map(p => p.dataset.figureSrc)"
    )
    return sources


def assert_shows_the_view_of_its_address(page: Page) -> None:
    """What was swapped in is what the server answers for the address now in the bar, chart for chart."""
    served = page.request.get(page.url).text()
    expected = [html.unescape(source) for source in re.findall(r'data-figure-src="([^"]+)"', served)]
    assert expected
    assert figures_on_screen(page) == expected


def open_filters(page: Page) -> None:
    """At phone width the form is folded behind "Filter"; open it, then the country list."""
    toggle = page.locator(".explorer-toggle")
    if toggle.is_visible():
        expect(page.locator("#main-filters")).to_be_hidden()
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    page.locator(".country-picker summary").click()


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def wide_or_narrow(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


def test_ticking_countries_redraws_the_chart_and_the_back_button_restores(
    wide_or_narrow: Page, live_server: LiveServer
) -> None:
    page = wide_or_narrow
    page.goto(live_server.url + CHART)
    reach_for_charts(page)
    open_filters(page)
    page.get_by_role("checkbox", name="China", exact=True).click()
    page.wait_for_url(re.compile(r"/charts/workers-abroad\?countries=chn$"))
    wait_for_countries(page, {"China"})
    page.get_by_role("checkbox", name="Russia", exact=True).click()
    page.wait_for_url(re.compile(r"\?countries=chn,rus$"))
    wait_for_countries(page, {"China", "Russia"})
    rows = page.locator("#part-table table.claims tbody tr").count()
    expect(page.locator("[data-explorer-status]")).to_have_text(f"Showing {rows} claims")
    expect(page.locator(".country-picker-chosen")).to_have_text("China, Russia")

    page.go_back()
    page.wait_for_url(re.compile(r"\?countries=chn$"))
    wait_for_countries(page, {"China"})
    expect(page.get_by_role("checkbox", name="Russia", exact=True)).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="China", exact=True)).to_be_checked()


def test_the_search_box_narrows_the_country_list(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + CHART)
    reach_for_charts(page)
    open_filters(page)
    page.get_by_label("Find a country").press_sequentially("rus")
    visible = page.locator(".country-region input[type=checkbox]:visible")
    expect(visible).to_have_count(1)
    expect(page.get_by_role("checkbox", name="Russia", exact=True)).to_be_visible()
    expect(page.locator(".country-count")).to_have_text("1 country matches")
    page.get_by_label("Find a country").fill("")
    page.get_by_label("Find a country").press("Backspace")
    assert page.locator(".country-region input[type=checkbox]:visible").count() > 20
    assert page.url == live_server.url + CHART  # searching is not filtering
    # By keyboard: search, Tab to the one box left, Space ticks it.
    page.get_by_label("Find a country").press_sequentially("chin")
    page.keyboard.press("Enter")  # only narrows the list, never submits
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="China", exact=True)).to_be_focused()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"\?countries=chn$"))
    wait_for_countries(page, {"China"})


def test_years_and_scale_by_keyboard(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + CHART + "?countries=rus")
    reach_for_charts(page)
    page.get_by_label("From").focus()
    page.keyboard.type("2017")
    page.keyboard.press("Tab")  # leaving the field commits it
    page.wait_for_url(re.compile(r"\?countries=rus&from=2017$"))
    page.wait_for_selector("#part-chart .chart-drawn")  # swapped in; drawn at once, plotly.js being loaded
    years = page.evaluate(
        "() => document.querySelector('#part-chart .chart-plot').data"
        f".filter({CLAIMS_JS}).flatMap(t => t.x || []).map(x => Number(String(x).slice(0, 4)))"
    )
    assert years
    assert min(years) >= 2016
    page.get_by_label("To").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # from Linear to Log in the radio group
    page.wait_for_url(re.compile(r"&from=2017&scale=log$"))
    page.wait_for_selector("#part-chart .chart-drawn")
    assert_shows_the_view_of_its_address(page)
    # A range the server refuses: its message shows next to the form, the chart and address stay.
    page.get_by_label("To").fill("2010")
    page.get_by_label("To").press("Enter")
    expect(page.locator("[data-explorer-error]")).to_have_text("to: 2010 is before from=2017")
    assert page.url.endswith("&from=2017&scale=log")
    expect(page.locator("#part-chart .chart-plot")).to_be_visible()


def test_the_indicator_choice_redraws_revenue(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/charts/revenue")
    reach_for_charts(page)
    before = page.evaluate("() => document.querySelector('#part-chart .chart-plot').data.length")
    page.get_by_label("Indicator").select_option("revenue_total")
    page.wait_for_url(re.compile(r"/charts/revenue\?indicator=revenue_total$"))
    page.wait_for_function(
        "() => document.querySelector('#part-chart .chart-plot.chart-drawn') !== null"
        " && location.search.includes('revenue_total')"
    )
    subtitle = page.locator(".chart-page-subtitle").inner_text()
    assert before > 0
    assert subtitle
    page.get_by_role("link", name="Reset").click()
    page.wait_for_url(re.compile(r"/charts/revenue$"))


def touch_context(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)


def test_a_phone_filters_by_tapping(browser: Browser, live_server: LiveServer) -> None:
    context = touch_context(browser)
    page = context.new_page()
    page.goto(live_server.url + CHART)
    reach_for_charts(page)
    expect(page.locator("#main-filters")).to_be_hidden()
    page.locator(".explorer-toggle").tap()
    page.locator(".country-picker summary").tap()
    box = page.get_by_role("checkbox", name="China", exact=True)
    size = page.locator(".country-region label", has=box).bounding_box()
    assert size is not None
    assert size["height"] >= 40
    box.tap()
    page.wait_for_url(re.compile(r"\?countries=chn$"))
    wait_for_countries(page, {"China"})
    page.get_by_text("Log", exact=True).tap()
    page.wait_for_url(re.compile(r"\?countries=chn&scale=log$"))
    expect(page.locator(".explorer-toggle")).to_have_text("Filter: China, log scale")
    page.locator(".explorer-toggle").tap()  # fold the form away again: the chart is in view
    expect(page.locator("#main-filters")).to_be_hidden()
    context.close()


def claims_drawn(page: Page) -> int:
    count: int = page.evaluate(
        "() => document.querySelector('#part-chart .chart-plot').data"
        f".filter({CLAIMS_JS}).reduce((n, t) => n + (t.x || []).length, 0)"
    )
    return count


def test_as_reported_by_shows_what_was_known_then(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + CHART + "?countries=rus")
    reach_for_charts(page)
    everything = claims_drawn(page)
    page.get_by_label("As reported by").fill("2019-12-22")
    page.wait_for_url(re.compile(r"\?countries=rus&as_of=2019-12-22$"))
    page.wait_for_selector("#part-chart .chart-drawn")  # the chart swapped in, drawn
    assert 0 < claims_drawn(page) < everything
    assert_shows_the_view_of_its_address(page)


def test_without_javascript_the_form_lands_on_the_filtered_page(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + CHART)
    page.locator(".country-picker summary").click()
    page.get_by_role("checkbox", name="Russia", exact=True).check()
    page.get_by_role("checkbox", name="China", exact=True).check()
    page.get_by_label("From").fill("2017")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"/charts/workers-abroad\?countries=chn,rus&from=2017$"))
    places = page.locator("#part-table table.claims tbody td:nth-of-type(2)").all_text_contents()
    assert places
    assert {place.split(":")[0] for place in places} == {"China", "Russia"}
    # Every part of the page is there, in order, with no tabs.
    for part in ("#part-chart", "#part-table", "#part-sources", "#part-take-away"):
        expect(page.locator(part)).to_be_visible()
    context.close()


def test_download_is_a_few_key_presses_away(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + CHART)
    reach_for_charts(page)
    presses = 0
    while page.evaluate("() => document.activeElement.getAttribute('role')") != "tab":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 25, "the tabs are out of the keyboard's reach"
    # Skip link, 7 header links, breadcrumb, 12 controls (the date field's 3 parts); the tabs next.
    assert presses <= 21
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    download = page.get_by_role("tab", name="Download · Embed · Cite")
    expect(download).to_be_focused()
    expect(download).to_have_attribute("aria-selected", "true")
    expect(page.locator("#part-take-away")).to_be_visible()
    expect(page.locator("#part-chart")).to_be_hidden()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="CSV", exact=True)).to_be_focused()
    # The table is one arrow back, open.
    page.get_by_role("tab", name="Download · Embed · Cite").focus()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#part-table details.chart-data")).to_have_attribute("open", "")
    expect(page.locator("#part-table table.claims")).to_be_visible()


def test_a_country_page_filters_every_chart(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/countries/rus")
    reach_for_charts(page)
    charts = page.locator(".chart-section .chart-plot").count()
    page.get_by_text("Log", exact=True).click()
    page.get_by_label("From").fill("2018")
    page.get_by_label("From").press("Enter")
    page.wait_for_url(re.compile(r"/countries/rus\?from=2018&scale=log$"))
    page.wait_for_function(
        "n => document.querySelectorAll('.chart-section .chart-plot.chart-drawn').length === n", arg=charts
    )
    assert_shows_the_view_of_its_address(page)
    compare = page.get_by_role("link", name="Compare Russia with other countries")
    assert "countries=rus" in (compare.get_attribute("href") or "")
