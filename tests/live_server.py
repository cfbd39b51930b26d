"""The server as production runs it (``python -m app serve``) in a subprocess, and readers who never stop.

The browser tests and the operations tests (tests/ops/) start it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 30
# pytest's record_property: the figures a run reports (pytest -o junit_family=xunit1 --junitxml=FILE keeps them).
RecordProperty = Callable[[str, object], None]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """``python -m app serve`` on a free loopback port, with ``env`` on top of the test's environment."""

    def __init__(self, env: dict[str, str], app: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = os.environ | {"NKW_PORT": str(self.port), "NKW_ACCESS_LOG": "false"} | env
        if app is None:
            command = [sys.executable, "-m", "app", "serve"]
        else:  # another app factory (a test's), served the same way
            script = f"from app.server import serve; from app.settings import Settings; serve(Settings(), {app!r})"
            command = [sys.executable, "-c", script]
        # Logs go to a file, not a pipe: a pipe nobody reads fills up and stalls the server.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"The server did not start within {START_SECONDS} s:\n{self.output()}")

    def health(self) -> dict[str, object]:
        health: dict[str, object] = httpx.get(f"{self.url}/healthz", timeout=5).json()
        return health

    def signal(self, number: signal.Signals) -> None:
        self.process.send_signal(number)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def close(self) -> None:
        self.stop()
        self.log.close()


@contextmanager
def live_server(env: dict[str, str], app: str | None = None) -> Iterator[LiveServer]:
    server = LiveServer(env, app)
    try:
        yield server
    finally:
        server.close()


@dataclass
class Reader:
    """Requests ``paths`` in turn on one keep-alive connection until stopped; counts what did not answer 200.

    As browsers and proxies do, a request is sent once more when the server closed the idle connection just as
    the request went out (a worker retiring does that); those are counted in ``retried``.
    """

    url: str
    paths: list[str]
    made: int = 0
    retried: int = 0
    failures: list[str] = field(default_factory=list)
    _stopping: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as client:
            while not self._stopping.is_set():
                path = self.paths[self.made % len(self.paths)]
                self.made += 1
                try:
                    status = self._get(client, path)
                except httpx.HTTPError as error:
                    self.failures.append(f"{path}: {type(error).__name__}: {error}")
                    continue
                if status != 200:
                    self.failures.append(f"{path}: {status}")

    def _get(self, client: httpx.Client, path: str) -> int:
        try:
            return client.get(path).status_code
        # The server closed the reused connection as the request went out: "Server disconnected without sending a
        # response", or a reset when the request was already in its socket. A GET may be sent again then (RFC 9112
        # section 9.3.1), and browsers and proxies do.
        except (httpx.RemoteProtocolError, httpx.ReadError):
            self.retried += 1
            return client.get(path).status_code


@contextmanager
def reading(url: str, paths: list[str], readers: int = 2) -> Iterator[list[Reader]]:
    """Readers requesting pages without a pause for as long as the block runs."""
    crowd = [Reader(url, paths) for _ in range(readers)]
    threads = [threading.Thread(target=reader.run, daemon=True) for reader in crowd]
    for thread in threads:
        thread.start()
    try:
        yield crowd
    finally:
        for reader in crowd:
            reader._stopping.set()
        for thread in threads:
            thread.join(timeout=15)


def wait_until(condition: Callable[[], object], seconds: float, what: str) -> None:
    """Poll ``condition`` (a callable answering truthy) until it holds, or fail saying ``what`` did not happen."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} within {seconds} s")
