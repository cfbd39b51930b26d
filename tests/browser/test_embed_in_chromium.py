"""An embed inside a host page on another origin, as a newsroom CMS would show it."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import pytest
from playwright.sync_api import FrameLocator, Page

from .conftest import LiveServer, free_port
from .interact import reach_for_charts

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:serif"><article style="max-width:680px;margin:0 auto;padding:0 12px">
<h1>An article with a chart</h1><p>Paragraph before the chart.</p>
{embed}
<p id="after">Paragraph after the chart.</p></article></body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def host(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A host page on a second local port, holding exactly the oEmbed html of a chart."""
    chart = f"{live_server.url}/charts/repatriations"
    html = httpx.get(f"{live_server.url}/oembed?url={quote(chart, safe='')}&format=json").json()["html"]
    root: Path = tmp_path_factory.mktemp("host")
    (root / "article.html").write_text(HOST_PAGE.format(embed=html), encoding="utf-8")
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/article.html"
    server.shutdown()
    server.server_close()


def frame_height(page: Page) -> float:
    return float(page.locator("iframe[data-nkw-embed]").evaluate("frame => frame.getBoundingClientRect().height"))


def content_height(frame: FrameLocator) -> float:
    return float(frame.locator("html").evaluate("html => Math.ceil(html.getBoundingClientRect().height)"))


def wait_for_settled_height(page: Page, frame: FrameLocator) -> None:
    """The iframe's height (set by embed.js from the frame's messages) equals the frame's content height."""
    for _ in range(50):
        if abs(frame_height(page) - content_height(frame)) <= 1:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"iframe height {frame_height(page)} never matched its content {content_height(frame)}")


def test_embed_draws_and_its_height_follows_content(page: Page, live_server: LiveServer, host: str) -> None:
    errors: list[str] = []
    origins: set[str] = set()
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: origins.add(urlsplit(r.url).netloc))
    page.goto(host)
    frame = page.frame_locator("iframe[data-nkw-embed]")
    reach_for_charts(frame)
    assert frame.locator(".scatterlayer path.point").count() > 0
    wait_for_settled_height(page, frame)
    assert frame_height(page) != 640  # moved off the snippet's default height to the content's
    # Narrow the window as a phone would: the chart refits and the height follows again.
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_timeout(400)
    wait_for_settled_height(page, frame)
    plot_width = frame.locator(".chart-plot").evaluate("el => el.getBoundingClientRect().width")
    svg_width = frame.locator(".chart-plot .main-svg").first.evaluate("el => el.getBoundingClientRect().width")
    assert abs(plot_width - svg_width) <= 2
    assert errors == []
    assert origins == {urlsplit(host).netloc, urlsplit(live_server.url).netloc}


def test_host_script_ignores_messages_it_should_not_trust(page: Page, host: str) -> None:
    page.goto(host)
    frame = page.frame_locator("iframe[data-nkw-embed]")
    reach_for_charts(frame)
    wait_for_settled_height(page, frame)
    settled = frame_height(page)
    # Not from one of our iframes: the host page itself posts a height.
    page.evaluate("window.postMessage({type: 'nkw-embed:height', height: 300}, '*')")
    # From our iframe, but not a sane height.
    frame.locator("body").evaluate("() => parent.postMessage({type: 'nkw-embed:height', height: 99999}, '*')")
    frame.locator("body").evaluate("() => parent.postMessage({type: 'nkw-embed:height', height: 'tall'}, '*')")
    page.wait_for_timeout(300)
    assert frame_height(page) == settled
