"""How a claim's value and period read in words, everywhere the site shows them.

One function per thing, so the chart hover, the data table and the estimate page
never disagree about how "at least 12,000 workers" is written.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

# How a figure reads for each unit in the descriptor: (before, after).
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "workers": ("", " workers"),
    "permits": ("", " permits"),
    "visas": ("", " visas"),
    "entries": ("", " entries"),
    "sites": ("", " sites"),
    "percent": ("", "%"),
    "times": ("", " times"),
    "USD": ("US$", ""),
    "USD per year": ("US$", " a year"),
    "USD per month": ("US$", " a month"),
}
QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "range": "",
}
MONEY_UNITS = frozenset({"USD", "USD per year", "USD per month"})
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"))


def format_amount(value: float, unit: str) -> str:
    """12000 -> '12,000'; for money, 750000000 -> '750 million' and 1100000000 -> '1.1 billion'."""
    if unit in MONEY_UNITS:
        for size, word in _SCALES:
            if abs(value) >= size:
                return f"{value / size:,.3g} {word}".replace("e+", "e")
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}"


def format_value(low: float, high: float, qualifier: str, unit: str, *, suffix: bool = True) -> str:
    """'about 100,000 workers', 'up to 90%', 'US$200 million to 500 million a year'.

    ``suffix=False`` leaves out the unit's trailing words, for the first half of 'X to Y workers'.
    """
    before, after = UNIT_WORDS.get(unit, ("", f" {unit}"))
    after = after if suffix else ""
    if qualifier == "range" and low != high:
        return f"{before}{format_amount(low, unit)} to {format_amount(high, unit)}{after}"
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{before}{format_amount(low, unit)}{after}"


def _as_date(value: object) -> date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def format_period(start: object, end: object, precision: str) -> str:
    """'Dec 2018', 'Dec 2017 to Dec 2018', '2017', '2017 to 2023', 'Q3 2024', '11 Jan 2024 to 14 Jan 2024'."""
    first, last = _as_date(start), _as_date(end)
    if precision == "unknown" or first is None or last is None:
        return "period not stated"
    if precision == "day":
        return _day(first) if first == last else f"{_day(first)} to {_day(last)}"
    if precision == "month":
        a, b = f"{first:%b %Y}", f"{last:%b %Y}"
        return a if a == b else f"{a} to {b}"
    if precision == "quarter":
        a, b = f"Q{(first.month - 1) // 3 + 1} {first.year}", f"Q{(last.month - 1) // 3 + 1} {last.year}"
        return a if a == b else f"{a} to {b}"
    if first.year == last.year:
        return str(first.year)
    return f"{first.year} to {last.year}"


def format_published(published: object, precision: str) -> str:
    day = _as_date(published)
    if day is None:
        return "date unknown"
    if precision == "day":
        return _day(day)
    if precision == "month":
        return f"{day:%b %Y}"
    return str(day.year)
