"""The overview and the method page (``app/routes/pages.py``), read as parsed HTML."""

from __future__ import annotations

import csv
import json
from collections import Counter

from fastapi.testclient import TestClient

from ..html import attr, parse, text
from ..tiny_data import REAL_DATA


def test_about_lists_every_indicator_with_its_row_count(client: TestClient) -> None:
    response = client.get("/about")
    assert response.status_code == 200
    with (REAL_DATA / "estimates.csv").open(encoding="utf-8") as handle:
        counts = Counter(row["indicator"] for row in csv.DictReader(handle))
    descriptor = json.loads((REAL_DATA / "datapackage.json").read_text(encoding="utf-8"))
    estimates = next(resource for resource in descriptor["resources"] if resource["name"] == "estimates")
    indicator = next(field for field in estimates["schema"]["fields"] if field["name"] == "indicator")
    page = parse(response.text)
    for category in indicator["categories"]:
        row = page.select_one(f"tr#indicator-{category['value']}")
        assert row is not None, category["value"]
        assert text(row, ".indicator-label") == category["label"]
        assert text(row, ".count") == str(counts[category["value"]])


def test_about_shows_the_date_span_and_unknown_periods(client: TestClient) -> None:
    with (REAL_DATA / "estimates.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["indicator"] == "workers_abroad"]
    dated = [row for row in rows if row["period_precision"] != "unknown"]
    row = parse(client.get("/about").text).select_one("tr#indicator-workers_abroad")
    assert row is not None
    times = [time["datetime"] for time in row.select("time")]
    assert times == [min(r["period_start"] for r in dated), max(r["period_end"] for r in dated)]
    assert text(row, ".undated") == f"{len(rows) - len(dated)} undated"


def test_home_links_every_download(client: TestClient) -> None:
    links = {a["href"] for a in parse(client.get("/").text).select(".downloads a")}
    for table in ("estimates", "sources", "events", "countries"):
        assert {f"/data/{table}.csv", f"/data/{table}.json"} <= links
        assert client.get(f"/data/{table}.csv").status_code == 200


def test_home_headlines_are_ranges_with_their_claims(client: TestClient) -> None:
    page = parse(client.get("/").text)
    russia = next(h for h in page.select(".headline") if text(h, "h3") == "Workers in Russia")
    assert text(russia, ".headline-figure") == "about 4,000 to about 15,000 workers"
    claims = [attr(a, "href") for a in russia.select(".headline-claims a")]
    assert len(claims) == 2
    assert all(href.startswith("/estimates/e") for href in claims)


def test_head_requests_are_answered(client: TestClient) -> None:
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200
