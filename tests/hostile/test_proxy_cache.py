"""A caching proxy in front, as the review attacked it: nginx's proxy_cache forwarding the client's Host and
X-Forwarded-* to a live server. Hostile requests go first; a normal reader after them must get embed code,
oEmbed html, canonical and og:image naming only the real address: the base URL, or the address they asked at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ..html import parse
from ..tiny_data import write_tiny_data
from .live import LiveApp, Nginx, free_port

BASE_URL = "https://news.example.org"
EVIL = "evil.example"
PAGES = ["/charts/revenue", "/embed/revenue", "/oembed/charts/revenue.json", "/"]
# What the review sent: a forged Host, a forged X-Forwarded-Host, a forged scheme, each way round.
ATTACKS: list[dict[str, str]] = [
    {"Host": EVIL},
    {"Host": f"{EVIL}:8443"},
    {"X-Forwarded-Host": EVIL},
    {"X-Forwarded-Proto": "https"},
    {"X-Forwarded-Proto": "http"},
    {"X-Forwarded-Proto": "javascript"},
    {"Host": EVIL, "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "https"},
]
ABSOLUTE = re.compile(r"""(?:https?|javascript)://[^\s"'<>\\]+""")


def proxy_block(port: int, upstream: int, cache: Path) -> str:
    """A typical caching reverse proxy: the client's Host and X-Forwarded-* passed on as they came, and nginx's
    default cache key ($scheme$proxy_host$request_uri), which leaves the client's Host out."""
    return f"""
    proxy_cache_path {cache} keys_zone=pages:1m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Host $http_x_forwarded_host;
            proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_cache pages;
            proxy_cache_valid 200 10m;
            add_header X-Cache $upstream_cache_status always;
        }}
    }}"""


@dataclass(frozen=True)
class Proxied:
    url: str  # where a reader reaches the site, through nginx
    public: str  # the only origin links may name


@pytest.fixture(scope="module", params=["base URL", "no base URL"])
def proxied(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxied]:
    folder = tmp_path_factory.mktemp("proxied")
    data = write_tiny_data(folder / "data")
    settings = {"data_dir": str(data), "cache_dir": str(folder / "cache")}
    if request.param == "base URL":
        # Any Host accepted: the worst case, where only the base URL keeps links right.
        settings |= {"base_url": BASE_URL, "allowed_hosts": "*"}
    app = LiveApp(settings)
    port = free_port()
    (folder / "nginx").mkdir()
    nginx = Nginx(folder / "nginx", proxy_block(port, app.port, folder / "nginx" / "cache"))
    try:
        nginx.wait_for(port)
        url = f"http://127.0.0.1:{port}"
        yield Proxied(url, BASE_URL if request.param == "base URL" else url)
    finally:
        nginx.stop()
        app.stop()


def links_in(path: str, answer: httpx.Response) -> list[str]:
    """The absolute addresses a reader copies from the page: embed code, oEmbed html, canonical, og:image."""
    if path.startswith("/oembed"):
        body = answer.json()
        return [*ABSOLUTE.findall(body["html"]), body["provider_url"]]
    page = parse(answer.text)
    found = [str(tag["href"]) for tag in page.select("link[rel=canonical]")]
    found += [str(tag["content"]) for tag in page.select("meta[property='og:image'], meta[property='og:url']")]
    for code in page.select("#embed-code, textarea, pre, code"):
        found += ABSOLUTE.findall(code.get_text())
    return found


def test_hostile_headers_never_reach_another_readers_links(proxied: Proxied) -> None:
    """Each attack goes first at addresses of its own (an ignored parameter makes them distinct to the proxy),
    so whatever it leaves in the proxy's cache is what the reader after it gets."""
    with httpx.Client(base_url=proxied.url, timeout=30) as attacker, httpx.Client(base_url=proxied.url) as reader:
        for attack, headers in enumerate(ATTACKS):
            for path in PAGES:
                address = f"{path}?attack={attack}"
                attacker.get(address, headers=headers)  # 400, or an answer no shared cache may keep
                answer = reader.get(address)
                assert answer.status_code == 200, address
                links = links_in(path, answer)
                if path != "/":
                    assert links, f"{address} showed no link to check"
                wrong = [link for link in links if not link.startswith(f"{proxied.public}/")]
                assert not wrong, f"after {headers}, {address} served to a normal reader names {wrong}"
                assert EVIL not in answer.text


def test_what_the_proxy_may_keep(proxied: Proxied) -> None:
    """With a base URL the proxy absorbs repeat requests; without one it keeps nothing with a link in it."""
    with httpx.Client(base_url=proxied.url, timeout=30) as reader:
        reader.get("/charts/revenue")
        again = reader.get("/charts/revenue")
    assert again.headers["x-cache"] == ("HIT" if proxied.public == BASE_URL else "MISS")
