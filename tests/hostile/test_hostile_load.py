"""2,000 distinct hostile requests against a live server while a reader polls /healthz: memory stays within the
caches' caps and every health answer comes within 100 ms, throughout.

The server runs as the README's production setup (a base URL, any Host accepted, so hostile hosts reach the
app). Its browser is missing, so image requests go through the render queue and answer 503 at once: what is
measured is that they cost the server nothing else (Chromium's own memory and CPU are another process's).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx
import pytest

from ..tiny_data import write_tiny_data
from .live import LiveApp

log = logging.getLogger(__name__)

REQUESTS = 2000
ATTACKERS = 2  # the machine the suite runs on may have 2 cores: the server needs one
# The response cache holds at most 64 MiB, keys included; the zip and image caches are empty or one entry here.
# The rest is the allocator's slack and the interpreter's own growth under load, measured at 20-40 MB.
RSS_GROWTH_BOUND_MB = 100
# The bound, on every answer. Measured on a 2-core machine: the slowest 27-62 ms, p99 27-55 ms. The
# review's failure was 7.4 s, then timeouts. (The test runs alone: other tests sharing the cores would add
# their own scheduling delays.)
HEALTH_BOUND_MS = 100


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime


def wait_until_idle(pid: int, seconds: float = 30) -> None:
    """Until the server's background warm-up (country charts) is done: the attack meets a settled server."""
    deadline = time.monotonic() + seconds
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now - last < 0.05:
            return
        last = now
    raise AssertionError(f"the server was still busy {seconds:g} s after start")


def hostile_requests(seed: int) -> list[tuple[str, dict[str, str]]]:
    """Distinct requests: invented and oversized hosts, filters, ignored parameters, image URLs, long headers."""
    rng = random.Random(seed)
    found: list[tuple[str, dict[str, str]]] = []
    for n in range(REQUESTS):
        kind = n % 6
        if kind == 0:
            found.append(("/charts/revenue", {"Host": f"h{n}-{rng.randrange(10**9)}.evil.example"}))
        elif kind == 1:
            found.append(("/", {"Host": "x" * rng.randrange(256, 8000)}))  # refused at the door
        elif kind == 2:
            start = rng.randrange(1990, 2024)
            found.append((f"/charts/revenue?from={start}&to={start + rng.randrange(0, 5)}&n={n}", {}))
        elif kind == 3:
            found.append((f"/embed/repatriations?utm_{n}={'q' * rng.randrange(1, 2000)}", {}))
        elif kind == 4:
            found.append((f"/charts/revenue.{rng.choice(['png', 'svg'])}?from={1990 + n % 40}&x={n}", {}))
        else:
            found.append((f"/data?page={n}", {"X-Junk": "j" * rng.randrange(1000, 6000), "Host": f"{n}.example"}))
    return found


def attack(url: str, requests: list[tuple[str, dict[str, str]]]) -> list[int]:
    with httpx.Client(base_url=url, timeout=30) as client:
        return [client.get(path, headers=headers).status_code for path, headers in requests]


@pytest.mark.alone
def test_hostile_load_is_bounded_and_health_stays_fast(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    settings = {"data_dir": str(data), "cache_dir": str(tmp_path / "cache"), "base_url": "https://news.example.org"}
    server = LiveApp(settings | {"allowed_hosts": "*", "browser_path": str(tmp_path / "no-chromium")})
    try:
        with httpx.Client(base_url=server.url) as reader:
            for path in ("/", "/charts/revenue", "/embed/repatriations", "/data"):
                reader.get(path)  # the pages a normal visit warms
            wait_until_idle(server.process.pid)
            before = rss_mb(server.process.pid)
            requests = hostile_requests(seed=13)
            share = len(requests) // ATTACKERS
            # Attackers in processes of their own: in this one, their threads would hold the GIL while the
            # reader times /healthz, and the client's wait would be counted as the server's.
            with ProcessPoolExecutor(ATTACKERS, mp_context=multiprocessing.get_context("spawn")) as pool:
                chunks = [requests[n * share : (n + 1) * share] for n in range(ATTACKERS)]
                list(pool.map(attack, [server.url] * ATTACKERS, [[("/healthz", {})]] * ATTACKERS))  # started up
                started = time.monotonic()
                running = [pool.submit(attack, server.url, chunk) for chunk in chunks]
                health_ms: list[float] = []
                slow: list[str] = []
                # The reader's own garbage collections were timed as the server's: a full one in this process
                # (pytest and all it imported) took 100-130 ms, 0.4 s into the run. One now, none while timing.
                gc.collect()
                gc.disable()
                try:
                    while not all(future.done() for future in running):
                        tick = time.perf_counter()
                        assert reader.get("/healthz").status_code == 200
                        health_ms.append((time.perf_counter() - tick) * 1000)
                        slow.extend(
                            [f"{health_ms[-1]:.0f}@{time.monotonic() - started:.1f}s"] if health_ms[-1] > 50 else []
                        )
                        time.sleep(0.02)
                finally:
                    gc.enable()
                statuses = [status for future in running for status in future.result()]
            seconds = time.monotonic() - started
            after = rss_mb(server.process.pid)
    finally:
        server.stop()
    assert len(statuses) == REQUESTS
    assert not [status for status in statuses if status >= 500 and status != 503]
    p99 = statistics.quantiles(health_ms, n=100)[98]
    figures = (
        f"{REQUESTS} hostile requests in {seconds:.1f} s; RSS {before:.0f} -> {after:.0f} MB;"
        f" /healthz n={len(health_ms)} max {max(health_ms):.1f} ms p99 {p99:.1f} ms; over 50 ms: {slow}"
    )
    log.info(figures)  # the closing note quotes them: pytest --log-cli-level=INFO
    assert after - before < RSS_GROWTH_BOUND_MB, figures
    assert max(health_ms) < HEALTH_BOUND_MS, figures
