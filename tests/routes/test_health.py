"""Liveness and what is loaded (``app/routes/health.py``)."""

from __future__ import annotations

import csv

from fastapi.testclient import TestClient

from app.data.releases import frozen_releases

from ..tiny_data import REAL_DATA, dataset_version

RELEASED = [release.version for release in frozen_releases(REAL_DATA)]  # oldest first, the latest last


def test_healthz_reports_version_and_row_counts(client: TestClient) -> None:
    counts = {}
    for table in ("estimates", "sources", "events", "countries"):
        with (REAL_DATA / f"{table}.csv").open(encoding="utf-8") as handle:
            counts[table] = sum(1 for _ in csv.DictReader(handle))
    assert client.get("/healthz").json() == {
        "status": "ok",
        "dataset": {"version": dataset_version(), "rows": counts, "releases": RELEASED},
    }
