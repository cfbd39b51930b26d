"""``make fuzz``: schemathesis against a live uvicorn of the app on the bundled data; fails on any 5xx.

The schema is FastAPI's own (``app.openapi()``; the app serves none, ``openapi_url=None``), written to a temp file
and completed: routes that read ``request.query_params`` (chart, map and country filters) get the parameters
``app.params`` says they read, path parameters get an example that exists (so schemathesis reaches real views
as well as 404s), and each GET and HEAD operation gets an id of its own. The count of requests and of 5xx
answers is read from uvicorn's access log, so it counts what the server answered, whatever schemathesis sent.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from pathlib import Path

from app.main import create_app
from app.params import known_parameters
from app.settings import Settings

MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))  # per operation (80 operations): about 12,000 requests
PYTHON = sys.executable
ACCESS_LINE = re.compile(r'"[A-Z]+ \S* HTTP/[0-9.]+" (?P<status>[0-9]{3})')


def schema() -> dict[str, object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # FastAPI warns that a GET and HEAD route share an operation id
        app = create_app(Settings())
        document = app.openapi()
    version = str(app.state.context.release.version)
    examples = {
        "name": "workers-abroad",
        "slug": "workers-abroad",
        "code": "rus",
        "estimate_id": "e0001",
        "source_id": "s-one",
        "number": "2",
        "version": version,
        "extension": "csv",
        "page": "charts/revenue",
    }
    paths: dict[str, dict[str, dict[str, object]]] = document["paths"]
    for path, operations in paths.items():
        listed_path = path.replace("{version}", version)
        for method, operation in operations.items():
            operation["operationId"] = f"{method}_{operation['operationId']}"
            parameters: list[dict[str, object]] = operation.setdefault("parameters", [])  # type: ignore[assignment]
            # Dependencies read {version} from request.path_params, so FastAPI does not list it.
            for name in re.findall(r"{(\w+)}", path):
                if not any(parameter["name"] == name for parameter in parameters):
                    parameters.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
            for parameter in parameters:
                if parameter["in"] == "path" and parameter["name"] in examples:
                    parameter["example"] = examples[str(parameter["name"])]
            listed = {parameter["name"] for parameter in parameters}
            for name in known_parameters(listed_path.replace("{", "").replace("}", "")):
                if name not in listed:
                    parameters.append({"name": name, "in": "query", "required": False, "schema": {"type": "string"}})
    return document


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            sys.exit(f"uvicorn stopped with status {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("uvicorn did not answer /healthz within 60 s")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        schema_file = Path(tmp) / "openapi.json"
        schema_file.write_text(json.dumps(schema()), encoding="utf-8")
        log_path = Path(tmp) / "access.log"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = [PYTHON, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", str(port)]
        with log_path.open("wb") as log:
            server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_until_up(base, server)
                started = time.monotonic()
                fuzz = [
                    *(str(Path(PYTHON).parent / "st"), "run", str(schema_file), "--url", base),
                    *("--checks", "not_a_server_error", "--max-examples", str(MAX_EXAMPLES)),
                    *("--phases", "examples,coverage,fuzzing", "--generation-deterministic", "--workers", "2"),
                ]
                status = subprocess.run(fuzz, check=False, cwd=tmp).returncode  # its cache stays in tmp
                elapsed = time.monotonic() - started
            finally:
                server.terminate()
                server.wait(timeout=30)
        statuses = [m["status"] for m in ACCESS_LINE.finditer(log_path.read_text(encoding="utf-8", errors="replace"))]
    server_errors = sum(status.startswith("5") for status in statuses)
    sys.stdout.write(f"make fuzz: {len(statuses)} requests answered in {elapsed:.0f} s, {server_errors} 5xx\n")
    return 1 if server_errors or status else 0


if __name__ == "__main__":
    sys.exit(main())
