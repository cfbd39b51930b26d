"""How a claim's value and period read in words (``app/charts/text.py``)."""

from __future__ import annotations

import pytest

from app.charts.text import format_amount, format_period, format_value


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "unit", "expected"),
    [
        (100000, 100000, "about", "workers", "about 100,000 workers"),
        (12000, 12000, "at_least", "workers", "at least 12,000 workers"),
        (90, 90, "up_to", "percent", "up to 90%"),
        (200_000_000, 500_000_000, "range", "USD per year", "US$200 million to 500 million a year"),
        (750_000_000, 1_100_000_000, "range", "USD per year", "US$750 million to 1.1 billion a year"),
        (20_400_000, 20_400_000, "about", "USD per year", "about US$20.4 million a year"),
        (150, 150, "exact", "USD per month", "US$150 a month"),
        (24000, 24000, "at_least", "permits", "at least 24,000 permits"),
        (50, 50, "more_than", "percent", "more than 50%"),
    ],
)
def test_format_value(low: float, high: float, qualifier: str, unit: str, expected: str) -> None:
    assert format_value(low, high, qualifier, unit) == expected


def test_format_amount_keeps_small_figures_exact() -> None:
    assert format_amount(23267, "workers") == "23,267"
    assert format_amount(740_000_000, "USD") == "740 million"


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2018-12-01", "2018-12-31", "month", "Dec 2018"),
        ("2017-12-01", "2018-12-31", "month", "Dec 2017 to Dec 2018"),
        ("2024-07-01", "2024-09-30", "quarter", "Q3 2024"),
        ("2017-01-01", "2017-12-31", "year", "2017"),
        ("2017-01-01", "2023-12-31", "multi-year", "2017 to 2023"),
        ("2024-01-11", "2024-01-14", "day", "11 Jan 2024 to 14 Jan 2024"),
        ("2020-03-10", "2020-03-10", "day", "10 Mar 2020"),
        (None, None, "unknown", "period not stated"),
    ],
)
def test_format_period(start: str | None, end: str | None, precision: str, expected: str) -> None:
    import pandas as pd

    first = pd.Timestamp(start) if start else None
    last = pd.Timestamp(end) if end else None
    assert format_period(first, last, precision) == expected
