"""Rows of a table as plain values, for the CSV and JSON downloads (one function feeds both)."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

import pandas as pd

Cell = str | int | float | None


def _plain(value: Any) -> Cell:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return str(value) if not isinstance(value, int | float) else value


def records(frame: pd.DataFrame) -> list[dict[str, Cell]]:
    """Each row as a dict of JSON-ready values: numbers stay numbers, dates are ISO text, missing is None."""
    columns = list(frame.columns)
    return [
        {column: _plain(value) for column, value in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    return str(value)


def to_csv(frame: pd.DataFrame) -> str:
    """The table as CSV text, written the way the data files are (no index, LF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in records(frame):
        writer.writerow(_csv_cell(value) for value in row.values())
    return buffer.getvalue()
