"""What a reader's browser sees: bytes on the wire, when the chart is painted, when hovering it works.

Headless Debian Chromium driven by Playwright. Every visit starts in a fresh profile (a first visit) unless it
is a reload (a repeat visit). The page times itself (page_clock.js), so that every time is measured from
navigation start on the page's own clock.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

HERE = Path(__file__).resolve().parent
VIEWPORT = {"width": 800, "height": 900}
# plotly.js itself (the app's hashed asset or the reference's plotly.min.js), not the figure's `.plotly` twin.
PLOTLY_JS = re.compile(r"/plotly[^/?]*\.js(\?|$)")
HOVER_TIMEOUT_S = 30
JIGGLE_EVERY_S = 0.02
# A page whose server-drawn chart Plotly replaced before it was ever painted (scripts from the cache on a reload,
# before issue 12's lazy loading) never sets svgPaintedAt: its load event ends the wait, its visible time is NaN.
APP_PAINTED = "() => window.__bench.svgPaintedAt !== undefined || document.readyState === 'complete'"
PLOTLY_DONE = "() => window.__bench.chartDoneAt !== undefined"


def script(name: str) -> str:
    """One of the page scripts next to this module, without its leading comment lines (Playwright recognises a
    function only if the text starts with one)."""
    lines = (HERE / name).read_text().splitlines()
    return "\n".join(line for line in lines if not line.startswith("//"))


@dataclass(frozen=True)
class Fetched:
    """One response of a visit: when its request started (ms since navigation start) and its size on the wire
    (headers and encoded body, as Chromium received them)."""

    url: str
    started_ms: float
    wire_bytes: int
    is_document: bool


def bytes_started_before(fetched: list[Fetched], moment_ms: float) -> int:
    """Bytes of every response whose request started before ``moment_ms``, counted in full even if it finished
    later; the document always counts."""
    return sum(f.wire_bytes for f in fetched if f.is_document or f.started_ms < moment_ms)


def plotly_started_before(fetched: list[Fetched], moment_ms: float) -> bool:
    return any(PLOTLY_JS.search(f.url) and f.started_ms < moment_ms for f in fetched)


@dataclass(frozen=True)
class Navigation:
    """One visit of a page: bytes and the page clock's times (None when that moment never came)."""

    fetched: list[Fetched]
    fcp_ms: float | None
    svg_painted_ms: float | None
    all_svg_painted_ms: float | None
    chart_done_ms: float | None

    @property
    def wire_bytes(self) -> int:
        return sum(f.wire_bytes for f in self.fetched)

    @property
    def document_bytes(self) -> int:
        return sum(f.wire_bytes for f in self.fetched if f.is_document)

    def painted(self, at_ms: float | None) -> float:
        """A chart seen painted at ``at_ms`` is visible then, and not before the first contentful paint; NaN if it
        never was."""
        return float("nan") if at_ms is None else max(at_ms, self.fcp_ms or 0.0)

    @property
    def visible_ms(self) -> float:
        """Chart visible: the server-drawn SVG painted."""
        return self.painted(self.svg_painted_ms)

    @property
    def all_visible_ms(self) -> float:
        """All the page's server-drawn charts painted (a page with several)."""
        return self.painted(self.all_svg_painted_ms)

    @property
    def chart_ms(self) -> float:
        """Plotly has drawn every point (the references' time to chart)."""
        return float("nan") if self.chart_done_ms is None else self.chart_done_ms

    @property
    def bytes_until_visible(self) -> int:
        return bytes_started_before(self.fetched, self.visible_ms)

    @property
    def plotly_before_visible(self) -> bool:
        return plotly_started_before(self.fetched, self.visible_ms)


def resource_starts(entries: list[tuple[str, float]]) -> dict[str, list[float]]:
    """Resource Timing's start times by URL, in order. They share the page clock's origin, which Playwright's own
    request timestamps (wall-clock, taken later in the network stack) do not; Resource Timing's sizes are
    rounded (a flat 300 bytes of headers), which is why sizes come from Playwright. A URL without an entry
    (none expected) counts as started after everything."""
    starts: dict[str, list[float]] = {}
    for url, started in sorted(entries, key=lambda entry: entry[1]):
        starts.setdefault(url, []).append(started)
    return starts


def next_start(starts: dict[str, list[float]], url: str) -> float:
    """The earliest start of ``url`` not yet taken by another request for it."""
    remaining = starts.get(url)
    return remaining.pop(0) if remaining else float("inf")


def fresh_page(browser: Browser, expected_points: int = 0) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    context.add_init_script(f"window.__expectedPoints = {expected_points};\n" + script("page_clock.js"))
    return context, context.new_page()


def navigate(page: Page, go: Callable[[], object], ready: str) -> Navigation:
    """Run ``go`` (a goto or a reload), wait for ``ready`` and for the network to rest; read the page's clock."""
    responses: list[tuple[Any, bool]] = []

    def on_finished(request: Any) -> None:
        responses.append((request, request.resource_type == "document"))

    page.on("requestfinished", on_finished)
    go()
    page.wait_for_function(ready, timeout=30000)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", on_finished)
    clock = page.evaluate(
        """() => ({
            fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
            resources: performance.getEntriesByType('resource').map(e => [e.name, e.startTime]),
            ...window.__bench,
        })"""
    )
    starts = resource_starts(clock["resources"])
    fetched = []
    for request, is_document in responses:
        sizes = request.sizes()
        # A document has no Resource Timing entry: it starts the navigation, at 0.
        started = 0.0 if is_document else next_start(starts, request.url)
        fetched.append(
            Fetched(request.url, started, sizes["responseBodySize"] + sizes["responseHeadersSize"], is_document)
        )
    return Navigation(
        fetched, clock.get("fcp"), clock.get("svgPaintedAt"), clock.get("allSvgPaintedAt"), clock.get("chartDoneAt")
    )


@dataclass
class Visits:
    """First visits (fresh profiles) and repeat visits (a reload in the same profile) of one page."""

    first: list[Navigation] = field(default_factory=list)
    repeat: list[Navigation] = field(default_factory=list)

    def median(self, measure: Callable[[Navigation], float], repeat: bool = False) -> float:
        return float(statistics.median(measure(n) for n in (self.repeat if repeat else self.first)))

    def any_first(self, measure: Callable[[Navigation], bool]) -> bool:
        return any(measure(n) for n in self.first)


def visit(browser: Browser, url: str, runs: int, ready: str = APP_PAINTED, expected_points: int = 0) -> Visits:
    """First and repeat visits. A repeat visit reloads, which makes the browser revalidate the page (a 304)
    while assets with immutable names come from its cache."""
    visits = Visits()
    for _ in range(runs):
        context, page = fresh_page(browser, expected_points)
        try:
            visits.first.append(navigate(page, partial(page.goto, url), ready))
            visits.repeat.append(navigate(page, page.reload, ready))
        finally:
            context.close()
    return visits


def hover_once(browser: Browser, url: str) -> float:
    """Ms from navigation start until Plotly's hover label appears, the mouse jiggling over the chart's first
    mark every 20 ms from the moment there is one (see first_mark.js); NaN if it never does. The mouse is over
    the chart from the first frame that shows it, as a reader's may be: a page that waits for the pointer to
    enter the chart after its script has started never sees it enter."""
    context, page = fresh_page(browser)
    find_mark = script("first_mark.js")
    try:
        page.goto(url, wait_until="commit")
        deadline = time.monotonic() + HOVER_TIMEOUT_S
        jiggle = 0
        while time.monotonic() < deadline:
            try:
                found = page.evaluate(find_mark)
            except PlaywrightError:  # the document is being replaced: the navigation is not over
                found = None
            if found and "hoverAt" in found:
                return float(found["hoverAt"])
            if found:
                jiggle = 1 - jiggle
                page.mouse.move(found["x"] + jiggle, found["y"])
            time.sleep(JIGGLE_EVERY_S)
        # A page that never answers the hover fails its target rather than the whole run.
        print(f"  no hover label on {url} within {HOVER_TIMEOUT_S} s", file=sys.stderr)
        return float("nan")
    finally:
        context.close()


def time_to_hover(browser: Browser, url: str, runs: int) -> float:
    return statistics.median(hover_once(browser, url) for _ in range(runs))
