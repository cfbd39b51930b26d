"""The benchmark: throughput against nginx, what a reader's browser sees against a full-bundle static page,
Lighthouse, cold start, and growth with the data (bench/README.md).

    make bench                                                  # everything, about 15 minutes
    python bench/run.py --runs 1 --duration 3 --factors         # a quick look, 1x data only

Prints a Markdown table and exits 1 if a target is missed. Needs wrk, nginx and chromium (Debian packages;
run as root it installs the missing ones), the bench extra (dash) and `make bench-tools` (the full plotly.js
bundle and Lighthouse). Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.browser import PLOTLY_DONE, Visits, time_to_hover, visit  # noqa: E402
from bench.figure import EMBED, Figure, embed_figure, expected_points  # noqa: E402
from bench.lighthouse import Audit, median_audit  # noqa: E402
from bench.make_synthetic import make as make_synthetic  # noqa: E402
from bench.reference import REFERENCE_PATH, full_bundle, reference_files  # noqa: E402
from bench.servers import Server, free_port, rss_mib, running_app, start_app, static_server, wait_for  # noqa: E402
from bench.static_site import mirror_app, write_precompressed  # noqa: E402
from bench.table import Row, all_met, at_1x_only, kib, ms, ratio, render  # noqa: E402
from bench.wrk import Load, median_load, wrk  # noqa: E402

CHART_PAGE = "/charts/workers-abroad"
PAGES = ["/", CHART_PAGE, "/countries/rus", EMBED]
TARGETS = [*PAGES, "/data/estimates.csv"]
LIGHTHOUSE_PAGES = ["/", CHART_PAGE, EMBED]
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
BROWSER_RUNS = 5  # first visits, hovers: medians of five
HOME_RUNS = 3
# At 10x and 100x: fewer of everything, or `make bench` would outlast ~15 minutes on two cores.
GROWTH_BROWSER_RUNS = 3
GROWTH_HOME_RUNS = 1
LIGHTHOUSE_RUNS = 3

# Issue 12's targets.
VISIBLE_MAX_RATIO = 0.10
BYTES_UNTIL_VISIBLE_MAX = 40 * 1024
HOVER_MAX_RATIO = 0.5
P99_MAX_MS = 50
NGINX_MIN_RATIO = 0.25
LIGHTHOUSE_MIN = 90


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


def first_burst(data_dir: Path) -> dict[str, Load]:
    """Each page under 50 connections for the first 5 s after a start: what a fresh deploy meets in a spike."""
    loads = {}
    for path in PAGES:
        # Ready as a load balancer sees it (/readyz: the country pages' charts built), no page rendered yet.
        server, _ = start_app(data_dir, ready="/readyz")
        try:
            loads[path] = wrk(server.url + path, 5)
        finally:
            server.stop()
    return loads


@dataclass
class Scale:
    """Everything measured on one size of data."""

    factor: int
    cold_ms: float
    first: dict[str, Load]  # the first 5 s after a start, by page
    rss: float
    loads: dict[str, tuple[Load, Load]]  # warm, app and nginx, by target
    embed: Visits
    home: Visits


def measure_scale(factor: int, data_dir: Path, browser: Browser, runs: int, duration: int) -> Scale:
    """``runs`` wrk runs of ``duration`` s per target; fewer browser visits above 1x."""
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
    with running_app(data_dir) as app:
        for path in TARGETS:  # warm-up: every target, a few times
            for _ in range(20):
                httpx.get(app.url + path, headers={"Accept-Encoding": "gzip"})
        rss = rss_mib(app.process.pid)
        with static_server(lambda www: mirror_app(app.url, TARGETS, www), ready="/") as nginx:
            loads = throughput(app, nginx, runs, duration)
        embed = visit(browser, app.url + EMBED, BROWSER_RUNS if factor == 1 else GROWTH_BROWSER_RUNS)
        home = visit(browser, app.url + "/", HOME_RUNS if factor == 1 else GROWTH_HOME_RUNS)
    return Scale(factor, statistics.median(colds), first, rss, loads, embed, home)


@dataclass
class References:
    """Measured at 1x only: the references the embed is compared with, its hover, and Lighthouse."""

    full_chart_ms: float  # the full-bundle static page: all points drawn
    full_hover_ms: float
    embed_hover_ms: float
    dash_chart_ms: float
    lighthouse: dict[str, Audit]


def dash_chart_ms(browser: Browser, figure: Figure) -> float:
    """Time to chart of a minimal Dash app drawing the embed's very figure (issue 5's reference, reported)."""
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
        points = expected_points([figure])
        return visit(browser, dash.url + "/", BROWSER_RUNS, PLOTLY_DONE, points).median(lambda n: n.chart_ms)
    finally:
        dash.stop()
        Path(handle.name).unlink()


def full_bundle_site(figure: Figure) -> Callable[[Path], None]:
    version = subprocess.run(
        [sys.executable, "-m", "app", "plotly-version"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    bundle = full_bundle(version)
    return lambda www: write_precompressed(www, reference_files(figure, bundle))


def measure_references(browser: Browser) -> References:
    print("references, hover, Lighthouse (1x data):", file=sys.stderr)
    with running_app(ROOT / "data") as app:
        with httpx.Client(base_url=app.url) as client:
            figure = embed_figure(client)
        with static_server(full_bundle_site(figure), ready=REFERENCE_PATH) as nginx:
            reference_url = nginx.url + REFERENCE_PATH
            points = expected_points([figure])
            full = visit(browser, reference_url, BROWSER_RUNS, PLOTLY_DONE, points).median(lambda n: n.chart_ms)
            full_hover = time_to_hover(browser, reference_url, BROWSER_RUNS)
        embed_hover = time_to_hover(browser, app.url + EMBED, BROWSER_RUNS)
        audits = {path: median_audit(app.url + path, CHROMIUM, LIGHTHOUSE_RUNS) for path in LIGHTHOUSE_PAGES}
    return References(full, full_hover, embed_hover, dash_chart_ms(browser, figure), audits)


def throughput_rows(scales: list[Scale]) -> list[Row]:
    rows = []
    for path in TARGETS:
        page = path in PAGES
        loads = [s.loads[path] for s in scales]
        rows.append(Row(f"`{path}` req/s app (nginx)", [f"{a.rps:,.0f} ({n.rps:,.0f})" for a, n in loads]))
        rows.append(
            Row(
                f"`{path}` app/nginx req/s (gzip_static)",
                [ratio(a.rps, n.rps) for a, n in loads],
                f"≥ {NGINX_MIN_RATIO}x" if page else "(reported)",
                loads[0][0].rps >= NGINX_MIN_RATIO * loads[0][1].rps if page else None,
            )
        )
        rows.append(
            Row(
                f"`{path}` app p50 / p99, warm",
                [f"{a.p50_ms:.1f} / {a.p99_ms:.1f} ms" for a, _ in loads],
                f"p99 < {P99_MAX_MS} ms" if page else "(reported)",
                loads[0][0].p99_ms < P99_MAX_MS if page else None,
            )
        )
        if page:
            rows.append(
                Row(
                    f"`{path}` app p99, first 5 s after a start",
                    [f"{s.first[path].p99_ms:,.1f} ms" for s in scales],
                    f"< {P99_MAX_MS} ms",
                    scales[0].first[path].p99_ms < P99_MAX_MS,
                )
            )
        rows.append(Row(f"`{path}` nginx p50 / p99", [f"{n.p50_ms:.1f} / {n.p99_ms:.1f} ms" for _, n in loads]))
    return rows


def embed_rows(scales: list[Scale], refs: References) -> list[Row]:
    """Issue 12's rows: the embed against the full-bundle static reference."""
    columns = len(scales)
    visible = [s.embed.median(lambda n: n.visible_ms) for s in scales]
    until_visible = [s.embed.median(lambda n: n.bytes_until_visible) for s in scales]
    plotly_early = [s.embed.any_first(lambda n: n.plotly_before_visible) for s in scales]
    return [
        Row("Full-bundle static reference: time to chart", at_1x_only(ms(refs.full_chart_ms), columns), "(reported)"),
        Row(
            "Full-bundle static reference: time until hover works",
            at_1x_only(ms(refs.full_hover_ms), columns),
            "(reported)",
        ),
        Row(
            "Embed: chart visible (server SVG painted), ratio to the reference's time to chart",
            [f"{ms(visible[0])} ({ratio(visible[0], refs.full_chart_ms)})", *map(ms, visible[1:])],
            f"≤ {VISIBLE_MAX_RATIO:.2f}x",
            visible[0] <= VISIBLE_MAX_RATIO * refs.full_chart_ms,
        ),
        Row(
            "Embed: bytes on the wire until the chart is visible, first visit",
            [kib(v) for v in until_visible],
            f"≤ {kib(BYTES_UNTIL_VISIBLE_MAX)}",
            until_visible[0] <= BYTES_UNTIL_VISIBLE_MAX,
        ),
        Row(
            "Embed: plotly.js requested before the chart is visible",
            ["yes" if early else "no" for early in plotly_early],
            "no",
            not plotly_early[0],
        ),
        Row(
            "Embed: time until hover works, ratio to the reference",
            at_1x_only(f"{ms(refs.embed_hover_ms)} ({ratio(refs.embed_hover_ms, refs.full_hover_ms)})", columns),
            f"≤ {HOVER_MAX_RATIO}x",
            refs.embed_hover_ms <= HOVER_MAX_RATIO * refs.full_hover_ms,
        ),
        Row(
            "Dash app drawing the same figure: time to chart (embed visible as a ratio of it)",
            at_1x_only(f"{ms(refs.dash_chart_ms)} ({ratio(visible[0], refs.dash_chart_ms)})", columns),
            "(reported)",
        ),
    ]


def visit_rows(scales: list[Scale]) -> list[Row]:
    """Issue 5's rows: bytes of first and repeat visits, documents' growth with the data."""
    first = [s.embed.median(lambda n: n.wire_bytes) for s in scales]
    repeat = [s.embed.median(lambda n: n.wire_bytes, repeat=True) for s in scales]
    rows = [
        Row("Embed, first visit, bytes on the wire", [kib(v) for v in first], "≤ 450 KiB", first[0] <= 450 * 1024),
        Row("Embed, repeat visit, bytes on the wire", [kib(v) for v in repeat], "≤ 20 KiB", repeat[0] <= 20 * 1024),
        Row(
            "`/`, first visit, bytes on the wire",
            [kib(s.home.median(lambda n: n.wire_bytes)) for s in scales],
            "(reported)",
        ),
        Row(
            "`/`, repeat visit, bytes on the wire",
            [kib(s.home.median(lambda n: n.wire_bytes, repeat=True)) for s in scales],
            "(reported)",
        ),
    ]
    for label, visits in (("Embed page", [s.embed for s in scales]), ("`/` page", [s.home for s in scales])):
        documents = [v.median(lambda n: n.document_bytes) for v in visits]
        growth = documents[-1] / documents[0]
        rows.append(
            Row(f"{label} document, on the wire", [kib(v) for v in documents], "at 100x ≤ 2x of 1x", growth <= 2)
        )
    rows.append(
        Row(
            "`/`, time until all its charts are visible",
            [ms(s.home.median(lambda n: n.all_visible_ms)) for s in scales],
            "(reported)",
        )
    )
    return rows


def server_rows(scales: list[Scale]) -> list[Row]:
    return [
        Row(
            "Cold start to first 200 on `/`",
            [ms(s.cold_ms) for s in scales],
            "≤ 2,000 ms at 1x; ≤ 5,000 ms at 100x",
            scales[0].cold_ms <= 2000 and scales[-1].cold_ms <= 5000,
        ),
        Row(
            "Resident memory after warm-up",
            [f"{s.rss:,.0f} MiB" for s in scales],
            "≤ 200 MiB at 1x",
            scales[0].rss <= 200,
        ),
    ]


def lighthouse_rows(refs: References, columns: int) -> list[Row]:
    return [
        Row(
            f"Lighthouse performance (mobile), `{path}`: score (LCP, TBT, CLS)",
            at_1x_only(f"{a.score:.0f} ({a.lcp_ms / 1000:.1f} s, {ms(a.tbt_ms)}, {a.cls:.3f})", columns),
            f"≥ {LIGHTHOUSE_MIN}",
            a.score >= LIGHTHOUSE_MIN,
        )
        for path, a in refs.lighthouse.items()
    ]


def report(scales: list[Scale], refs: References) -> tuple[str, bool]:
    rows = [
        *throughput_rows(scales),
        *embed_rows(scales, refs),
        *visit_rows(scales),
        *lighthouse_rows(refs, len(scales)),
        *server_rows(scales),
    ]
    return render([f"{s.factor}x data" for s in scales], rows), all_met(rows)


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
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per target and side at 1x (medians)")
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run at 1x")
    parser.add_argument("--growth-duration", type=int, default=5, help="seconds per wrk run at 10x and 100x")
    parser.add_argument("--factors", type=int, nargs="*", default=[10, 100], help="synthetic data sizes")
    args = parser.parse_args()
    ensure_tools()
    work = Path(tempfile.mkdtemp(prefix="nkw-bench-"))
    started = time.monotonic()

    def lap(stage: str) -> None:
        print(f"  {stage} done at {time.monotonic() - started:,.0f} s", file=sys.stderr)

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        scales = [measure_scale(1, ROOT / "data", browser, args.runs, args.duration)]
        lap("1x data")
        refs = measure_references(browser)
        lap("references")
        for factor in args.factors:
            data_dir = work / f"data-{factor}x"
            make_synthetic(factor, data_dir)
            scales.append(measure_scale(factor, data_dir, browser, 1, args.growth_duration))
            lap(f"{factor}x data")
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    table, ok = report(scales, refs)
    print(table)
    print()
    print(
        f"wrk: 50 connections, one thread; at 1x {args.runs} interleaved runs of {args.duration} s per target "
        f"(medians), at larger sizes one of {args.growth_duration} s. Browser figures: medians of five first "
        "visits in fresh profiles (three for `/`; three and one at larger sizes); Lighthouse: the run with the "
        "median score of three. — : measured at 1x only. Growth columns use synthetic data from "
        "bench/make_synthetic.py."
    )
    print("All targets met." if ok else "Some targets were missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
