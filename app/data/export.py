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


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
# a leading apostrophe makes it text. Numbers are written as numbers and never changed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark.
UTF8_BOM = "\ufeff"


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Cell, *, for_spreadsheets: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and for_spreadsheets:
        return neutralise(value)
    return str(value)


def to_csv(frame: pd.DataFrame, *, for_spreadsheets: bool = True) -> str:
    """The table as CSV text: no index, LF line ends, and by default safe and readable in spreadsheets.

    ``for_spreadsheets`` adds the byte-order mark and neutralises formula-like text cells;
    without it the text is written exactly as the data files are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in records(frame):
        writer.writerow(_csv_cell(value, for_spreadsheets=for_spreadsheets) for value in row.values())
    return (UTF8_BOM if for_spreadsheets else "") + buffer.getvalue()
