"""An embed a CMS inserts with innerHTML, so that its script tag never runs: the iframe's first height, worked
out on the server, already shows all of it; and embed.js resizes it whichever of the two arrived first."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page

from .conftest import LiveServer
from .host_pages import article_served

SLACK_PX = 40  # how much taller than its content the first height may be: a line or two of estimated text
WIDTHS = (360, 720, 1000)
CHARTS = ("/charts/repatriations", "/charts/workers-abroad", "/countries/rus")
# The article column holds exactly the iframe, as wide as the width oEmbed was asked for.
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:serif"><h1>An article</h1><div id="slot"></div><p>After the chart.</p></body></html>
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty article on a second origin, into which each test puts an embed as a CMS would."""
    with article_served(tmp_path_factory.mktemp("host"), HOST_PAGE) as address:
        yield address


def oembed_html(live_server: LiveServer, path: str, width: int, theme: str = "") -> str:
    page_url = live_server.url + path + (f"?theme={theme}" if theme else "")
    answer = httpx.get(f"{live_server.url}/oembed?url={quote(page_url, safe='')}&maxwidth={width}").json()
    assert answer["width"] == width
    html: str = answer["html"]
    assert f'height="{answer["height"]}"' in html
    return html


def insert(page: Page, html: str) -> None:
    """What a CMS does: innerHTML, which runs no script it carries."""
    page.evaluate("html => { document.getElementById('slot').innerHTML = html; }", html)


def add_embed_js(page: Page, live_server: LiveServer) -> None:
    page.evaluate(
        """src => new Promise(done => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = done;
            document.head.appendChild(script);
        })""",
        f"{live_server.url}/embed.js",
    )


def frame_height(page: Page) -> float:
    return float(page.locator("iframe[data-nkw-embed]").evaluate("frame => frame.getBoundingClientRect().height"))


def content_height(page: Page) -> float:
    """The embed's own height, as its page is laid out in the iframe once loaded (its stylesheet in)."""
    for _ in range(150):
        handle = page.locator("iframe[data-nkw-embed]").element_handle()
        frame = handle.content_frame() if handle else None
        if frame and frame.url.startswith("http") and frame.evaluate("document.readyState") == "complete":
            return float(frame.evaluate("document.documentElement.getBoundingClientRect().height"))
        page.wait_for_timeout(100)
    raise AssertionError("the embed never loaded")


def settles_to_content(page: Page) -> bool:
    for _ in range(60):
        if abs(frame_height(page) - content_height(page)) <= 1:
            return True
        page.wait_for_timeout(100)
    return False


@pytest.fixture
def no_plotly(page: Page) -> Page:
    """The page as a reader sees it before touching the chart: the server's drawing, never Plotly's."""
    page.route("**/plotly*.js", lambda route: route.abort())
    return page


@pytest.mark.parametrize("theme", ["", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_first_height_shows_the_whole_embed(
    no_plotly: Page, live_server: LiveServer, host: str, width: int, theme: str
) -> None:
    page = no_plotly
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(host)
    for path in CHARTS:
        insert(page, oembed_html(live_server, path, width, theme))
        given, needed = frame_height(page), content_height(page)
        assert needed <= given <= needed + SLACK_PX, f"{path} at {width} px: iframe {given} px, content {needed} px"


def wrong_height(live_server: LiveServer, path: str) -> str:
    """The oEmbed html at 720 px with a first height 10 to 20 times too tall, as a CMS that rewrote it would leave."""
    return oembed_html(live_server, path, 720).replace('height="', 'height="1', 1)


def test_embed_js_already_on_the_page_resizes_an_inserted_iframe(
    no_plotly: Page, live_server: LiveServer, host: str
) -> None:
    no_plotly.set_viewport_size({"width": 720, "height": 900})
    no_plotly.goto(host)
    page = no_plotly
    add_embed_js(page, live_server)
    insert(page, wrong_height(live_server, CHARTS[0]))
    assert settles_to_content(page), f"iframe {frame_height(page)} px, content {content_height(page)} px"


def test_embed_js_loaded_after_the_iframe_reported_asks_it_again(
    no_plotly: Page, live_server: LiveServer, host: str
) -> None:
    page = no_plotly
    page.set_viewport_size({"width": 720, "height": 900})
    page.goto(host)
    insert(page, wrong_height(live_server, CHARTS[1]))
    given = frame_height(page)
    content_height(page)  # loaded and drawn: its first reports went to a page that did not listen
    page.wait_for_timeout(500)
    assert frame_height(page) == given
    add_embed_js(page, live_server)
    assert settles_to_content(page), f"iframe {frame_height(page)} px, content {content_height(page)} px"
