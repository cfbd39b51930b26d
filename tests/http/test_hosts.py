"""A forged Host header never reaches a link: unknown hosts get 400, and a configured base URL wins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

from ..html import parse
from ..tiny_data import dataset_version

VERSION = dataset_version()


@pytest.fixture
def configured(tiny: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A server with its public address configured, reached through an allowed local name."""
    settings = Settings(data_dir=tiny, cache_dir=tmp_path / "cache", base_url="https://news.example.org/")
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.mark.parametrize(
    "path", ["/", "/charts/revenue", "/embed/revenue", "/oembed?url=http://evil.example/charts/revenue"]
)
def test_an_unknown_host_gets_400_and_no_page(tiny_client: TestClient, path: str) -> None:
    response = tiny_client.get(path, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.text
    assert "content-security-policy" in response.headers


def test_a_refused_host_is_never_cached_for_others(tiny_client: TestClient) -> None:
    tiny_client.get("/charts/revenue", headers={"Host": "evil.example"})
    page = tiny_client.get("/charts/revenue")
    assert page.status_code == 200
    assert "evil.example" not in page.text


def test_health_answers_any_host(tiny_client: TestClient) -> None:
    """Load balancers probe by IP address; the health answer holds no link."""
    assert tiny_client.get("/healthz", headers={"Host": "10.0.0.7:8000"}).status_code == 200


def test_links_use_the_allowed_host_the_request_came_to(tiny_client: TestClient) -> None:
    page = parse(tiny_client.get("/charts/revenue", headers={"Host": "127.0.0.1:8000"}).text)
    canonical = page.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == "http://127.0.0.1:8000/charts/revenue"
    embed = page.select_one("#embed-code")
    assert embed is not None
    assert f'src="http://127.0.0.1:8000/v/{VERSION}/embed/revenue"' in embed.text


def test_a_configured_base_url_is_used_whatever_the_host(configured: TestClient) -> None:
    page = parse(configured.get("/charts/revenue").text)
    canonical = page.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == "https://news.example.org/charts/revenue"
    image = page.select_one("meta[property='og:image']")
    assert image is not None
    assert image["content"] == "https://news.example.org/charts/revenue.png"
    embed = page.select_one("#embed-code")
    assert embed is not None
    assert "https://news.example.org/embed.js" in embed.text
    assert "127.0.0.1" not in configured.get("/charts/revenue").text
    oembed = configured.get("/oembed", params={"url": "https://news.example.org/charts/revenue"})
    assert oembed.status_code == 200
    assert f'src="https://news.example.org/v/{VERSION}/embed/revenue"' in oembed.json()["html"]
    assert oembed.json()["provider_url"] == "https://news.example.org/"


def test_the_base_url_host_is_answered(configured: TestClient) -> None:
    assert configured.get("/", headers={"Host": "news.example.org"}).status_code == 200
    assert configured.get("/", headers={"Host": "evil.example"}).status_code == 400
