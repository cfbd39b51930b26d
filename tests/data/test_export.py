"""Rows as CSV and JSON (``app/data/export.py``): types kept, canonical bytes, formulas neutralised, any script."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient

from app.data.export import Cell, plain, write_csv
from app.settings import Settings

from ..clients import app_client
from ..tiny_data import edit_cell


def test_json_keeps_types(client: TestClient) -> None:
    rows = client.get("/data/estimates.json").json()["rows"]
    assert all(isinstance(row["value_low"], int | float) for row in rows)
    assert any(row["period_start"] is None for row in rows)  # unknown periods are null, not ""


def test_csv_bytes_match_a_canonical_file(tiny_client: TestClient, tiny: Path) -> None:
    assert tiny_client.get("/data/estimates.csv").content == b"\xef\xbb\xbf" + (tiny / "estimates.csv").read_bytes()


def test_formula_cells_are_neutralised_in_csv_only(tiny: Path, cache_dir: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "claimant", '=HYPERLINK("http://x","y")')
    edit_cell(tiny / "estimates.csv", 2, "notes", "@SUM(A1)")
    edit_cell(tiny / "estimates.csv", 3, "measure", "-1 workers")
    client = app_client(Settings(data_dir=tiny, cache_dir=cache_dir))
    rows = list(csv.DictReader(io.StringIO(client.get("/data/estimates.csv").content.decode("utf-8-sig"))))
    assert [rows[0]["claimant"], rows[1]["notes"], rows[2]["measure"]] == [
        '\'=HYPERLINK("http://x","y")',
        "'@SUM(A1)",
        "'-1 workers",
    ]
    assert rows[0]["value_low"] == "30000"  # numbers are never touched
    json_rows = client.get("/data/estimates.json").json()["rows"]
    assert json_rows[0]["claimant"] == '=HYPERLINK("http://x","y")'


NON_ASCII = "평양 source, Zakharova\u2019s \u201cremarks\u201d"


def test_non_ascii_text_survives_the_csv(tiny: Path, cache_dir: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "claimant", NON_ASCII)
    client = app_client(Settings(data_dir=tiny, cache_dir=cache_dir))
    rows = list(csv.DictReader(io.StringIO(client.get("/data/estimates.csv").content.decode("utf-8-sig"))))
    assert rows[0]["claimant"] == NON_ASCII


def test_plain_values_keep_numbers_and_write_dates_as_iso_text() -> None:
    assert plain(30000.0) == 30000
    assert isinstance(plain(30000.0), int)
    assert plain(2.5) == 2.5
    assert plain(float("nan")) is None
    assert plain(None) is None
    assert plain(date(2019, 12, 22)) == "2019-12-22"
    assert plain("text") == "text"


def test_write_csv_neutralises_formulas_for_spreadsheets_only() -> None:
    rows: list[dict[str, Cell]] = [{"a": "=1+1", "b": -3}, {"a": None, "b": 2.5}]
    assert write_csv(["a", "b"], rows) == "\ufeffa,b\n'=1+1,-3\n,2.5\n"
    assert write_csv(["b", "a"], rows, for_spreadsheets=False) == "b,a\n-3,=1+1\n2.5,\n"
