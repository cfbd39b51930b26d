"""Typed helpers for reading parsed HTML in tests: a missing element fails with the selector named."""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup, Tag

# Where TestClient's requests go: the absolute links a page gives (embed code, citations) start with it.
BASE = "http://testserver"


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def one(page: BeautifulSoup | Tag, selector: str) -> Tag:
    element = page.select_one(selector)
    assert element is not None, f"nothing matches {selector!r}"
    return element


def text(page: BeautifulSoup | Tag, selector: str) -> str:
    return one(page, selector).get_text()


def attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    return value if isinstance(value, str) else ""


def figures(page: BeautifulSoup) -> list[dict[str, Any]]:
    """The Plotly figures a page embeds as JSON data."""
    return [json.loads(tag.get_text()) for tag in page.select('script[type="application/json"]')]


def marks(figure: dict[str, Any]) -> list[str]:
    """The ids of what a figure draws as points (claims, or series-year marks), events left out."""
    return [
        point[1]
        for trace in figure["data"]
        if trace["mode"] == "markers" and trace["name"] != "Events"
        for point in trace["customdata"]
    ]


def claim_traces(figure: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in figure["data"] if t["mode"] == "markers" and t["name"] != "Events"]
