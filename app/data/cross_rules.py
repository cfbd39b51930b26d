"""Rules that read two rows at once: a claim against its source, a claim against the claim it repeats.

Like ``rules.py``, these read raw cells and skip cells that do not parse or keys that
do not resolve: frictionless reports those, once each.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .csvfile import CsvRow, RowReader, read_rows
from .problems import Problem
from .rules import Finding, parse_date

ESTIMATES = "estimates.csv"
SOURCES = "sources.csv"
COUNTRIES = "countries.csv"
ENGLISH = "en"
LANGUAGE_CODE = re.compile("[a-z]{2}")
# The group a code that is not one country must be listed under, by its kind.
GROUP_OF_KIND = {"world": "Worldwide", "region": "Regions"}


@dataclass(frozen=True)
class Window:
    """The days a publication date of some precision may stand for: 'month 2017-10' is 1 to 31 October."""

    first: date
    last: date

    def text(self, precision: str) -> str:
        return self.first.isoformat() if precision == "day" else f"{self.first.isoformat()}, {precision} precision"


def check_cross_rules(data_dir: Path, read: RowReader = read_rows) -> list[Problem]:
    paths = {name: data_dir / name for name in (ESTIMATES, SOURCES, COUNTRIES)}
    problems: list[Problem] = []
    if paths[COUNTRIES].is_file():
        problems.extend(_country_problems(paths[COUNTRIES]))
    if not (paths[ESTIMATES].is_file() and paths[SOURCES].is_file()):
        return problems  # frictionless reports the missing file
    _header, sources = read(paths[SOURCES])
    published = {row.cells.get("id", ""): _window(row) for row in sources}
    _header, estimates = read(paths[ESTIMATES])
    by_id = {row.cells.get("id", ""): row for row in estimates}
    display = str(paths[ESTIMATES])
    for row in estimates:
        window = published.get(row.cells.get("source_id", ""))
        findings = [*_translation_findings(row), *_chain_findings(row, by_id, published)]
        if window is not None:
            findings.extend(_period_findings(row, *window))
        problems.extend(Problem(display, row.line, column, value, rule) for column, value, rule in findings)
    return problems


def _window(source: CsvRow) -> tuple[Window, str] | None:
    """The days the source's publication date stands for, and its precision; None if it does not parse."""
    day = parse_date(source.cells.get("published", ""))
    if day is None:
        return None
    precision = source.cells.get("published_precision", "day")
    if precision == "month":
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision == "quarter":
        end_month = (day.month - 1) // 3 * 3 + 3
        last = date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
    elif precision == "year":
        last = date(day.year, 12, 31)
    else:
        last = day
    return Window(day, last), precision


def _period_findings(row: CsvRow, window: Window, precision: str) -> Iterator[Finding]:
    """A claim cannot describe a time that begins after it was published; running past it needs a reason."""
    start_text, end_text = row.cells.get("period_start", ""), row.cells.get("period_end", "")
    start, end = parse_date(start_text), parse_date(end_text)
    if start is not None and start > window.last:
        yield (
            "period_start",
            start_text,
            f"must not be after the source's publication date ({window.text(precision)}): "
            "a claim cannot describe a time that begins after it was published",
        )
    elif end is not None and end > window.last and not row.cells.get("period_basis", "").strip():
        yield (
            "period_end",
            end_text,
            f"is after the source's publication date ({window.text(precision)}): "
            "say in period_basis why the period runs past it (a report's cut-off, 'this month'), or end it there",
        )


def _translation_findings(row: CsvRow) -> Iterator[Finding]:
    """A quote not in English carries an English translation; an English quote needs none."""
    language = row.cells.get("quote_language", "")
    translation = row.cells.get("quote_translation", "")
    if not LANGUAGE_CODE.fullmatch(language):
        return  # frictionless reports a missing or malformed language
    if language != ENGLISH and not translation.strip():
        yield "quote_translation", translation, f"required when quote_language is not '{ENGLISH}' ('{language}')"
    if language == ENGLISH and translation:
        yield "quote_translation", translation, f"must be empty when quote_language is '{ENGLISH}'"


def _chain_findings(
    row: CsvRow, by_id: dict[str, CsvRow], published: dict[str, tuple[Window, str] | None]
) -> Iterator[Finding]:
    """A claim repeats an earlier claim: never itself, never a later one, never in a loop."""
    own_id, target_id = row.cells.get("id", ""), row.cells.get("repeats", "")
    if not target_id:
        return
    if target_id == own_id:
        yield "repeats", target_id, "must not be the row's own id: a claim cannot repeat itself"
        return
    target = by_id.get(target_id)
    if target is None:
        return  # the foreign key check reports a dangling id
    own_window = published.get(row.cells.get("source_id", ""))
    target_window = published.get(target.cells.get("source_id", ""))
    if own_window is not None and target_window is not None and target_window[0].first > own_window[0].last:
        yield (
            "repeats",
            target_id,
            f"must name an earlier claim: {target_id} was published {target_window[0].text(target_window[1])}, "
            f"after this claim ({own_window[0].text(own_window[1])})",
        )
    loop = _loop_through(own_id, by_id)
    if loop:
        yield "repeats", target_id, f"must not form a loop: {' -> '.join(loop)}"


def _loop_through(start: str, by_id: dict[str, CsvRow]) -> list[str]:
    """The ids of a chain that comes back to ``start``, start to start; empty when the chain ends."""
    path, current = [start], by_id[start].cells.get("repeats", "")
    while current and current in by_id and current not in path:
        path.append(current)
        current = by_id[current].cells.get("repeats", "")
    return [*path, start] if current == start else []


def _country_problems(path: Path) -> Iterator[Problem]:
    """WLD and the regional codes are listed under their own groups, so that no list mixes them with countries."""
    _header, rows = read_rows(path)
    for row in rows:
        kind, group = row.cells.get("kind", ""), row.cells.get("group", "")
        wanted = GROUP_OF_KIND.get(kind)
        if wanted is not None and group != wanted:
            yield Problem(str(path), row.line, "group", group, f"must be '{wanted}' when kind is '{kind}'")
        if kind == "country" and group in GROUP_OF_KIND.values():
            yield Problem(str(path), row.line, "group", group, "must be a region of the world when kind is 'country'")
