"""Rows as plain values for the CSV and JSON downloads: one set of rules feeds both formats."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import pandas as pd

Cell = str | int | float | None


def plain(value: object) -> Cell:
    """A JSON-ready value: numbers stay numbers (whole ones as int), dates are ISO text, missing is None."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return value if isinstance(value, int | float) else str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Cell]]:
    """Each row of ``frame`` as a dict of JSON-ready values."""
    columns = [str(column) for column in frame.columns]
    return [
        {column: plain(value) for column, value in zip(columns, row, strict=True)}
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


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Cell]], *, for_spreadsheets: bool = True) -> str:
    """CSV text: a header, then each row's cells in ``columns`` order; LF line ends.

    ``for_spreadsheets`` adds the byte-order mark and neutralises formula-like text cells;
    without it the text is written exactly as the data files are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_csv_cell(row[column], for_spreadsheets=for_spreadsheets) for column in columns)
    return (UTF8_BOM if for_spreadsheets else "") + buffer.getvalue()


def to_csv(frame: pd.DataFrame, *, for_spreadsheets: bool = True) -> str:
    """A whole table as CSV text, no index (see ``write_csv``)."""
    return write_csv([str(c) for c in frame.columns], records(frame), for_spreadsheets=for_spreadsheets)


def table_rows(frame: pd.DataFrame) -> tuple[list[str], list[dict[str, Cell]]]:
    """A whole table's column names and rows, as its JSON download holds them."""
    return [str(column) for column in frame.columns], records(frame)
