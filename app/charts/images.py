"""Static PNG and SVG images of a chart, for print and social media, rendered by kaleido in Chromium.

The title, the source line, the symbol key, the dataset's version and licence and the site's name
are drawn into the image, since an image travels without the page around it. Rendered bytes are
kept per view and format.

Renders run one at a time on the renderer's own thread (they share one browser), never on the request
thread pool, fed by a small bounded queue: when it is full a request is refused at once (the route
answers 503 with Retry-After) instead of holding a pool thread for minutes, which is what made
/healthz wait 7.4 s under 200 concurrent image requests. A render is bounded by kaleido's timeout, and a
render that fails or times out restarts the browser, so one hung render cannot wedge the next.
"""

from __future__ import annotations

import logging
import os
import queue
import textwrap
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..jsontypes import JSONObject
from ..lru import LruCache, MiB
from .describe import escape
from .figure import LEGEND_ROW_PX, NOMINAL_COLUMNS, lane_domains, legend_names, legend_rows, panel_grid
from .key import key_line
from .views import ChartView

ImageFormat = Literal["png", "svg"]
WIDTH, HEIGHT = 1200, 675  # 16:9, the shape social cards use; taller when the legend needs it
TITLE_PX = 84
AXIS_PX = 30  # tick labels under the plot
LEGEND_PAD_PX = 12
FOOTER_LINE_PX = 15
FOOTER_WRAP = 190  # characters a footer line holds at the image's width
FOOTER_SOURCE_LINES = 2  # past this, the source line names the first publishers and counts the rest
IMAGE_PLOT_MIN_PX = 260
MEDIA_TYPES: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml"}
# Images are kept per address and format; the address carries the query, so how many there
# could be is up to the readers, and the caps are what bound the memory they take.
MAX_KEPT_IMAGES = 256
MAX_KEPT_IMAGE_BYTES = 64 * MiB
# Renders waiting for the browser; more are refused. A render takes about a second, so a request at the back
# of the queue waits a few seconds at most.
QUEUE_SIZE = 8
RENDER_SECONDS = 20  # kaleido's own bound on one render; past it the render fails and the browser restarts
WAIT_SECONDS = 60  # how long a request waits for its image, queued renders ahead of it included
RETRY_AFTER_SECONDS = 10  # what a refused request is told

log = logging.getLogger(__name__)


def footer_source_lines(publishers: list[str]) -> list[str]:
    """The source line, wrapped; a long list names the first publishers and sends readers to the page."""
    lines = textwrap.wrap(f"Sources: {'; '.join(publishers) or 'none'}.", FOOTER_WRAP)
    if len(lines) <= FOOTER_SOURCE_LINES:
        return lines
    for shown in range(len(publishers) - 1, 0, -1):
        rest = len(publishers) - shown
        text = f"Sources: {'; '.join(publishers[:shown])}; and {rest} more, all listed at the address below."
        lines = textwrap.wrap(text, FOOTER_WRAP)
        if len(lines) <= FOOTER_SOURCE_LINES:
            return lines
    return textwrap.wrap(f"Sources: {len(publishers)} publishers, all listed at the address below.", FOOTER_WRAP)


@dataclass(frozen=True)
class DatasetCredit:
    """What an image says about the data it draws: the release's version and its licence (from the descriptor)."""

    version: str
    licence: str  # '' when the descriptor states none

    def line(self) -> str:
        return f"Dataset version {self.version}" + (f" · Licence: {self.licence}" if self.licence else "")


class ImageUnavailableError(RuntimeError):
    """No browser to render with, or the render failed."""


class ImageBusyError(ImageUnavailableError):
    """The render queue is full, or the image was not ready in time: ask again later."""


def static_figure(view: ChartView, site_name: str, url: str, credit: DatasetCredit) -> JSONObject:
    """The view's figure with its words drawn in, at the image's fixed size."""
    figure = view.figure  # a fresh copy
    layout = figure["layout"]
    label_top = layout["margin"]["t"]
    key = textwrap.wrap(key_line(view.key), FOOTER_WRAP)
    footer_lines = footer_source_lines(view.publishers) + key + [credit.line()]
    names = legend_names(figure["data"])
    legend_px = legend_rows(names, WIDTH - 96) * LEGEND_ROW_PX + LEGEND_PAD_PX if names else 0
    bottom = AXIS_PX + legend_px + FOOTER_LINE_PX * (len(footer_lines) + 1) + 14
    top_px = TITLE_PX + label_top
    plot_min = panel_grid(layout, NOMINAL_COLUMNS) if view.panels else IMAGE_PLOT_MIN_PX
    height = max(HEIGHT, top_px + plot_min + bottom)
    layout.update(width=WIDTH, height=height, paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", autosize=False)
    layout["margin"] = layout["margin"] | {"l": 72, "r": 24, "t": top_px, "b": bottom}
    plot_px = height - top_px - bottom
    lane_domains(layout, plot_px)
    subtitle = "<br>".join(escape(line) for line in textwrap.wrap(view.subtitle, 150))
    # Drawn as annotations placed in pixels from the top: a multi-line title does not anchor reliably.
    top = 1 + (layout["margin"]["t"] - 12) / plot_px
    heading = {"xref": "paper", "yref": "paper", "x": 0, "xanchor": "left", "yanchor": "top", "showarrow": False}
    words = [
        heading | {"y": top, "text": f"<b>{escape(view.title)}</b>", "font": {"size": 22}},
        heading | {"y": top - 34 / plot_px, "text": subtitle, "font": {"size": 14, "color": "#4a4a4a"}},
    ]
    footer = "<br>".join(escape(line) for line in footer_lines)
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
    if "legend" in layout:
        layout["legend"] = layout["legend"] | {"y": -AXIS_PX / plot_px, "yanchor": "top"}
    return {"data": figure["data"], "layout": layout}


Job = tuple[tuple[str, str], Callable[[], bytes], "Future[bytes]"]


class ImageRenderer:
    """Renders and keeps images, one at a time on its own thread, from a bounded queue."""

    def __init__(self, browser_path: Path, queue_size: int = QUEUE_SIZE, wait_seconds: float = WAIT_SECONDS) -> None:
        self.browser_path = browser_path
        self.wait_seconds = wait_seconds
        self._cache = LruCache[tuple[str, str], bytes](MAX_KEPT_IMAGES, MAX_KEPT_IMAGE_BYTES, size=len)
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=queue_size)
        self._pending: dict[tuple[str, str], Future[bytes]] = {}  # queued or rendering, for joiners
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._started = False  # kaleido's browser
        self._busy_since: float | None = None  # when the render under way began (monotonic clock)

    def render(self, view: ChartView, fmt: ImageFormat, site_name: str, url: str, credit: DatasetCredit) -> bytes:
        """The image of ``view`` at ``url`` (which names its release: one image per address and format);
        raises ImageBusyError when the queue is full or the image is not ready in time."""
        future = self.submit(view, fmt, site_name, url, credit)
        try:
            return future.result(timeout=self.wait_seconds)
        except TimeoutError as error:
            raise ImageBusyError(f"The {fmt} image was not ready within {self.wait_seconds:g} s") from error

    def submit(
        self, view: ChartView, fmt: ImageFormat, site_name: str, url: str, credit: DatasetCredit
    ) -> Future[bytes]:
        """The image's render, queued unless it is kept or already under way (then shared)."""
        key = (url, fmt)
        kept = self._cache.get(key)
        if kept is not None:
            done: Future[bytes] = Future()
            done.set_result(kept)
            return done
        with self._lock:
            pending = self._pending.get(key)
            if pending is not None:
                return pending
            future: Future[bytes] = Future()
            try:
                self._queue.put_nowait(
                    (key, lambda: self._render(static_figure(view, site_name, url, credit), fmt), future)
                )
            except queue.Full:
                raise ImageBusyError(
                    f"{self._queue.maxsize} images are waiting to be rendered; ask again later"
                ) from None
            self._pending[key] = future
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="image-renderer", daemon=True)
                self._worker.start()
        return future

    def prerender(self, images: list[tuple[ChartView, ImageFormat, str, str, DatasetCredit]]) -> threading.Thread:
        """Render ``images`` one after another in the background, so readers' first requests find them kept;
        each waits its turn in the queue like a reader's, and a busy queue skips it."""

        def run() -> None:
            for view, fmt, site_name, url, credit in images:
                try:
                    self.submit(view, fmt, site_name, url, credit).result()
                except ImageUnavailableError as error:
                    log.info("Pre-rendering the %s image of %s skipped: %s", fmt, url, error)

        thread = threading.Thread(target=run, name="image-prerender", daemon=True)
        thread.start()
        return thread

    @property
    def waiting(self) -> int:
        return self._queue.qsize()

    def busy_for(self) -> float:
        """Seconds the render under way has taken so far (0 when idle): a cheap sign of a wedged browser."""
        started = self._busy_since
        return 0.0 if started is None else time.monotonic() - started

    def forget(self) -> None:
        """Drop every kept image, when the data they draw is replaced (app/reload.py)."""
        self._cache.clear()

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            key, render, future = job
            self._busy_since = time.monotonic()
            try:
                image = render()
            except BaseException as error:  # handed to the requests that wait for it
                with self._lock:
                    del self._pending[key]
                future.set_exception(error)
                continue
            finally:
                self._busy_since = None
            self._cache.put(key, image)
            with self._lock:
                del self._pending[key]
            future.set_result(image)

    def _render(self, figure: JSONObject, fmt: ImageFormat) -> bytes:
        if not self.browser_path.is_file():
            raise ImageUnavailableError(f"No browser at '{self.browser_path}' to render images with")
        import kaleido  # imported on first use: it is only needed for images

        if not self._started:
            # kaleido finds the browser through BROWSER_PATH; MathJax is off because it would
            # come from a CDN, and this site requests nothing from other hosts.
            os.environ.setdefault("BROWSER_PATH", str(self.browser_path))
            kaleido.start_sync_server(mathjax=False, timeout=RENDER_SECONDS, silence_warnings=True)
            self._started = True
        try:
            size = {"width": figure["layout"]["width"], "height": figure["layout"]["height"]}
            image = kaleido.calc_fig_sync(figure, opts={"format": fmt} | size)
        except Exception as error:  # kaleido raises several kinds; the route answers 503 for any
            log.warning("Rendering a %s image failed (%s): restarting the browser", fmt, error)
            self._stop_browser()
            raise ImageUnavailableError(f"Rendering the {fmt} image failed: {error}") from error
        return bytes(image)

    def _stop_browser(self) -> None:
        if self._started:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            self._started = False

    def close(self) -> None:
        """Let the renderer's thread finish the render under way, then stop the browser."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            while True:  # what still waits is refused: the server is stopping
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job[2].set_exception(ImageBusyError("The server is stopping"))
            self._queue.put(None)
            worker.join(RENDER_SECONDS + 5)
        self._stop_browser()
