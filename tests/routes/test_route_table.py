"""Every path the site serves is matched by exactly one route, so the order routers are included in never matters."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Match, Route

from app.main import assemble
from app.routes import PINNED_PREFIX, RELEASE_ROUTERS, SITE_ROUTERS

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
    ("/oembed/v/2.0.0/embed/revenue.json", "oembed_of_page"),
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
    ("/readyz", "readyz"),
    ("/changes", "changes_page"),
    ("/changes.json", "changes_data"),
    ("/changes.atom", "changes_feed"),
]


# The site's own addresses, which no release pins.
UNPINNED = {
    "embed_script",
    "oembed",
    "oembed_of_page",
    "asset",
    "healthz",
    "readyz",
    "changes_page",
    "changes_data",
    "changes_feed",
}


def routes() -> list[Route]:
    """Every route as ``include_routers`` mounts it: the site's once, the releases' also under /v/{version}."""
    site = [route for router in SITE_ROUTERS for route in router.routes if isinstance(route, Route)]
    plain = [route for router in RELEASE_ROUTERS for route in router.routes if isinstance(route, Route)]
    pinned = [Route(PINNED_PREFIX + route.path, route.endpoint, methods=list(route.methods or ())) for route in plain]
    return site + plain + pinned


def matching(path: str) -> list[str]:
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    return [route.endpoint.__name__ for route in routes() if route.matches(scope)[0] == Match.FULL]


@pytest.mark.parametrize(("path", "endpoint"), ROUTE_TABLE)
def test_each_path_has_exactly_one_route(path: str, endpoint: str) -> None:
    assert matching(path) == [endpoint]


@pytest.mark.parametrize(("path", "endpoint"), [row for row in ROUTE_TABLE if row[1] not in UNPINNED])
def test_each_page_and_download_is_also_pinned_to_a_release(path: str, endpoint: str) -> None:
    assert matching("/v/2.0.0-rc.1" + path) == [endpoint]


@pytest.mark.parametrize(("path", "endpoint"), [row for row in ROUTE_TABLE if row[1] in UNPINNED])
def test_the_sites_own_addresses_are_not_pinned(path: str, endpoint: str) -> None:
    assert matching("/v/2.0.0" + path) == []


def test_every_route_is_in_the_table() -> None:
    endpoints = {route.endpoint.__name__ for route in routes()}
    assert endpoints == {endpoint for _path, endpoint in ROUTE_TABLE}


def test_include_order_does_not_matter(tiny_client: TestClient) -> None:
    """The same app with its routers included in another order answers every path the same."""
    app = tiny_client.app
    context = app.state.context  # type: ignore[attr-defined]
    release_routers, site_routers = list(RELEASE_ROUTERS), list(SITE_ROUTERS)
    random.Random(9).shuffle(release_routers)
    random.Random(9).shuffle(site_routers)
    other = assemble(context, tuple(reversed(release_routers)), tuple(reversed(site_routers)))
    with TestClient(other, base_url="http://localhost") as reordered:
        for path in (
            "/charts/revenue",
            "/charts/revenue.csv",
            "/map.csv",
            "/data/datapackage.json",
            "/data/estimates.csv",
        ):
            assert reordered.get(path).content == tiny_client.get(path).content, path
