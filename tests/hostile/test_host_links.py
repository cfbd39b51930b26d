"""What a hostile Host costs: a malformed one is refused before any work, and the response cache's key and the
Cache-Control it sends cover exactly what an answer's links depend on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.http.response_cache import ResponseCacheMiddleware
from app.main import create_app
from app.settings import Settings

BASE_URL = "https://news.example.org"


def configured_client(tiny: Path, tmp_path: Path, base_url: str, allowed_hosts: str) -> TestClient:
    settings = Settings(data_dir=tiny, cache_dir=tmp_path / "cache", base_url=base_url, allowed_hosts=allowed_hosts)
    return TestClient(create_app(settings), base_url="http://localhost")


@pytest.fixture
def any_host_with_base_url(tiny: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The configuration the README gives for a server behind a proxy: a base URL, any Host accepted."""
    with configured_client(tiny, tmp_path, BASE_URL, "*") as client:
        yield client


def response_cache(app: FastAPI) -> ResponseCacheMiddleware:
    layer = app.middleware_stack
    while not isinstance(layer, ResponseCacheMiddleware):
        layer = layer.app  # type: ignore[union-attr]
    return layer


@pytest.mark.parametrize(
    "host",
    [
        "h" * 256,  # over a DNS name's 255 bytes
        "localhost" + "a" * 1_000_000,  # the review's 1 MB Host
        "evil.example/path",
        "evil.example:80:80",
        "localhost:99999999",
        "local host",
        "<script>",
        "",
    ],
)
@pytest.mark.parametrize("path", ["/charts/revenue", "/healthz"])
def test_a_malformed_host_gets_400_before_any_work(tiny_client: TestClient, host: str, path: str) -> None:
    response = tiny_client.get(path, headers={"Host": host})
    assert response.status_code == 400
    assert len(response.content) < 200  # says what is wrong, shortened; never echoes a megabyte
    assert "content-security-policy" in response.headers
    assert len(response_cache(tiny_client.app).entries) == 0  # type: ignore[arg-type]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_well_formed_hosts_pass_the_shape_check(tiny: Path, tmp_path: Path, host: str) -> None:
    with configured_client(tiny, tmp_path, "", "localhost,127.0.0.1,[::1]") as client:
        assert client.get("/healthz", headers={"Host": host}).status_code == 200


def test_with_a_base_url_hosts_do_not_multiply_cache_entries(any_host_with_base_url: TestClient) -> None:
    for n in range(50):
        page = any_host_with_base_url.get("/charts/revenue", headers={"Host": f"h{n}.evil.example"})
        assert page.status_code == 200
        assert "evil.example" not in page.text
    assert len(response_cache(any_host_with_base_url.app).entries) == 1  # type: ignore[arg-type]


def test_with_a_base_url_shared_caches_may_keep_pages(any_host_with_base_url: TestClient) -> None:
    page = any_host_with_base_url.get("/charts/revenue")
    assert page.headers["cache-control"].startswith("public")
    assert "s-maxage=" in page.headers["cache-control"]


@pytest.mark.parametrize("path", ["/", "/charts/revenue", "/embed/revenue", "/data/estimates.csv", "/changes.atom"])
def test_without_a_base_url_shared_caches_must_not_keep_answers(tiny_client: TestClient, path: str) -> None:
    """Their links name the request's address, which a proxy's cache key usually leaves out."""
    answer = tiny_client.get(path)
    assert answer.status_code == 200
    assert answer.headers["cache-control"].startswith("private")
    assert "s-maxage" not in answer.headers["cache-control"]


def test_oembed_is_private_without_a_base_url(tiny_client: TestClient) -> None:
    answer = tiny_client.get("/oembed", params={"url": "http://localhost/charts/revenue"})
    assert answer.status_code == 200
    assert answer.headers["cache-control"].startswith("private")


def test_without_a_base_url_each_allowed_host_has_its_own_links(tiny_client: TestClient) -> None:
    local = tiny_client.get("/charts/revenue", headers={"Host": "localhost"}).text
    loopback = tiny_client.get("/charts/revenue", headers={"Host": "127.0.0.1"}).text
    assert "http://localhost/" in local
    assert "http://127.0.0.1/" not in local
    assert "http://127.0.0.1/" in loopback
    assert "http://localhost/" not in loopback


def test_hsts_only_when_the_base_url_is_https(tiny: Path, tmp_path: Path, tiny_client: TestClient) -> None:
    with configured_client(tiny, tmp_path, BASE_URL, "localhost") as https:
        assert https.get("/").headers["strict-transport-security"] == "max-age=31536000"
        assert https.get("/no/such/page").headers["strict-transport-security"] == "max-age=31536000"
    assert "strict-transport-security" not in tiny_client.get("/").headers
    with configured_client(tiny, tmp_path, "http://news.example.org", "localhost") as plain:
        assert "strict-transport-security" not in plain.get("/").headers


@pytest.mark.parametrize("path", ["/", "/embed/revenue", "/healthz", "/no/such/page"])
def test_permissions_policy_denies_what_the_site_never_uses(tiny_client: TestClient, path: str) -> None:
    policy = tiny_client.get(path).headers["permissions-policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
