"""Work a fresh process would otherwise do on its first requests, done as it starts.

A server that has just been deployed meets its first burst of readers cold. Two things were left to
those readers: Starlette builds its middleware stack, and FastAPI each route's dependency plan, on the
first request that reaches them; and a country page's charts were built on its first request (about
120 ms for the largest, while 50 readers waited). ``warm_routes`` runs before the server listens and
costs a few tens of milliseconds; the country views are built in a background thread once it listens,
most documented country first, so the start itself is not delayed.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import replace

from starlette.types import ASGIApp, Message

from .charts.query import ChartQuery, parse_query
from .charts.registry import INDICATOR_CHART_SLUG, ChartSpec
from .domain.summaries import country_summaries
from .editions import Edition

# A path no route answers: routing it builds every route's plan on the way to the 404.
UNROUTED_PATH = "/.well-known/warm-up"


async def warm_routes(app: ASGIApp, host: str) -> int:
    """Send one request through the whole app, in process; its status (404)."""
    status = 0

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": UNROUTED_PATH,
        "raw_path": UNROUTED_PATH.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", host.encode("ascii"))],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
    }
    await app(scope, receive, send)
    return status


def country_queries(edition: Edition) -> list[tuple[ChartSpec, ChartQuery]]:
    """The views a country page shows with no filters, the most documented country first."""
    views = edition.views
    spec = views.specs[INDICATOR_CHART_SLUG]
    shared = parse_query(spec, {}, [])
    summaries = sorted(country_summaries(edition.release), key=lambda summary: -summary.estimates)
    return [
        (spec, replace(shared, indicator=indicator, countries=(summary.iso3,)))
        for summary in summaries
        for indicator in summary.indicators
    ]


class CountryWarmer:
    """Builds the country pages' views in a daemon thread; ``stop`` ends it between two views."""

    def __init__(self, edition: Edition, done: threading.Event | None = None) -> None:
        self.edition = edition
        self.built = 0
        self.done = done or threading.Event()  # set once every country view is built (not when stopped)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="warm-country-views", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        views = self.edition.views
        for spec, query in country_queries(self.edition):
            if self._stopping.is_set():
                return
            views.get(spec, query)  # kept in the views' cache, where the page looks first
            self.built += 1
        # Everything warm now lives as long as the process: out of the collector's sight, a full collection
        # under load no longer walks it (it stalled /healthz for 100-220 ms during a hostile run).
        gc.collect()
        gc.freeze()
        self.done.set()  # ready (/readyz) once the collection is behind us too
