"""Lighthouse's performance score (mobile, its default preset) from npm `lighthouse`, pinned in
bench/package-lock.json and installed by `make bench-tools`, driving Debian's chromium."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from typing import Any

from .servers import ROOT

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox"


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run: the performance score (0-100) and three of the metrics it is made of."""

    score: float
    lcp_ms: float
    tbt_ms: float
    cls: float


def parse_report(report: dict[str, Any]) -> Audit:
    """The figures of a Lighthouse JSON report (`--output=json`). A run Lighthouse could not score (its score
    is null, e.g. the page did not paint) counts as 0, which fails the target."""
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    return Audit(
        score=100 * (score or 0),
        lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
        tbt_ms=float(audits["total-blocking-time"]["numericValue"]),
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
    )


def median_run(audits: list[Audit]) -> Audit:
    """The run with the median score (the lower middle one if even), so its metrics belong together."""
    ranked = sorted(audits, key=lambda audit: audit.score)
    return ranked[(len(ranked) - 1) // 2]


def lighthouse(url: str, chromium: str) -> Audit:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make bench-tools` (npm ci --prefix bench)")
    out = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"CHROME_PATH": chromium},
        timeout=180,
    ).stdout
    return parse_report(json.loads(out))


def median_audit(url: str, chromium: str, runs: int) -> Audit:
    return median_run([lighthouse(url, chromium) for _ in range(runs)])
