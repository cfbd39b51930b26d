"""The embed's figure, as the app serves it, and what drawing it in full means (its number of points)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

CHART_SLUG = "workers-abroad"
FIGURE_TWIN = f"/charts/{CHART_SLUG}.plotly"
EMBED = f"/embed/{CHART_SLUG}"
_JSON_SCRIPT = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)

Figure = dict[str, Any]


def is_figure(value: object) -> bool:
    return isinstance(value, dict) and "data" in value and "layout" in value


def figures_in_html(html: str) -> list[Figure]:
    """The Plotly figures a page carries inline as `<script type="application/json">` (before issue 12's lazy
    loading). Other JSON on the page (the map's settings) is left out."""
    found = (json.loads(match.group(1)) for match in _JSON_SCRIPT.finditer(html))
    return [figure for figure in found if is_figure(figure)]


def embed_figure(app: httpx.Client) -> Figure:
    """The figure the embed draws: from its `.plotly` twin when the app has one (issue 12), else inline in the
    embed's HTML. ``app`` has the app's address as its base URL."""
    twin = app.get(FIGURE_TWIN)
    if twin.status_code == 200:
        figure = twin.json()
        if is_figure(figure):
            return dict(figure)
        raise ValueError(f"{FIGURE_TWIN} answered JSON without 'data' and 'layout': {sorted(figure)[:10]}")
    inline = figures_in_html(app.get(EMBED).text)
    if not inline:
        raise ValueError(f"Neither {FIGURE_TWIN} (HTTP {twin.status_code}) nor {EMBED} has the chart's figure")
    return inline[0]


def expected_points(figures: list[Figure]) -> int:
    """Markers the figures draw: one `path.point` per x value of every marker trace with a link (claims and
    events; a legend's colour swatch has no point)."""
    return sum(
        len(trace["x"])
        for figure in figures
        for trace in figure["data"]
        if trace.get("mode") == "markers" and trace.get("customdata")
    )
