"""Typed helpers for reading parsed HTML in tests: a missing element fails with the selector named."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from .clients import LOCAL_URL

# Where the test clients' requests go: the absolute links a page gives (embed code, citations) start with it.
BASE = LOCAL_URL


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


def figures(client: Any, page: BeautifulSoup) -> list[dict[str, Any]]:
    """The Plotly figures of a page's charts, fetched from their twins as the page's script does."""
    result = []
    for plot in page.select(".chart-plot[data-figure-src]"):
        response = client.get(attr(plot, "data-figure-src"))
        assert response.status_code == 200, f"{attr(plot, 'data-figure-src')}: {response.status_code}"
        assert response.headers["content-type"] == "application/json"
        result.append(json.loads(response.text))
    return result


def marks(figure: dict[str, Any]) -> list[str]:
    """The ids of what a figure draws (claims, or series-year marks), events left out; a range, marked at both
    ends, once."""
    return list(dict.fromkeys(point[1] for trace in claim_traces(figure) for point in trace["customdata"]))


def claim_traces(figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The traces that draw claims: markers with a link each (not the legend's swatches, not the events lane)."""
    return [t for t in figure["data"] if t["mode"] == "markers" and t.get("customdata") and t.get("meta") != "event"]


def assert_safe_html(client: TestClient, path: str) -> None:
    """The page answers with HTML that runs no inline code and fetches nothing from another site."""
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = parse(response.text)
    assert text(page, "h1")
    for script in page.select("script"):
        # No inline code: a script has a same-site src, or it is inert JSON data (the map's places).
        assert attr(script, "src").startswith("/") or attr(script, "type") == "application/json"
    # What the browser fetches (scripts, stylesheets, icons, images) comes from this site.
    for tag in page.select("script[src], link[rel=stylesheet], link[rel=icon], img[src]"):
        assert (attr(tag, "src") or attr(tag, "href")).startswith("/"), tag


def every_failure(check: Callable[[str], None], items: Iterable[str]) -> list[str]:
    """Run ``check`` on every item and list each failure by its item: one test reports all the rows that fail."""
    failures = []
    for item in items:
        try:
            check(item)
        except AssertionError as error:
            failures.append(f"{item}: {error}")
        except Exception as error:  # a row that raises is one more failure, not the end of the check
            failures.append(f"{item}: {error!r}")
    return failures
