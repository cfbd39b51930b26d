"""A forged Host header never reaches a link: unknown hosts get 400, and a configured base URL wins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.hosts import MAX_REMEMBERED, HostPolicy
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


@pytest.mark.parametrize(
    ("allowed", "host", "answered"),
    [
        (["localhost"], b"localhost:8000", True),
        (["localhost"], b"LOCALHOST", True),
        (["localhost"], b"localhost.evil.example", False),
        (["*.example.org"], b"news.example.org", True),
        (["*.example.org"], b"example.org.evil.example", False),
        (["[::1]"], b"[::1]:8000", True),
        (["*"], b"[::1::1]", False),  # brackets that hold no IPv6 address
        (["*"], b"anything.example", True),
    ],
)
def test_the_host_policy_follows_the_allow_list(allowed: list[str], host: bytes, answered: bool) -> None:
    policy = HostPolicy(allowed)
    scope = {"type": "http", "path": "/", "headers": [(b"host", host)]}
    assert (policy.refusal(scope) is None) is answered
    assert policy.admits(scope) is answered
    assert policy.admits(scope) is answered  # the second time from what it remembered


def test_the_host_policy_remembers_a_bounded_number_of_hosts() -> None:
    """Every port of an allowed name is allowed: what is remembered must not grow with them."""
    policy = HostPolicy(["localhost"])
    for port in range(3000):
        assert policy.admits({"type": "http", "path": "/", "headers": [(b"host", f"localhost:{port}".encode())]})
    assert len(policy._admitted) == MAX_REMEMBERED


def test_the_health_checks_do_not_teach_the_policy_a_host() -> None:
    policy = HostPolicy(["localhost"])
    probe = {"type": "http", "path": "/healthz", "headers": [(b"host", b"10.0.0.7")]}
    assert policy.refusal(probe) is None
    assert not policy.admits({**probe, "path": "/"})


def test_a_wildcard_must_name_a_whole_domain() -> None:
    with pytest.raises(ValueError, match="wildcard"):
        HostPolicy(["*example.org"])


def test_repeated_accept_encoding_fields_are_read_as_one_list(tiny_client: TestClient) -> None:
    tiny_client.get("/charts/revenue")  # kept: the next one is a hit
    answer = tiny_client.get("/charts/revenue", headers=[("Accept-Encoding", "br;q=0"), ("Accept-Encoding", "gzip")])
    assert answer.headers["content-encoding"] == "gzip"
