"""The reference draws the embed's very figure, found in the embed's HTML or its `.plotly` twin."""

from __future__ import annotations

import json

import httpx
import pytest

from bench.figure import EMBED, FIGURE_TWIN, embed_figure, expected_points, figures_in_html

FIGURE = {
    "data": [
        {"mode": "markers", "x": [1, 2, 3], "customdata": [["a"], ["b"], ["c"]]},
        {"mode": "markers", "x": [1, 2]},  # a legend swatch: no link, no point
        {"mode": "lines", "x": [1, 2, 3, 4], "customdata": [[1]] * 4},
    ],
    "layout": {"height": 460},
}
MAP_SETTINGS = {"projection": "robinson"}


def page(*blobs: object) -> str:
    scripts = "".join(
        f'<script type="application/json" id="b{i}">{json.dumps(b)}</script>' for i, b in enumerate(blobs)
    )
    return f"<html><body>{scripts}<script src='/a.js'></script></body></html>"


def test_figures_are_found_in_a_page_and_other_json_is_left_out() -> None:
    assert figures_in_html(page(MAP_SETTINGS, FIGURE)) == [FIGURE]


def test_points_are_the_linked_markers() -> None:
    assert expected_points([FIGURE, FIGURE]) == 6


@pytest.fixture
def routes() -> dict[str, httpx.Response]:
    """What the app answers, by path; anything else is a 404."""
    return {}


def app(routes: dict[str, httpx.Response]) -> httpx.Client:
    transport = httpx.MockTransport(lambda request: routes.get(request.url.path, httpx.Response(404)))
    return httpx.Client(transport=transport, base_url="http://app")


def test_the_twin_is_preferred(routes: dict[str, httpx.Response]) -> None:
    routes[FIGURE_TWIN] = httpx.Response(200, json=FIGURE | {"config": {}})
    routes[EMBED] = httpx.Response(200, text=page({"data": [], "layout": {}}))
    assert embed_figure(app(routes))["layout"] == {"height": 460}


def test_without_a_twin_the_figure_comes_from_the_embed(routes: dict[str, httpx.Response]) -> None:
    routes[EMBED] = httpx.Response(200, text=page(FIGURE))
    assert embed_figure(app(routes)) == FIGURE


def test_no_figure_anywhere_says_where_it_looked(routes: dict[str, httpx.Response]) -> None:
    routes[EMBED] = httpx.Response(200, text=page(MAP_SETTINGS))
    with pytest.raises(ValueError, match=r"Neither /charts/workers-abroad\.plotly \(HTTP 404\) nor /embed/"):
        embed_figure(app(routes))
