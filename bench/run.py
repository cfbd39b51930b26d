"""The benchmark: throughput against nginx, bytes and time to chart in Chromium, cold start, and growth.

    make bench                                      # everything, about 10 minutes
    python bench/run.py --runs 1 --duration 3       # a quick look

Prints a Markdown table and exits 1 if a target is missed. Needs wrk, nginx and chromium
(Debian packages; run as root it installs the missing ones) and the bench extra (dash).
Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_synthetic import make as make_synthetic  # noqa: E402

PAGES = ["/", "/countries/rus", "/embed/workers-abroad"]
TARGETS = [*PAGES, "/data/estimates.csv"]
EMBED = "/embed/workers-abroad"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Counts the chart points as they appear, from the very start of the document.
CHART_CLOCK = """
(() => {
  const check = () => {
    const expected = window.__expectedPoints;
    const drawn = document.querySelectorAll('.scatterlayer path.point').length;
    if (expected && drawn >= expected) { window.__chartDoneAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


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
    env = os.environ | {"NKW_DATA_DIR": str(data_dir)}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "app.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
    ]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(process, f"http://127.0.0.1:{port}")
    wait_for(server.url + ready)
    return server, (time.monotonic() - started) * 1000


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def start_nginx(app_url: str) -> tuple[Server, Path]:
    """nginx on a loopback port serving the app's responses, saved byte for byte as static files."""
    root = Path(tempfile.mkdtemp(prefix="nkw-nginx-"))
    (root / "tmp").mkdir()
    for path in TARGETS:
        body = httpx.get(app_url + path, headers={"Accept-Encoding": "identity"}).content
        target = root / "www" / (path.strip("/") or "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
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
    wait_for(server.url + "/")
    return server, root


@dataclass
class Load:
    rps: float
    p50_ms: float
    p99_ms: float


def to_ms(text: str) -> float:
    """wrk's durations: '870.00us', '4.51ms', '1.77s', '2.01m'."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if match is None:
        raise ValueError(f"Not a wrk duration: {text!r}")
    return float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}[match.group(2)]


def wrk(url: str, duration: int) -> Load:
    """50 connections from one wrk thread (the other core is the server's), gzip accepted as browsers do."""
    out = subprocess.run(
        ["wrk", "-t1", "-c50", f"-d{duration}s", "--latency", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    # The "Latency Distribution" lines, not the "+/- Stdev" column, which may also end in "50%".
    p50 = re.search(r"^\s+50%\s+(\S+)\s*$", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)\s*$", out, re.M)
    if rps is None or p50 is None or p99 is None:
        print(f"  could not read wrk's output for {url}:\n{out}", file=sys.stderr)
        return Load(float(rps.group(1)) if rps else 0.0, float("nan"), float("nan"))
    return Load(float(rps.group(1)), to_ms(p50.group(1)), to_ms(p99.group(1)))


def median_load(loads: list[Load]) -> Load:
    return Load(*(statistics.median(getattr(x, f) for x in loads) for f in ("rps", "p50_ms", "p99_ms")))


def throughput(app: Server, nginx: Server, runs: int, duration: int) -> dict[str, tuple[Load, Load]]:
    """Each target several times, app and nginx interleaved; medians."""
    results: dict[str, tuple[list[Load], list[Load]]] = {path: ([], []) for path in TARGETS}
    for _ in range(runs):
        for path in TARGETS:
            results[path][0].append(wrk(app.url + path, duration))
            results[path][1].append(wrk(nginx.url + path, duration))
            app_load, nginx_load = results[path][0][-1], results[path][1][-1]
            print(f"  {path}: app {app_load.rps:,.0f} req/s, nginx {nginx_load.rps:,.0f} req/s", file=sys.stderr)
    return {path: (median_load(a), median_load(n)) for path, (a, n) in results.items()}


def expected_points(html: str) -> int:
    """Markers the page's charts draw: one path.point per x value of every marker trace with a link (claims and
    events; a legend's colour swatch has no point). Other JSON on the page (the map's settings) is left out."""
    total = 0
    for match in re.finditer(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
        figure = json.loads(match.group(1))
        if not isinstance(figure, dict) or "data" not in figure:
            continue
        total += sum(len(t["x"]) for t in figure["data"] if t.get("mode") == "markers" and t.get("customdata"))
    return total


@dataclass
class Visit:
    first_bytes: list[int] = field(default_factory=list)
    repeat_bytes: list[int] = field(default_factory=list)
    document_bytes: list[int] = field(default_factory=list)
    chart_ms: list[float] = field(default_factory=list)


def visit(browser: Browser, url: str, points: int, runs: int) -> Visit:
    """First and repeat visit in a fresh browser profile: bytes on the wire and time to a full chart."""
    result = Visit()
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 800, "height": 900})
        context.add_init_script(f"window.__expectedPoints = {points};" + CHART_CLOCK)
        page = context.new_page()
        for repeat in (False, True):
            sizes: list[int] = []
            document: list[int] = []

            def on_finished(request: Any, sizes: list[int] = sizes, document: list[int] = document) -> None:
                size = request.sizes()
                sizes.append(size["responseBodySize"] + size["responseHeadersSize"])
                if request.resource_type == "document":
                    document.append(size["responseBodySize"])

            page.on("requestfinished", on_finished)
            # A repeat visit reloads, which makes the browser revalidate the page (a 304) while
            # assets with immutable names come from its cache.
            if repeat:
                page.evaluate("window.__chartDoneAt = undefined")
                page.reload()
            else:
                page.goto(url)
            page.wait_for_function("window.__chartDoneAt !== undefined", timeout=30000)
            elapsed = float(page.evaluate("window.__chartDoneAt"))
            page.wait_for_load_state("networkidle")
            page.remove_listener("requestfinished", on_finished)
            if repeat:
                result.repeat_bytes.append(sum(sizes))
            else:
                result.first_bytes.append(sum(sizes))
                result.document_bytes.append(sum(document))
                result.chart_ms.append(elapsed)
        context.close()
    return result


def dash_chart_ms(browser: Browser, app: Server, runs: int) -> float:
    """Time to chart of a minimal Dash app drawing the embed's very figure."""
    html = httpx.get(app.url + EMBED).text
    figure = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(figure, handle)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "dash_app.py"), handle.name, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    dash = Server(process, f"http://127.0.0.1:{port}")
    try:
        wait_for(dash.url + "/")
        return statistics.median(visit(browser, dash.url + "/", expected_points(html), runs).chart_ms)
    finally:
        dash.stop()


def first_burst(data_dir: Path) -> dict[str, Load]:
    """Each page under 50 connections for the first 5 s after a start: what a fresh deploy meets in a spike."""
    loads = {}
    for path in PAGES:
        server, _ = start_app(data_dir, ready="/healthz")  # no page rendered before the burst
        try:
            loads[path] = wrk(server.url + path, 5)
        finally:
            server.stop()
    return loads


@dataclass
class Scale:
    factor: int
    cold_ms: float
    first: dict[str, Load]  # the first 5 s after a start, by page
    rss: float
    loads: dict[str, tuple[Load, Load]]
    embed: Visit
    home: Visit


def measure_scale(factor: int, data_dir: Path, browser: Browser, runs: int, duration: int) -> Scale:
    print(f"{factor}x data:", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "app", "validate", str(data_dir)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    colds = []
    for _ in range(3):
        server, cold = start_app(data_dir)
        colds.append(cold)
        server.stop()
    first = first_burst(data_dir)
    app, _ = start_app(data_dir)
    try:
        for path in TARGETS:  # warm-up: every target, a few times
            for _ in range(20):
                httpx.get(app.url + path, headers={"Accept-Encoding": "gzip"})
        rss = rss_mib(app.process.pid)
        nginx, nginx_root = start_nginx(app.url)
        try:
            loads = throughput(app, nginx, runs, duration)
        finally:
            nginx.stop()
            shutil.rmtree(nginx_root, ignore_errors=True)
        embed_html = httpx.get(app.url + EMBED).text
        home_html = httpx.get(app.url + "/").text
        embed = visit(browser, app.url + EMBED, expected_points(embed_html), 5)
        home = visit(browser, app.url + "/", expected_points(home_html), 3)
    finally:
        app.stop()
    return Scale(factor, statistics.median(colds), first, rss, loads, embed, home)


def kib(value: float) -> str:
    return f"{value / 1024:,.1f} KiB"


def report(scales: list[Scale], dash_ms: float) -> tuple[str, bool]:
    rows: list[tuple[str, list[str], str, bool]] = []
    ok = True

    def row(name: str, values: list[str], target: str, passed: bool = True) -> None:
        nonlocal ok
        ok = ok and passed
        rows.append((name, values, target, passed))

    for path in TARGETS:
        page = path in PAGES
        ratios = [s.loads[path][0].rps / s.loads[path][1].rps for s in scales]
        row(
            f"`{path}` req/s app (nginx)",
            [f"{s.loads[path][0].rps:,.0f} ({s.loads[path][1].rps:,.0f})" for s in scales],
            "",
        )
        row(
            f"`{path}` app/nginx req/s",
            [f"{r:.2f}x" for r in ratios],
            "≥ 0.5x" if page else "(reported)",
            not page or ratios[0] >= 0.5,
        )
        p99 = [s.loads[path][0].p99_ms for s in scales]
        row(
            f"`{path}` app p50 / p99",
            [f"{s.loads[path][0].p50_ms:.1f} / {s.loads[path][0].p99_ms:.1f} ms" for s in scales],
            "p99 < 50 ms" if page else "(reported)",
            not page or p99[0] < 50,
        )
        if page:
            row(
                f"`{path}` app p99, first 5 s after a start",
                [f"{s.first[path].p99_ms:,.1f} ms" for s in scales],
                "< 50 ms",
                scales[0].first[path].p99_ms < 50,
            )
        row(
            f"`{path}` nginx p50 / p99",
            [f"{s.loads[path][1].p50_ms:.1f} / {s.loads[path][1].p99_ms:.1f} ms" for s in scales],
            "",
        )
    first = [statistics.median(s.embed.first_bytes) for s in scales]
    repeat = [statistics.median(s.embed.repeat_bytes) for s in scales]
    row("Embed, first visit, bytes on the wire", [kib(v) for v in first], "≤ 450 KiB", first[0] <= 450 * 1024)
    row("Embed, repeat visit, bytes on the wire", [kib(v) for v in repeat], "≤ 20 KiB", repeat[0] <= 20 * 1024)
    home_first = [statistics.median(s.home.first_bytes) for s in scales]
    row("`/`, first visit, bytes on the wire", [kib(v) for v in home_first], "(reported)")
    row(
        "`/`, repeat visit, bytes on the wire",
        [kib(statistics.median(s.home.repeat_bytes)) for s in scales],
        "(reported)",
    )
    for label, attribute in (("Embed page", "embed"), ("`/` page", "home")):
        documents = [statistics.median(getattr(s, attribute).document_bytes) for s in scales]
        growth = documents[-1] / documents[0]
        row(f"{label} document, encoded", [kib(v) for v in documents], "at 100x ≤ 2x of 1x", growth <= 2)
    chart = [statistics.median(s.embed.chart_ms) for s in scales]
    row(
        "Embed, time to chart (Dash: " + f"{dash_ms:,.0f} ms)",
        [f"{v:,.0f} ms ({v / dash_ms:.2f}x)" for v in chart],
        "≤ 0.4x Dash",
        chart[0] <= 0.4 * dash_ms,
    )
    row("`/`, time to all charts", [f"{statistics.median(s.home.chart_ms):,.0f} ms" for s in scales], "(reported)")
    row(
        "Cold start to first 200 on `/`",
        [f"{s.cold_ms:,.0f} ms" for s in scales],
        "≤ 2,000 ms at 1x; ≤ 5,000 ms at 100x",
        scales[0].cold_ms <= 2000 and scales[-1].cold_ms <= 5000,
    )
    row("Resident memory after warm-up", [f"{s.rss:,.0f} MiB" for s in scales], "≤ 200 MiB at 1x", scales[0].rss <= 200)
    header = "| Measure | " + " | ".join(f"{s.factor}x data" for s in scales) + " | Target | Met |"
    lines = [header, "|" + "---|" * (len(scales) + 3)]
    for name, values, target, passed in rows:
        met = "" if not target or target == "(reported)" else ("yes" if passed else "**no**")
        lines.append(f"| {name} | " + " | ".join(values) + f" | {target} | {met} |")
    return "\n".join(lines), ok


def ensure_tools() -> None:
    missing = [tool for tool in ("wrk", "nginx") if shutil.which(tool) is None]
    if missing and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env=os.environ | {"DEBIAN_FRONTEND": "noninteractive"},
        )
    elif missing:
        sys.exit(f"Missing {', '.join(missing)}: install the Debian packages")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per target and side at 1x (medians)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--factors", type=int, nargs="*", default=[10, 100], help="synthetic data sizes")
    args = parser.parse_args()
    ensure_tools()
    work = Path(tempfile.mkdtemp(prefix="nkw-bench-"))
    scales = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        scales.append(measure_scale(1, ROOT / "data", browser, args.runs, args.duration))
        app, _ = start_app(ROOT / "data")
        try:
            dash_ms = dash_chart_ms(browser, app, 5)
        finally:
            app.stop()
        for factor in args.factors:
            data_dir = work / f"data-{factor}x"
            make_synthetic(factor, data_dir)
            scales.append(measure_scale(factor, data_dir, browser, 1, args.duration))
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    table, ok = report(scales, dash_ms)
    print(table)
    print()
    print(
        f"wrk: 50 connections, one thread, {args.duration} s a run; {args.runs} interleaved runs per target at 1x "
        "(medians), one at larger sizes. Growth rows use synthetic data from bench/make_synthetic.py."
    )
    print("All targets met." if ok else "Some targets were missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
