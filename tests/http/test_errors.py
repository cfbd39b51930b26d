"""Error pages: an address that names nothing is an HTML 404 page saying so."""

from __future__ import annotations

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from app.main import assemble
from app.routes import SITE_ROUTERS

from ..clients import LOCAL_URL
from ..html import parse, text
from ..routes.test_route_table import ROUTE_TABLE


def test_unknown_page_is_an_html_404(small_client: TestClient) -> None:
    response = small_client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    assert text(page, "h1") == "Not found"
    assert text(page, ".error-detail") == "There is no page at /nowhere."


@pytest.mark.parametrize("path", ["/charts/pie", "/estimates/e9999", "/sources/nowhere"])
def test_unknown_things_are_404_pages(small_client: TestClient, path: str) -> None:
    response = small_client.get(path)
    assert response.status_code == 404
    assert text(parse(response.text), "h1") == "Not found"


def crashing_app(small_client: TestClient) -> TestClient:
    """The app with one more route, which fails as a bug would, on a page and on a data path."""
    broken = APIRouter()

    @broken.api_route("/broken", methods=["GET", "HEAD"])
    @broken.api_route("/embed/broken/rows.json", methods=["GET", "HEAD"])
    def fails() -> None:
        raise RuntimeError("secret detail of the failure")

    app = assemble(small_client.app.state.context, site_routers=(*SITE_ROUTERS, broken))  # type: ignore[attr-defined]
    return TestClient(app, base_url=LOCAL_URL, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("path", "media_type", "frame_ancestors"),
    [("/broken", "text/plain", "'self'"), ("/embed/broken/rows.json", "application/json", "*")],
)
def test_a_500_carries_the_security_headers_and_no_traceback(
    small_client: TestClient, path: str, media_type: str, frame_ancestors: str
) -> None:
    response = crashing_app(small_client).get(path)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-security-policy"].endswith(f"frame-ancestors {frame_ancestors}")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "Something went wrong on our side" in response.text
    for leaked in ("Traceback", "RuntimeError", "secret detail", ".py"):
        assert leaked not in response.text


@pytest.mark.parametrize(("path", "endpoint"), ROUTE_TABLE)
def test_a_405_says_which_methods_are_allowed(small_client: TestClient, path: str, endpoint: str) -> None:
    """RFC 9110 section 15.5.6: a 405 must list the methods the resource supports in Allow."""
    for method in ("POST", "PUT", "DELETE"):
        response = small_client.request(method, path)
        assert response.status_code == 405, (endpoint, method)
        assert response.headers["allow"] == "GET, HEAD", endpoint
        assert "content-security-policy" in response.headers
    assert text(parse(small_client.post("/charts/revenue").text), ".error-detail") == (
        "POST is not allowed at /charts/revenue; use GET, HEAD."
    )
