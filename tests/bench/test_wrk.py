"""wrk's report is read right: the req/s and latency figures the table and its targets are built on."""

from __future__ import annotations

import math

import pytest

from bench.wrk import Load, parse_wrk, to_ms

REPORT = """Running 1s test @ http://127.0.0.1:8712/healthz
  1 threads and 5 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.64ms    2.24ms  17.28ms   50%
    Req/Sec     1.10k   105.38     1.30k    80.00%
  Latency Distribution
     50%  870.00us
     75%    5.66ms
     90%    7.61ms
     99%    1.77s
  1100 requests in 1.00s, 666.02KB read
Requests/sec:   1097.44
Transfer/sec:    664.47KB
"""


def test_the_latency_distribution_is_read_not_the_stdev_column() -> None:
    assert parse_wrk(REPORT) == Load(rps=1097.44, p50_ms=0.87, p99_ms=1770.0)


def test_a_run_without_a_distribution_has_no_latency() -> None:
    load = parse_wrk("Running 1s test\n  0 requests in 1.00s\nRequests/sec:      0.00\n")
    assert load.rps == 0
    assert math.isnan(load.p99_ms)


@pytest.mark.parametrize(("text", "expected"), [("870.00us", 0.87), ("4.51ms", 4.51), ("2.01m", 120_600)])
def test_durations_in_every_unit(text: str, expected: float) -> None:
    assert to_ms(text) == pytest.approx(expected)


def test_an_unknown_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="Not a wrk duration"):
        to_ms("4.51 ms")
