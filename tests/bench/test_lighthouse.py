"""Lighthouse's JSON report is read right, and the median run is one real run (its metrics belong together)."""

from __future__ import annotations

from typing import Any

from bench.lighthouse import Audit, median_run, parse_report


def report(score: float | None) -> dict[str, Any]:
    """The parts of a Lighthouse 13 report (`--output=json`) the benchmark reads, as Lighthouse writes them."""
    return {
        "lighthouseVersion": "13.5.0",
        "categories": {"performance": {"id": "performance", "score": score}},
        "audits": {
            "largest-contentful-paint": {"numericValue": 2456.7, "displayValue": "2.5 s"},
            "total-blocking-time": {"numericValue": 150, "displayValue": "150 ms"},
            "cumulative-layout-shift": {"numericValue": 0.0123, "displayValue": "0.012"},
        },
    }


def test_the_score_is_out_of_a_hundred_with_its_metrics() -> None:
    assert parse_report(report(0.93)) == Audit(score=93.0, lcp_ms=2456.7, tbt_ms=150.0, cls=0.0123)


def test_a_run_lighthouse_could_not_score_scores_zero() -> None:
    assert parse_report(report(None)).score == 0


def test_the_median_run_is_the_middle_score() -> None:
    runs = [Audit(95, 1, 1, 0), Audit(70, 2, 2, 0), Audit(88, 3, 3, 0)]
    assert median_run(runs) == Audit(88, 3, 3, 0)
    assert median_run(runs[:2]) == Audit(70, 2, 2, 0)
