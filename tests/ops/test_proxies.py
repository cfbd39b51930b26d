"""Forwarded headers are believed only from the proxies NKW_TRUSTED_PROXIES names (``app/server.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from ..html import attr, one, parse
from ..live_server import live_server
from ..tiny_data import write_tiny_data

FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}


def canonical(url: str) -> str:
    """The page's own absolute address, which is built from the request's scheme and host."""
    page = parse(httpx.get(f"{url}/charts/revenue", headers=FORWARDED, timeout=10).text)
    return attr(one(page, 'link[rel="canonical"]'), "href")


@pytest.mark.parametrize(
    ("trusted", "scheme"),
    [("", "http"), ("127.0.0.1", "https"), ("10.0.0.0/8", "http"), ("10.0.0.0/8, 127.0.0.0/8", "https")],
)
def test_forwarded_proto_is_believed_only_from_a_trusted_proxy(tmp_path: Path, trusted: str, scheme: str) -> None:
    data = write_tiny_data(tmp_path / "data")
    env = {"NKW_DATA_DIR": str(data), "NKW_CACHE_DIR": str(tmp_path / "cache"), "NKW_TRUSTED_PROXIES": trusted}
    with live_server(env) as server:
        assert canonical(server.url) == f"{scheme}://127.0.0.1:{server.port}/charts/revenue"


def test_a_proxy_that_is_not_an_address_stops_the_start_with_a_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "serve"],
        env=os.environ | {"NKW_TRUSTED_PROXIES": "127.0.0.1, proxy.example"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "NKW_TRUSTED_PROXIES: 'proxy.example' is not an IP address or network (CIDR), such as 10.0.0.5 or 10.0.0.0/8\n"
    )


def test_a_port_that_is_not_a_port_stops_the_start_with_a_message() -> None:
    command = [sys.executable, "-m", "app", "serve", "--port", "70000"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert result.stderr == "NKW_PORT: Input should be less than or equal to 65535\n"
