"""What a client may send before its request is answered: header bytes and time (``app/server.py``)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from ..live_server import LiveServer, RecordProperty, live_server

HEADER_TIMEOUT = 1.0  # NKW_HEADER_TIMEOUT here
MAX_HEADER_BYTES = 32 * 1024  # the default
UNFINISHED = 200  # connections that never finish their headers


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from ..tiny_data import write_tiny_data

    data = write_tiny_data(tmp_path_factory.mktemp("limits") / "data")
    env = {"NKW_DATA_DIR": str(data), "NKW_CACHE_DIR": str(data.parent / "cache"), "NKW_HEADER_TIMEOUT": "1"}
    with live_server(env) as live:
        yield live


def connect(server: LiveServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=10)


def read_all(sock: socket.socket) -> bytes:
    """What the server sends until it closes the connection."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_headers_over_the_limit_get_431_and_the_connection_closed(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * (2 * MAX_HEADER_BYTES) + b"\r\n\r\n")
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n")
    assert answer.endswith(b"Headers over 32768 bytes.")


def test_headers_within_the_limit_are_answered(server: LiveServer) -> None:
    response = httpx.get(f"{server.url}/", headers={"X-Large": "a" * (MAX_HEADER_BYTES - 1024)}, timeout=10)
    assert response.status_code == 200


def test_unfinished_headers_are_dropped_after_the_read_timeout(
    server: LiveServer, record_property: RecordProperty
) -> None:
    sockets = [connect(server) for _ in range(UNFINISHED)]
    opened = time.monotonic()
    for sock in sockets:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    idle = connect(server)  # and one that sends nothing at all
    assert httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200  # others are still served meanwhile
    answers = [read_all(sock) for sock in sockets]
    dropped_after = time.monotonic() - opened
    assert read_all(idle) == b""  # closed without a word: nothing was asked
    for sock in [*sockets, idle]:
        sock.close()
    record_property("unfinished_requests", UNFINISHED)
    record_property("unfinished_dropped_after_seconds", round(dropped_after, 2))
    assert {answer.split(b"\r\n", 1)[0] for answer in answers} == {b"HTTP/1.1 408 Request Timeout"}
    assert HEADER_TIMEOUT - 0.1 <= dropped_after <= HEADER_TIMEOUT + 5


def trickle_until_closed(sock: socket.socket, seconds: float) -> bytes:
    """Send a header line every 0.1 s until the server closes the connection; what it sent meanwhile."""
    received = b""
    sock.settimeout(0.1)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            sock.sendall(b"X-A: b\r\n")
            chunk = sock.recv(1024)
        except TimeoutError:
            continue
        except OSError:  # reset: the server is gone from this connection
            break
        if not chunk:
            break
        received += chunk
    return received


def test_a_trickle_of_header_bytes_does_not_keep_the_connection(server: LiveServer) -> None:
    with connect(server) as sock:
        started = time.monotonic()
        sock.sendall(b"GET / HTTP/1.1\r\n")
        answer = trickle_until_closed(sock, HEADER_TIMEOUT + 5)
        closed_after = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert closed_after < HEADER_TIMEOUT + 1


def test_a_keep_alive_connection_serves_requests_past_the_header_timeout(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
            time.sleep(HEADER_TIMEOUT * 0.7)  # 2.1 s on one connection, each request's headers prompt
