"""Load from wrk: requests/s and latency percentiles, read from wrk's own report."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
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


def parse_wrk(out: str) -> Load:
    """wrk's `--latency` report. A run that timed out everywhere has no distribution: its percentiles are NaN,
    which fails any latency target."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    # The "Latency Distribution" lines, not the "+/- Stdev" column, which may also end in "50%".
    p50 = re.search(r"^\s+50%\s+(\S+)\s*$", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)\s*$", out, re.M)
    if rps is None or p50 is None or p99 is None:
        return Load(float(rps.group(1)) if rps else 0.0, float("nan"), float("nan"))
    return Load(float(rps.group(1)), to_ms(p50.group(1)), to_ms(p99.group(1)))


def wrk(url: str, duration: int) -> Load:
    """50 connections from one wrk thread (the other core is the server's), gzip accepted as browsers do."""
    out = subprocess.run(
        ["wrk", "-t1", "-c50", f"-d{duration}s", "--latency", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    load = parse_wrk(out)
    if load.p99_ms != load.p99_ms:  # NaN
        print(f"  could not read wrk's latencies for {url}:\n{out}", file=sys.stderr)
    return load


def median_load(loads: list[Load]) -> Load:
    return Load(*(statistics.median(getattr(x, f) for x in loads) for f in ("rps", "p50_ms", "p99_ms")))
