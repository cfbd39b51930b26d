"""Hashed static assets (``app/routes/assets.py``): plotly.js from this site, under a name that changes with it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ..html import attr, one, parse


def test_plotly_is_served_from_this_site_under_a_hashed_name(small_client: TestClient) -> None:
    page = parse(small_client.get("/").text)
    # charts.js loads it when a reader reaches for a chart, from the address the page gives it.
    src = attr(one(page, "script[data-plotly]"), "data-plotly")
    assert src.startswith("/assets/plotly.")
    response = small_client.get(src)
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert response.text.startswith("/**\n* plotly.js (basic - minified) v")  # `make` fetched the basic bundle
    assert small_client.get("/assets/plotly.0000.js").status_code == 404
