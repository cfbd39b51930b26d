"""Read a CSV file as rows of strings, each with the physical line it starts on.

Line numbers are what editors see: a quoted cell that spans two lines makes the
next row start two lines later, so the row's position is not enough.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass(frozen=True)
class CsvRow:
    line: int
    cells: dict[str, str]


RowReader = Callable[[Path], tuple[list[str], list[CsvRow]]]


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


def read_cells(path: Path) -> pd.DataFrame:
    """Every cell as text, one frame row per CSV record (blank ones too), so positions map to lines.

    Read with the csv module, not ``pd.read_csv``: pandas silently takes a first column as the index when the
    first row has a cell too many, and reads a short row's missing cells as empty text. Rows of the wrong
    length are padded or cut to fit; ``frame.attrs["well_formed"]`` says whether every row had the header's length.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        records = list(csv.reader(handle))
    header = records[0] if records else []
    width = len(header)
    rows = records[1:]
    well_formed = all(len(row) == width for row in rows)
    if not well_formed:
        rows = [(row + [""] * width)[:width] for row in rows]
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)
    frame.attrs["well_formed"] = well_formed
    return frame
