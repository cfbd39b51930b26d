"""Rules the Table Schema cannot express: ranges, qualifiers, and dates that match their precision.

Each rule reads the raw CSV cells and skips cells that do not parse: frictionless
already reports those, and one problem per cell is easier to act on.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from .csvfile import CsvRow, RowReader, read_rows
from .problems import Problem

SINGLE_FIGURE_QUALIFIERS = frozenset({"exact", "about", "at_least", "more_than", "up_to"})


def check_rules(data_dir: Path, read: RowReader = read_rows) -> list[Problem]:
    problems: list[Problem] = []
    for file_name, rules in RULES.items():
        path = data_dir / file_name
        if not path.is_file():
            continue  # frictionless reports the missing file
        display = str(data_dir / file_name)
        _header, rows = read(path)
        for row in rows:
            for rule in rules:
                problems.extend(
                    Problem(display, row.line, column, value, message) for column, value, message in rule(row)
                )
    return problems


Finding = tuple[str, str, str]  # column, value, rule


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _parse_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def period_findings(start_col: str, end_col: str, precision_col: str) -> Callable[[CsvRow], Iterator[Finding]]:
    """Start and end dates must both be given (or both empty for 'unknown') and match the precision."""

    def check(row: CsvRow) -> Iterator[Finding]:
        precision = row.cells.get(precision_col, "")
        start_text, end_text = row.cells.get(start_col, ""), row.cells.get(end_col, "")
        if precision == "unknown":
            for column, text in ((start_col, start_text), (end_col, end_text)):
                if text:
                    yield column, text, f"must be empty when {precision_col} is 'unknown'"
            return
        for column, text in ((start_col, start_text), (end_col, end_text)):
            if not text:
                yield column, text, f"required unless {precision_col} is 'unknown'"
        start, end = parse_date(start_text), parse_date(end_text)
        if start is None or end is None:
            return
        if end < start:
            yield end_col, end_text, f"must not be before {start_col} ({start_text})"
            return
        yield from _precision_findings(precision, precision_col, start_col, start, end_col, end)

    return check


def _precision_findings(
    precision: str, precision_col: str, start_col: str, start: date, end_col: str, end: date
) -> Iterator[Finding]:
    where = f"with {precision_col} '{precision}'"
    if precision == "month":
        if start.day != 1:
            yield start_col, start.isoformat(), f"must be the first day of a month {where}"
        if end != _month_end(end):
            yield end_col, end.isoformat(), f"must be the last day of a month {where}"
    elif precision == "quarter":
        if start.day != 1 or start.month not in (1, 4, 7, 10):
            yield start_col, start.isoformat(), f"must be the first day of a quarter {where}"
        if end != _month_end(end) or end.month not in (3, 6, 9, 12):
            yield end_col, end.isoformat(), f"must be the last day of a quarter {where}"
    elif precision in ("year", "multi-year"):
        if (start.month, start.day) != (1, 1):
            yield start_col, start.isoformat(), f"must be 1 January {where}"
        if (end.month, end.day) != (12, 31):
            yield end_col, end.isoformat(), f"must be 31 December {where}"
        if precision == "year" and end.year != start.year:
            yield end_col, end.isoformat(), f"must be in the same year as {start_col} {where}"
        if precision == "multi-year" and end.year == start.year:
            yield end_col, end.isoformat(), f"must be in a later year than {start_col} {where}"


def published_findings(row: CsvRow) -> Iterator[Finding]:
    """A publication date must sit on the boundary its precision implies (1st of the month, 1 January)."""
    precision, text = row.cells.get("published_precision", ""), row.cells.get("published", "")
    published = parse_date(text)
    if published is None:
        return
    if precision == "month" and published.day != 1:
        yield "published", text, "must be the first day of the month with published_precision 'month'"
    if precision == "year" and (published.month, published.day) != (1, 1):
        yield "published", text, "must be 1 January with published_precision 'year'"


def value_findings(row: CsvRow) -> Iterator[Finding]:
    """value_low <= value_high; single figures have equal ends; a range has distinct ends."""
    low_text, high_text = row.cells.get("value_low", ""), row.cells.get("value_high", "")
    # Python's float() and frictionless also read Arabic-Indic or fullwidth digits ('١٢٣') as a number, which
    # pandas then cannot read: a traceback instead of this list. (What no tool reads, frictionless reports.)
    cells = (("value_low", low_text), ("value_high", high_text))
    foreign = [(column, text) for column, text in cells if not text.isascii() and _parse_number(text) is not None]
    for column, text in foreign:
        yield column, text, "must be a number written with the digits 0-9 and a decimal point, such as 1500 or 2.5"
    low, high = _parse_number(low_text), _parse_number(high_text)
    if foreign or low is None or high is None:
        return
    if low > high:
        yield "value_low", low_text, f"must not be above value_high ({high_text})"
        return
    qualifier = row.cells.get("qualifier", "")
    if qualifier == "range" and low == high:
        yield "value_high", high_text, "must be above value_low when qualifier is 'range'"
    if qualifier in SINGLE_FIGURE_QUALIFIERS and low != high:
        yield "value_high", high_text, f"must equal value_low ({low_text}) when qualifier is '{qualifier}'"


def source_location_findings(row: CsvRow) -> Iterator[Finding]:
    """A source must say where to find it: an address, an article file, or both."""
    if not row.cells.get("url") and not row.cells.get("file"):
        yield "url", "", "required when file is empty: a source needs an address or an article file"


RULES: dict[str, list[Callable[[CsvRow], Iterator[Finding]]]] = {
    "estimates.csv": [value_findings, period_findings("period_start", "period_end", "period_precision")],
    "sources.csv": [published_findings, source_location_findings],
    "events.csv": [period_findings("date_start", "date_end", "date_precision")],
}
