"""Every rule about how a claim reads, in one place: value, period, publisher, publication date."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.words import (
    format_amount,
    format_number,
    format_period,
    format_published,
    format_value,
    publisher_name,
)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "unit", "expected"),
    [
        (100_000, 100_000, "about", "workers", "about 100,000 workers"),
        (12_000, 12_000, "at_least", "workers", "at least 12,000 workers"),
        (50_000, 50_000, "more_than", "workers", "more than 50,000 workers"),
        (90, 90, "up_to", "percent", "up to 90%"),
        (200e6, 500e6, "range", "USD per year", "US$200 million to 500 million a year"),
        (1.1e9, 1.1e9, "exact", "USD", "US$1.1 billion"),
        (0, 0, "exact", "workers", "0 workers"),
        (462, 462, "range", "workers", "462 workers"),  # a range with equal ends reads as one figure
        (3, 3, "exact", "times", "3 times"),
        (750_000_000, 1_100_000_000, "range", "USD per year", "US$750 million to 1.1 billion a year"),
        (20_400_000, 20_400_000, "about", "USD per year", "about US$20.4 million a year"),
        (150, 150, "exact", "USD per month", "US$150 a month"),
        (24000, 24000, "at_least", "permits", "at least 24,000 permits"),
        (50, 50, "more_than", "percent", "more than 50%"),
    ],
)
def test_value_reads_with_its_qualifier_and_unit(
    low: float, high: float, qualifier: str, unit: str, expected: str
) -> None:
    assert format_value(low, high, qualifier, unit) == expected


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2018, 12, 1), date(2018, 12, 31), "month", "Dec 2018"),
        (date(2017, 12, 1), date(2018, 12, 31), "month", "Dec 2017 to Dec 2018"),
        (date(2017, 1, 1), date(2017, 12, 31), "year", "2017"),
        (date(2017, 1, 1), date(2023, 12, 31), "multi-year", "2017 to 2023"),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", "Q3 2024"),
        (date(2024, 1, 11), date(2024, 1, 14), "day", "11 Jan 2024 to 14 Jan 2024"),
        (date(2019, 12, 22), date(2019, 12, 22), "day", "22 Dec 2019"),
        (date(2020, 3, 10), date(2020, 3, 10), "day", "10 Mar 2020"),
        (None, None, "unknown", "period not stated"),
        (date(2019, 1, 1), date(2019, 12, 31), "unknown", "period not stated"),
    ],
)
def test_period_reads_at_its_precision(start: date | None, end: date | None, precision: str, expected: str) -> None:
    assert format_period(start, end, precision) == expected


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("day", "3 Mar 2024"), ("month", "Mar 2024"), ("quarter", "Q1 2024"), ("year", "2024")],
)
def test_publication_date_never_claims_more_precision_than_known(precision: str, expected: str) -> None:
    assert format_published(date(2024, 3, 3), precision) == expected


def test_amounts_stay_exact_below_a_million() -> None:
    assert format_amount(23267, "workers") == "23,267"
    assert format_amount(740_000_000, "USD") == "740 million"


def test_publication_date_unknown() -> None:
    assert format_published(None, "day") == "date unknown"


def test_republication_names_both_publishers() -> None:
    assert publisher_name("Yahoo News", "Reuters") == "Reuters (via Yahoo News)"
    assert publisher_name("Reuters") == "Reuters"
    assert publisher_name("Reuters", "") == "Reuters"


def test_numbers_read_with_thousands_separators() -> None:
    assert format_number(20_400_000.0) == "20,400,000"
    assert format_number(2.5) == "2.5"
