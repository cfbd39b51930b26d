"""The full-bundle static reference (issue 12): a static page that loads the full plotly.js bundle with a
plain `<script src>` and draws the embed's very figure with `Plotly.newPlot`: what a newsroom gets by
exporting a chart as a page. nginx serves it pre-compressed, like the app's mirror (static_site.py)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .figure import Figure
from .servers import ROOT

# `make bench` fetches npm's plotly.js-dist-min here, at the version of the vendored basic bundle.
BUNDLE_CACHE = ROOT / "bench" / ".cache"
REFERENCE_PATH = "/reference/"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script src="plotly.min.js"></script>
</head>
<body>
<div id="chart"></div>
<script type="application/json" id="figure">{figure}</script>
<script>
const figure = JSON.parse(document.getElementById("figure").textContent);
Plotly.newPlot("chart", figure.data, figure.layout, figure.config || {{}});
</script>
</body>
</html>
"""


def full_bundle(version: str) -> Path:
    """The full plotly.js bundle `make bench` fetched; a clear message if it has not."""
    path = BUNDLE_CACHE / f"plotly-{version}.min.js"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run `make bench-tools` (it fetches plotly.js-dist-min@{version})")
    return path


def page_html(figure: Figure, title: str = "Full-bundle reference") -> str:
    """The reference page. `</` is escaped in the JSON so that no string in the figure can close the script."""
    figure_json = json.dumps(figure, separators=(",", ":")).replace("</", "<\\/")
    return _PAGE.format(title=html.escape(title), figure=figure_json)


def reference_files(figure: Figure, bundle: Path) -> dict[str, bytes]:
    """The reference's files by URL path, for a static site."""
    return {
        REFERENCE_PATH + "index.html": page_html(figure).encode(),
        REFERENCE_PATH + "plotly.min.js": bundle.read_bytes(),
    }
