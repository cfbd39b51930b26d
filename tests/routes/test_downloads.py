"""The served CSV and JSON hold exactly the rows of the data files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

from ..tiny_data import REAL_DATA, edit_cell

TABLES = ["estimates", "sources", "events", "countries"]


def file_rows(data_dir: Path, table: str) -> list[dict[str, str]]:
    with (data_dir / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def as_text(value: object) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("table", TABLES)
def test_csv_download_holds_the_file_rows(client: TestClient, table: str) -> None:
    response = client.get(f"/data/{table}.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # so Excel reads it as UTF-8
    text = response.content.decode("utf-8-sig")
    assert list(csv.DictReader(io.StringIO(text))) == file_rows(REAL_DATA, table)


@pytest.mark.parametrize("table", TABLES)
def test_json_download_holds_the_file_rows(client: TestClient, table: str) -> None:
    response = client.get(f"/data/{table}.json")
    assert response.status_code == 200
    body = response.json()
    expected = file_rows(REAL_DATA, table)
    assert body["columns"] == list(expected[0])
    assert [{key: as_text(value) for key, value in row.items()} for row in body["rows"]] == expected


def test_json_keeps_types(client: TestClient) -> None:
    rows = client.get("/data/estimates.json").json()["rows"]
    assert all(isinstance(row["value_low"], int | float) for row in rows)
    assert any(row["period_start"] is None for row in rows)  # unknown periods are null, not ""


def test_csv_bytes_match_a_canonical_file(tiny_client: TestClient, tiny: Path) -> None:
    assert tiny_client.get("/data/estimates.csv").content == b"\xef\xbb\xbf" + (tiny / "estimates.csv").read_bytes()


def test_formula_cells_are_neutralised_in_csv_only(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "claimant", '=HYPERLINK("http://x","y")')
    edit_cell(tiny / "estimates.csv", 2, "notes", "@SUM(A1)")
    edit_cell(tiny / "estimates.csv", 3, "measure", "-1 workers")
    client = TestClient(create_app(Settings(data_dir=tiny)))
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


def test_non_ascii_text_survives_the_csv(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "claimant", NON_ASCII)
    client = TestClient(create_app(Settings(data_dir=tiny)))
    rows = list(csv.DictReader(io.StringIO(client.get("/data/estimates.csv").content.decode("utf-8-sig"))))
    assert rows[0]["claimant"] == NON_ASCII


def test_download_names_carry_the_version(client: TestClient) -> None:
    version = json.loads((REAL_DATA / "datapackage.json").read_text(encoding="utf-8"))["version"]
    response = client.get("/data/estimates.csv")
    assert (
        response.headers["content-disposition"] == f'attachment; filename="nk-workers-abroad-estimates-{version}.csv"'
    )


def test_unknown_table_is_a_json_404(client: TestClient) -> None:
    response = client.get("/data/workers.csv")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "status": 404,
            "title": "Not found",
            "detail": "No table 'workers'. Tables: countries, estimates, events, sources.",
        }
    }


def test_unknown_format_is_a_json_400(client: TestClient) -> None:
    response = client.get("/data/estimates.xlsx")
    assert response.status_code == 400
    assert response.json()["error"]["detail"] == "extension: Input should be 'csv' or 'json'"
