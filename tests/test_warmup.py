"""A fresh process does its first requests' work as it starts: the first readers after a deploy meet a warm server."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi import FastAPI

from app.context import AppContext
from app.main import create_app
from app.settings import Settings
from app.warmup import country_queries, warm_routes

from .clients import app_client
from .tiny_data import REAL_DATA
from .view_builds import count_builds


def test_every_country_pages_charts_are_built_after_start_and_the_pages_build_none(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with app_client(Settings(data_dir=REAL_DATA, cache_dir=cache_dir)) as client:
        context: AppContext = client.app.state.context  # type: ignore[attr-defined]
        views = context.latest.views
        wanted = len(country_queries(context.latest))
        assert wanted > 100  # every host country's indicators
        deadline = time.monotonic() + 30
        while views.cached() < wanted and time.monotonic() < deadline:
            time.sleep(0.05)
        assert views.cached() == wanted

        builds = count_builds(views, monkeypatch)
        for code in ("rus", "chn", "kwt", "pol"):
            assert client.get(f"/countries/{code}").status_code == 200
        assert builds == []  # the pages found their charts ready


def run_in_own_loop(host: str, app: FastAPI) -> int:
    """``warm_routes`` on an event loop of its own thread: the browser tests' Playwright keeps one running in this."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, warm_routes(app, host)).result()


def test_the_warm_up_request_goes_through_every_layer_to_the_router(cache_dir: Path) -> None:
    app = create_app(Settings(data_dir=REAL_DATA, cache_dir=cache_dir))
    assert run_in_own_loop("localhost", app) == 404  # routed and not found: not refused by the host check
    assert run_in_own_loop("evil.example", app) == 400
