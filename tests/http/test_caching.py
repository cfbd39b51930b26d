"""Responses are kept, compressed and revalidated: what a browser and a CDN see."""

from __future__ import annotations

import brotli
import pytest
from fastapi.testclient import TestClient

from ..html import attr, parse


@pytest.mark.parametrize("path", ["/", "/charts/revenue", "/embed/revenue", "/data/estimates.csv"])
def test_pages_carry_an_etag_and_answer_304(client: TestClient, path: str) -> None:
    first = client.get(path)
    etag = first.headers["etag"]
    assert first.headers["vary"] == "Accept-Encoding"
    assert "s-maxage=" in first.headers["cache-control"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert "content-security-policy" in again.headers


def test_brotli_when_accepted_gzip_otherwise(client: TestClient) -> None:
    plain = client.get("/charts/revenue", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    br = client.get("/charts/revenue", headers={"Accept-Encoding": "gzip, br"})
    assert br.headers["content-encoding"] == "br"
    gz = client.get("/charts/revenue", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"
    assert gz.text == plain.text  # the client decodes gzip
    raw = client.stream("GET", "/charts/revenue", headers={"Accept-Encoding": "br"})
    with raw as response:
        encoded = b"".join(response.iter_raw())
    assert brotli.decompress(encoded).decode() == plain.text
    assert len(encoded) < len(plain.content) / 3


def test_cached_page_keeps_security_headers(client: TestClient) -> None:
    client.get("/countries/rus")
    again = client.get("/countries/rus")
    assert again.headers["x-frame-options"] == "SAMEORIGIN"
    assert "script-src 'self'" in again.headers["content-security-policy"]


def test_errors_are_not_kept(client: TestClient) -> None:
    assert client.get("/charts/revenue?indicator=x").status_code == 400
    response = client.get("/charts/revenue?indicator=x")
    assert response.status_code == 400
    assert "etag" not in response.headers


def test_head_has_headers_and_no_body(client: TestClient) -> None:
    client.get("/about")
    response = client.head("/about")
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_assets_are_immutable_and_revalidate(client: TestClient) -> None:
    css = next(attr(link, "href") for link in parse(client.get("/").text).select("link[rel=stylesheet]"))
    response = client.get(css, headers={"Accept-Encoding": "br"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "br"
    assert client.get(css, headers={"If-None-Match": response.headers["etag"]}).status_code == 304
