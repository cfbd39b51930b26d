"""The fast schema gate lets frictionless's row-by-row check be skipped only for data frictionless would accept."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from app.data.csvfile import read_cells
from app.data.descriptor import Descriptor
from app.data.schema_gate import passes_schema
from app.data.validate import validate_data_dir

from ..tiny_data import REAL_DATA, edit_cell


def gate(data_dir: Path) -> bool:
    return passes_schema(data_dir, Descriptor.read(data_dir), functools.cache(read_cells))


def test_bundled_and_tiny_data_take_the_fast_path(tiny: Path) -> None:
    assert gate(REAL_DATA)
    assert gate(tiny)


def append_to_line(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] += text
    path.write_text("\n".join(lines), encoding="utf-8")


BREAKS: dict[str, Callable[[Path], object]] = {
    # pandas would take the first column of a header-short file as its index and say nothing
    "extra-cell-first-row": lambda d: append_to_line(d / "estimates.csv", 2, ",surplus"),
    "extra-cell-later-row": lambda d: append_to_line(d / "estimates.csv", 3, ",surplus"),
    "short-row": lambda d: (d / "countries.csv").write_text(
        (d / "countries.csv").read_text(encoding="utf-8") + "CHN,China\n", encoding="utf-8"
    ),
    "blank-row": lambda d: append_to_line(d / "events.csv", 2, "\n,,,,,,,,,,,,,"),
    "number-with-exponent": lambda d: edit_cell(d / "estimates.csv", 1, "value_low", "3e4"),
    "impossible-date": lambda d: edit_cell(d / "estimates.csv", 1, "period_end", "2018-02-30"),
    "enum": lambda d: edit_cell(d / "estimates.csv", 1, "qualifier", "roughly"),
    "pattern": lambda d: edit_cell(d / "estimates.csv", 1, "id", "E1"),
    "required": lambda d: edit_cell(d / "estimates.csv", 1, "claimant", ""),
    "minimum": lambda d: edit_cell(d / "estimates.csv", 1, "value_low", "-5"),
    "max-length": lambda d: edit_cell(d / "events.csv", 1, "label", "L" * 41),
    "duplicate-key": lambda d: edit_cell(d / "estimates.csv", 2, "id", "e0001"),
    "dangling-foreign-key": lambda d: edit_cell(d / "estimates.csv", 1, "source_id", "s-nine"),
    "dangling-self-reference": lambda d: edit_cell(d / "estimates.csv", 1, "repeats", "e0099"),
    "address-with-a-space": lambda d: edit_cell(d / "sources.csv", 1, "url", "https://example.org/a b"),
    "header": lambda d: (d / "countries.csv").write_text(
        (d / "countries.csv").read_text(encoding="utf-8").replace("iso3", "iso", 1), encoding="utf-8"
    ),
    "byte-order-mark": lambda d: (d / "events.csv").write_bytes(b"\xef\xbb\xbf" + (d / "events.csv").read_bytes()),
    "unknown-constraint": lambda d: (d / "datapackage.json").write_text(
        (d / "datapackage.json").read_text(encoding="utf-8").replace('"maxLength"', '"maxLen"', 1), encoding="utf-8"
    ),
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_anything_doubtful_goes_to_frictionless(tiny: Path, name: str) -> None:
    BREAKS[name](tiny)
    assert not gate(tiny)


@pytest.mark.parametrize("name", ["extra-cell-first-row", "short-row", "blank-row"])
def test_what_the_gate_refuses_is_reported_by_line(tiny: Path, name: str) -> None:
    BREAKS[name](tiny)
    assert validate_data_dir(tiny) != []


def test_frictionless_decides_what_the_gate_doubts(tiny: Path) -> None:
    """The gate is stricter than frictionless (plain digits only): doubtful but valid data still validates."""
    BREAKS["number-with-exponent"](tiny)
    edit_cell(tiny / "estimates.csv", 1, "value_high", "3e4")
    assert not gate(tiny)
    assert validate_data_dir(tiny) == []
