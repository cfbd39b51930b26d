"""What goes on the wire: a response's head and body leave together (``CoalescingTransport``, app/server.py), and
nothing is lost, reordered or held back on the way."""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import Iterator
from typing import Any

import h11
import httpx
import pytest

from app.server import CoalescingTransport

from ..live_server import LiveServer, live_server
from ..loops import run_async


class RecordingTransport:
    """The calls a socket transport receives, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def writelines(self, data: list[bytes]) -> None:
        self.calls.append(("writelines", list(data)))

    def write_eof(self) -> None:
        self.calls.append(("write_eof", None))

    def close(self) -> None:
        self.calls.append(("close", None))

    def is_closing(self) -> bool:
        return False

    def get_extra_info(self, name: str) -> str:
        return f"extra {name}"


def coalescing() -> tuple[CoalescingTransport, RecordingTransport]:
    recording = RecordingTransport()
    return CoalescingTransport(recording, asyncio.get_running_loop()), recording  # type: ignore[arg-type]


def test_writes_in_one_turn_of_the_loop_leave_together() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        transport, recording = coalescing()
        transport.write(b"HTTP/1.1 200 OK\r\n\r\n")
        transport.write(b"body")
        assert recording.calls == []  # held until the turn ends
        await asyncio.sleep(0)
        transport.write(b"next")
        await asyncio.sleep(0)
        return recording.calls

    assert run_async(scenario()) == [("writelines", [b"HTTP/1.1 200 OK\r\n\r\n", b"body"]), ("writelines", [b"next"])]


def test_a_large_write_leaves_at_once_after_what_waited() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        transport, recording = coalescing()
        transport.write(b"head")
        transport.write(b"x" * CoalescingTransport.FLUSH_BYTES)
        calls = list(recording.calls)
        await asyncio.sleep(0)
        assert recording.calls == calls  # nothing was left to send
        return calls

    assert run_async(scenario()) == [("writelines", [b"head", b"x" * CoalescingTransport.FLUSH_BYTES])]


@pytest.mark.parametrize("ending", ["close", "write_eof"])
def test_closing_sends_what_waits_first(ending: str) -> None:
    async def scenario() -> list[tuple[str, Any]]:
        transport, recording = coalescing()
        transport.write(b"refusal")
        getattr(transport, ending)()
        return recording.calls

    assert run_async(scenario()) == [("writelines", [b"refusal"]), (ending, None)]


def test_everything_else_is_the_socket_transports() -> None:
    async def scenario() -> str:
        transport, _ = coalescing()
        return str(transport.get_extra_info("peername"))

    assert run_async(scenario()) == "extra peername"


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    """The bundled data: its home page is several hundred KiB before compression."""
    with live_server({}) as live:
        yield live


def test_pipelined_requests_are_answered_whole_and_in_order(server: LiveServer) -> None:
    paths = ["/", "/about", "/charts", "/about"]
    requests = b"".join(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n".encode() for path in paths[:-1]
    )
    last = f"GET {paths[-1]} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    requests += last.encode()
    expected = [httpx.get(server.url + path, headers={"Accept-Encoding": "gzip"}) for path in paths]
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(requests)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    client = h11.Connection(h11.CLIENT)
    client.receive_data(received)
    client.receive_data(b"")
    answers: list[tuple[int, bytes]] = []
    for _ in paths:
        client.send(h11.Request(method="GET", target="/", headers=[("Host", "127.0.0.1")]))  # what h11 pairs it with
        client.send(h11.EndOfMessage())
        body, status = b"", 0
        while not isinstance(event := client.next_event(), h11.EndOfMessage):
            if isinstance(event, h11.Response):
                status = event.status_code
            elif isinstance(event, h11.Data):
                body += event.data
        answers.append((status, body))
        if client.our_state is h11.DONE and client.their_state is h11.DONE:
            client.start_next_cycle()
    # The raw bytes of each answer as a separate request got them (gzip as it was sent, not decoded).
    assert [status for status, _ in answers] == [200] * len(paths)
    assert [len(body) for _, body in answers] == [int(response.headers["content-length"]) for response in expected]
    assert [gzip.decompress(body) for _, body in answers] == [response.content for response in expected]


def test_a_page_larger_than_a_flush_arrives_whole(server: LiveServer) -> None:
    response = httpx.get(server.url + "/", headers={"Accept-Encoding": "identity"})
    assert len(response.content) > CoalescingTransport.FLUSH_BYTES  # else this tests nothing
    assert len(response.content) == int(response.headers["content-length"])
    assert response.text.rstrip().endswith("</html>")
