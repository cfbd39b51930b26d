"""The servers the benchmark starts on loopback ports: the app as production runs it, and nginx."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVE = [sys.executable, "-m", "app", "serve"]  # the app as the README runs it in production


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 60) -> float:
    """Seconds until ``url`` answers 200, polling every 10 ms."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return time.monotonic() - start
        except httpx.TransportError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_app(data_dir: Path, ready: str = "/") -> tuple[Server, float]:
    """The app as the README runs it in production (one uvicorn worker), and ms from spawn to the first 200
    on ``ready``."""
    port = free_port()
    env = os.environ | {"NKW_DATA_DIR": str(data_dir), "NKW_ACCESS_LOG": "false"}
    command = [*SERVE, "--host", "127.0.0.1", "--port", str(port)]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(process, f"http://127.0.0.1:{port}")
    wait_for(server.url + ready)
    return server, (time.monotonic() - started) * 1000


def start_nginx(root: Path, ready: str) -> Server:
    """nginx (one worker, gzip_static) on a loopback port, serving ``root``/www; its config and logs in ``root``."""
    (root / "tmp").mkdir(exist_ok=True)
    # nginx's workers run as an unprivileged user: let them read the files.
    for entry in [root, *root.rglob("*")]:
        entry.chmod(0o755 if entry.is_dir() else 0o644)
    port = free_port()
    config = (ROOT / "bench" / "nginx.conf.template").read_text().format(root=root, port=port)
    (root / "nginx.conf").write_text(config)
    process = subprocess.Popen(
        ["nginx", "-c", str(root / "nginx.conf"), "-p", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = Server(process, f"http://127.0.0.1:{port}")
    wait_for(server.url + ready)
    return server


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


@contextmanager
def running_app(data_dir: Path) -> Iterator[Server]:
    server, _ = start_app(data_dir)
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def static_server(fill: Callable[[Path], None], ready: str) -> Iterator[Server]:
    """nginx serving what ``fill`` writes into the web root it is given; everything removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="nkw-nginx-"))
    try:
        fill(root / "www")
        server = start_nginx(root, ready)
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
