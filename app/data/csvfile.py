"""Read a CSV file as rows of strings, each with the physical line it starts on.

Line numbers are what editors see: a quoted cell that spans two lines makes the
next row start two lines later, so the row's position is not enough.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CsvRow:
    line: int
    cells: dict[str, str]


def read_rows(path: Path) -> tuple[list[str], list[CsvRow]]:
    """Header and data rows of ``path``; short rows are padded with empty cells."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows: list[CsvRow] = []
        start = reader.line_num + 1
        for record in reader:
            padded = record + [""] * (len(header) - len(record))
            rows.append(CsvRow(line=start, cells=dict(zip(header, padded, strict=False))))
            start = reader.line_num + 1
        return header, rows


def line_numbers(path: Path) -> list[int]:
    """Physical start line of each record, header included, indexed by record position - 1."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        lines: list[int] = []
        start = 1
        for _record in reader:
            lines.append(start)
            start = reader.line_num + 1
        return lines
