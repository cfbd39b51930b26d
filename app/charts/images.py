"""Static PNG and SVG images of a chart, for print and social media, rendered by kaleido in Chromium.

The title, the source line and the site's name are drawn into the image, since an
image travels without the page around it. Rendered bytes are kept per view and format.
"""

from __future__ import annotations

import copy
import os
import textwrap
import threading
from pathlib import Path
from typing import Any, Literal

from .describe import escape
from .views import ChartView

ImageFormat = Literal["png", "svg"]
WIDTH, HEIGHT = 1200, 675  # 16:9, the shape social cards use
TITLE_PX = 84
AXIS_PX = 30  # tick labels under the plot
LEGEND_PX = 56  # up to two rows of legend entries
FOOTER_PX = 44  # source line and site name
MEDIA_TYPES: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml"}


class ImageUnavailableError(RuntimeError):
    """No browser to render with, or the render failed."""


def static_figure(view: ChartView, site_name: str, url: str) -> dict[str, Any]:
    """The view's figure with its words drawn in, at the image's fixed size."""
    figure = copy.deepcopy(view.figure)
    layout = figure["layout"]
    label_top = layout["margin"]["t"]
    layout.update(width=WIDTH, height=HEIGHT, paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", autosize=False)
    bottom = AXIS_PX + LEGEND_PX + FOOTER_PX
    layout["margin"] = {"l": 72, "r": 24, "t": TITLE_PX + label_top, "b": bottom}
    plot_px = HEIGHT - layout["margin"]["t"] - bottom
    subtitle = "<br>".join(escape(line) for line in textwrap.wrap(view.subtitle, 150))
    # Drawn as annotations placed in pixels from the top: a multi-line title does not anchor reliably.
    top = 1 + (layout["margin"]["t"] - 12) / plot_px
    heading = {"xref": "paper", "yref": "paper", "x": 0, "xanchor": "left", "yanchor": "top", "showarrow": False}
    words = [
        heading | {"y": top, "text": f"<b>{escape(view.title)}</b>", "font": {"size": 22}},
        heading | {"y": top - 34 / plot_px, "text": subtitle, "font": {"size": 14, "color": "#4a4a4a"}},
    ]
    sources = "; ".join(view.publishers) or "none"
    footer = "<br>".join(escape(line) for line in textwrap.wrap(f"Sources: {sources}.", 190))
    layout["annotations"] = (
        [a for a in layout["annotations"] if a.get("visible", True)]
        + words
        + [
            {
                "text": f"{footer}<br><b>{escape(site_name)}</b> · {escape(url)}",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": -(bottom - 6) / plot_px,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "align": "left",
                "font": {"size": 11, "color": "#4a4a4a"},
            }
        ]
    )
    layout["legend"] = layout["legend"] | {"y": -AXIS_PX / plot_px, "yanchor": "top"}
    return {"data": figure["data"], "layout": layout}


class ImageRenderer:
    """Renders and keeps images; one render at a time, since they share one browser."""

    def __init__(self, browser_path: Path) -> None:
        self.browser_path = browser_path
        self._cache: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()
        self._started = False

    def render(self, view: ChartView, fmt: ImageFormat, site_name: str, url: str) -> bytes:
        key = (url, fmt)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        with self._lock:
            if key not in self._cache:
                self._cache[key] = self._render(static_figure(view, site_name, url), fmt)
            return self._cache[key]

    def _render(self, figure: dict[str, Any], fmt: ImageFormat) -> bytes:
        if not self.browser_path.is_file():
            raise ImageUnavailableError(f"No browser at '{self.browser_path}' to render images with")
        import kaleido  # imported on first use: it is only needed for images

        if not self._started:
            # kaleido finds the browser through BROWSER_PATH; MathJax is off because it would
            # come from a CDN, and this site requests nothing from other hosts.
            os.environ.setdefault("BROWSER_PATH", str(self.browser_path))
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            self._started = True
        try:
            image = kaleido.calc_fig_sync(figure, opts={"format": fmt, "width": WIDTH, "height": HEIGHT})
        except Exception as error:  # kaleido raises several kinds; the route answers 503 for any
            raise ImageUnavailableError(f"Rendering the {fmt} image failed: {error}") from error
        return bytes(image)

    def close(self) -> None:
        if self._started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            self._started = False
