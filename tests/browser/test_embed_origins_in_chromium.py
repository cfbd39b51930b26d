"""Two embeds of the site from two of its addresses (localhost and 127.0.0.1) on one host page, each snippet
with its own embed.js: the first script to run sizes both, and neither is left at the snippet's height."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page

from .conftest import LiveServer
from .host_pages import article_served
from .test_embed_in_chromium import HOST_PAGE

SNIPPET_HEIGHT = 150  # far from any chart's content height, so a frame left alone is seen


def snippet(address: str, slug: str) -> str:
    html = str(httpx.get(f"{address}/oembed/charts/{slug}.json").json()["html"])
    return re.sub(r'height="\d+"', f'height="{SNIPPET_HEIGHT}"', html.replace('loading="lazy" ', ""))


@pytest.fixture(scope="module")
def two_addresses(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    addresses = [live_server.url, live_server.url.replace("127.0.0.1", "localhost")]
    embeds = "\n".join(
        snippet(address, slug) for address, slug in zip(addresses, ["revenue", "repatriations"], strict=True)
    )
    assert "//localhost:" in embeds
    assert "//127.0.0.1:" in embeds
    with article_served(tmp_path_factory.mktemp("two-addresses"), HOST_PAGE.format(embed=embeds)) as address:
        yield address


def heights(page: Page) -> list[tuple[float, float]]:
    """Each embed's iframe height and its content's height."""
    frames = page.locator("iframe[data-nkw-embed]")
    found = []
    for index in range(frames.count()):
        frame = frames.nth(index)
        outer = float(frame.evaluate("frame => frame.getBoundingClientRect().height"))
        inner = page.frame_locator("iframe[data-nkw-embed]").nth(index).locator("html")
        found.append((outer, float(inner.evaluate("html => Math.ceil(html.getBoundingClientRect().height)"))))
    return found


def test_embeds_from_two_addresses_of_the_site_are_both_sized(page: Page, two_addresses: str) -> None:
    page.goto(two_addresses)
    for _ in range(100):
        sized = heights(page)
        if len(sized) == 2 and all(abs(outer - inner) <= 1 for outer, inner in sized):
            break
        page.wait_for_timeout(100)
    assert len(sized) == 2
    for outer, inner in sized:
        assert outer != SNIPPET_HEIGHT
        assert abs(outer - inner) <= 1, f"an embed was left at {outer} px for {inner} px of content"
