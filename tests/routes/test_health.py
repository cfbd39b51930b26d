"""Readiness and what is loaded (``app/routes/health.py``)."""

from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import warmup
from app.charts.query import ChartQuery
from app.charts.registry import ChartSpec
from app.data.releases import frozen_releases
from app.data.stamp import fingerprint
from app.editions import Edition
from app.settings import Settings

from ..clients import app_client
from ..tiny_data import REAL_DATA, dataset_version

BROWSER = Settings().browser_path
IMAGES = {"can_render": True} if BROWSER.is_file() else {"can_render": False, "reason": f"no browser at {BROWSER}"}
RELEASED = [release.version for release in frozen_releases(REAL_DATA)]  # oldest first, the latest last


def test_healthz_reports_version_row_counts_and_where_the_data_came_from(client: TestClient) -> None:
    counts = {}
    for table in ("estimates", "sources", "events", "countries"):
        with (REAL_DATA / f"{table}.csv").open(encoding="utf-8") as handle:
            counts[table] = sum(1 for _ in csv.DictReader(handle))
    health = client.get("/healthz").json()
    loaded_at = health["dataset"].pop("loaded_at")
    assert loaded_at.endswith("+00:00")
    assert health == {
        "status": "ok",
        "dataset": {
            "version": dataset_version(),
            "rows": counts,
            "releases": RELEASED,
            "loaded_from": "data",
            "fingerprint": fingerprint(REAL_DATA)[:16],
        },
        "last_reload": None,
        "last_rejected_edit": None,
        "images": IMAGES,
    }


def test_healthz_is_degraded_when_images_cannot_render(tiny: Path, cache_dir: Path) -> None:
    missing = Path("/nonexistent/chromium")
    with app_client(Settings(data_dir=tiny, cache_dir=cache_dir, browser_path=missing)) as client:
        health = client.get("/healthz").json()
    assert health["status"] == "degraded"
    assert health["images"] == {"can_render": False, "reason": "no browser at /nonexistent/chromium"}


def test_readyz_says_ready_only_once_the_country_pages_charts_are_built(
    tiny: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For a load balancer: a new process gets traffic once the first burst cannot stall it."""
    gate = threading.Event()
    queries = warmup.country_queries

    def held_queries(edition: Edition) -> list[tuple[ChartSpec, ChartQuery]]:
        gate.wait(timeout=30)
        return queries(edition)

    monkeypatch.setattr(warmup, "country_queries", held_queries)
    with app_client(Settings(data_dir=tiny, cache_dir=cache_dir)) as client:
        waiting = client.get("/readyz", headers={"Host": "10.0.0.7"})  # any host: probes come by IP address
        assert waiting.status_code == 503
        assert waiting.headers["retry-after"] == "1"
        assert waiting.json()["ready"] is False
        assert client.get("/healthz").status_code == 200  # alive all along
        gate.set()
        deadline = time.monotonic() + 20
        while client.get("/readyz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/readyz").json() == {"ready": True}
        assert client.get("/readyz").headers.get("cache-control") is None  # never kept
