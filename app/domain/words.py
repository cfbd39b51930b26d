"""How a claim reads in words, everywhere the site shows it: one function per rule.

The chart hover, the data tables, the claim page and the image footer all call
these, so they never disagree about how "at least 12,000 workers", "Q3 2024" or
"Reuters (via Yahoo News)" is written.
"""

from __future__ import annotations

from datetime import date

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


def format_number(value: float) -> str:
    """12000 -> '12,000'; 20400000.0 -> '20,400,000'; 2.5 -> '2.5'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


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


def format_day(value: date) -> str:
    """'3 Mar 2024'."""
    return f"{value.day} {value:%b %Y}"


def format_quarter(value: date) -> str:
    """'Q3 2024'."""
    return f"Q{(value.month - 1) // 3 + 1} {value.year}"


def format_at_precision(value: date, precision: str) -> str:
    """A date written no finer than it is known: '3 Mar 2024', 'Mar 2024', 'Q1 2024' or '2024'."""
    if precision == "day":
        return format_day(value)
    if precision == "month":
        return f"{value:%b %Y}"
    if precision == "quarter":
        return format_quarter(value)
    return str(value.year)


def format_period(start: date | None, end: date | None, precision: str) -> str:
    """'Dec 2018', 'Dec 2017 to Dec 2018', '2017', '2017 to 2023', 'Q3 2024', '11 Jan 2024 to 14 Jan 2024'."""
    if precision == "unknown" or start is None or end is None:
        return "period not stated"
    if precision == "multi-year":
        precision = "year"
    first, last = format_at_precision(start, precision), format_at_precision(end, precision)
    return first if first == last else f"{first} to {last}"


def format_published(published: date | None, precision: str) -> str:
    """When a source was published, at the precision it is known: '3 Mar 2024', 'Mar 2024', 'Q1 2024', '2024'."""
    if published is None:
        return "date unknown"
    return format_at_precision(published, precision)


def publisher_name(publisher: str, original_publisher: str = "") -> str:
    """'Reuters (via Yahoo News)' for a republication, else the publisher."""
    return f"{original_publisher} (via {publisher})" if original_publisher else publisher
