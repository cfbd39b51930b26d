"""Responses are kept, compressed and revalidated: what a browser and a CDN see."""

from __future__ import annotations

import brotli
import pytest
from fastapi.testclient import TestClient

from ..html import attr, parse


@pytest.mark.parametrize("path", ["/", "/charts/revenue", "/embed/revenue", "/data/estimates.csv"])
def test_pages_carry_an_etag_and_answer_304(small_client: TestClient, path: str) -> None:
    first = small_client.get(path)
    etag = first.headers["etag"]
    assert first.headers["vary"] == "Accept-Encoding"
    assert "max-age=" in first.headers["cache-control"]  # shared or private: tests/hostile/test_host_links.py
    again = small_client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert "content-security-policy" in again.headers


def test_brotli_when_accepted_gzip_otherwise(small_client: TestClient) -> None:
    plain = small_client.get("/charts/revenue", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    br = small_client.get("/charts/revenue", headers={"Accept-Encoding": "gzip, br"})
    assert br.headers["content-encoding"] == "br"
    gz = small_client.get("/charts/revenue", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"
    assert gz.text == plain.text  # the client decodes gzip
    raw = small_client.stream("GET", "/charts/revenue", headers={"Accept-Encoding": "br"})
    with raw as response:
        encoded = b"".join(response.iter_raw())
    assert brotli.decompress(encoded).decode() == plain.text
    assert len(encoded) < len(plain.content) / 3


def test_cached_page_keeps_security_headers(small_client: TestClient) -> None:
    small_client.get("/countries/rus")
    again = small_client.get("/countries/rus")
    assert again.headers["x-frame-options"] == "SAMEORIGIN"
    assert "script-src 'self'" in again.headers["content-security-policy"]


def test_errors_are_not_kept(small_client: TestClient) -> None:
    assert small_client.get("/charts/revenue?indicator=x").status_code == 400
    response = small_client.get("/charts/revenue?indicator=x")
    assert response.status_code == 400
    assert "etag" not in response.headers


def test_head_has_headers_and_no_body(small_client: TestClient) -> None:
    small_client.get("/about")
    response = small_client.head("/about")
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


def test_assets_are_immutable_and_revalidate(small_client: TestClient) -> None:
    css = next(attr(link, "href") for link in parse(small_client.get("/").text).select("link[rel=stylesheet]"))
    response = small_client.get(css, headers={"Accept-Encoding": "br"})
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "br"
    assert small_client.get(css, headers={"If-None-Match": response.headers["etag"]}).status_code == 304
