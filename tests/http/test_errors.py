"""Error pages: an address that names nothing is an HTML 404 page saying so."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ..html import parse, text


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
