"""The app in a plain uvicorn subprocess (proxy headers trusted from 127.0.0.1, uvicorn's default: harsher than
``python -m app serve``, which the Dockerfile runs), and an unprivileged nginx whose every file is under a tmp
folder."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from ..live_server import free_port as free_port  # the proxy test imports it from here
from ..static_site.test_nginx import wait_for
from ..tiny_data import ROOT

NGINX = Path(os.environ.get("NGINX_PATH", "/usr/sbin/nginx"))  # `make tools` installs it


def wait_until_healthy(url: str, seconds: float, process: subprocess.Popen[bytes]) -> bool:
    """Whether the server at ``url`` answered /healthz within ``seconds`` (False at once if it exited)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.1)
    return False


class LiveApp:
    """Plain uvicorn believing X-Forwarded-* from 127.0.0.1 (its default, and the harshest setup for the proxy
    test: production's ``serve`` believes no proxy unless told); ``settings`` are NKW_ variables without the prefix."""

    def __init__(self, settings: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ) | {f"NKW_{name.upper()}": value for name, value in settings.items()}
        command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app"]
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--proxy-headers", "--no-access-log"]
        # Logs go to a file, not a pipe: a pipe nobody reads fills up and stalls the server.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        if not wait_until_healthy(self.url, 60, self.process):
            self.stop()
            raise RuntimeError(f"The app on port {self.port} did not start within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


class Nginx:
    def __init__(self, prefix: Path, server_block: str) -> None:
        if not NGINX.is_file():
            pytest.fail(f"{NGINX} is missing: run 'make tools' (it installs Debian's nginx)")
        self.prefix = prefix
        temps = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        temp = " ".join(f"{kind}_temp_path {prefix / kind};" for kind in temps)
        user = "user root;" if os.geteuid() == 0 else ""  # as root, workers would run as nobody
        conf = (
            f"{user} daemon off; worker_processes 1; pid {prefix / 'nginx.pid'}; error_log {prefix / 'error.log'};\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{ access_log {prefix / 'access.log'}; {temp}\n{server_block}\n}}\n"
        )
        (prefix / "nginx.conf").write_text(conf, encoding="utf-8")
        command: list[str | Path] = [NGINX, "-p", prefix, "-c", prefix / "nginx.conf", "-e", prefix / "error.log"]
        self.process = subprocess.Popen(command)

    def wait_for(self, port: int) -> None:
        wait_for(port, self.process, self.prefix)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)
