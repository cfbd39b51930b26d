"""Every path the site serves is matched by exactly one route, so the order routers are included in never matters."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Match, Route

from app.main import assemble
from app.routes import ROUTERS

# Path -> the endpoint that answers it (a page and its twins share one).
ROUTE_TABLE = [
    ("/", "home"),
    ("/about", "about"),
    ("/charts", "chart_index"),
    ("/charts/revenue", "chart"),
    ("/charts/revenue.csv", "chart"),
    ("/charts/revenue.json", "chart"),
    ("/charts/revenue.png", "chart"),
    ("/charts/revenue.svg", "chart"),
    ("/embed/revenue", "embed_page"),
    ("/embed.js", "embed_script"),
    ("/oembed", "oembed"),
    ("/oembed/charts/revenue.json", "oembed_of_page"),
    ("/map", "map_page"),
    ("/map.csv", "map_rows"),
    ("/map.json", "map_rows"),
    ("/countries", "country_list"),
    ("/countries/rus", "country_page"),
    ("/estimates/e0001", "estimate_page"),
    ("/sources", "source_list"),
    ("/sources/s-one", "source_page"),
    ("/sources/page/2", "source_list_page"),
    ("/data/estimates.csv", "download"),
    ("/data/estimates.json", "download"),
    ("/data/datapackage.json", "download"),
    ("/data/nk-workers-abroad-2.0.0.zip", "download"),
    ("/data/nk-workers-abroad-latest.zip", "download"),
    ("/data/citation.bib", "download"),
    ("/data/citation.ris", "download"),
    ("/data", "data_page"),
    ("/CITATION.cff", "citation_file_format"),
    ("/assets/site.0123456789ab.css", "asset"),
    ("/healthz", "healthz"),
]


def matching(path: str) -> list[str]:
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    routes = [route for router in ROUTERS for route in router.routes if isinstance(route, Route)]
    return [route.endpoint.__name__ for route in routes if route.matches(scope)[0] == Match.FULL]


@pytest.mark.parametrize(("path", "endpoint"), ROUTE_TABLE)
def test_each_path_has_exactly_one_route(path: str, endpoint: str) -> None:
    assert matching(path) == [endpoint]


def test_every_route_is_in_the_table() -> None:
    endpoints = {route.endpoint.__name__ for router in ROUTERS for route in router.routes if isinstance(route, Route)}
    assert endpoints == {endpoint for _path, endpoint in ROUTE_TABLE}


def test_include_order_does_not_matter(tiny_client: TestClient) -> None:
    """The same app with its routers included in another order answers every path the same."""
    app = tiny_client.app
    context = app.state.context  # type: ignore[attr-defined]
    shuffled = list(ROUTERS)
    random.Random(9).shuffle(shuffled)
    other = assemble(context, routers=tuple(reversed(shuffled)))
    with TestClient(other, base_url="http://localhost") as reordered:
        for path in (
            "/charts/revenue",
            "/charts/revenue.csv",
            "/map.csv",
            "/data/datapackage.json",
            "/data/estimates.csv",
        ):
            assert reordered.get(path).content == tiny_client.get(path).content, path
