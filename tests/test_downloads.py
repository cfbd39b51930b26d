"""The served CSV and JSON hold exactly the rows of the data files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .tiny_data import REAL_DATA

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
    assert list(csv.DictReader(io.StringIO(response.text))) == file_rows(REAL_DATA, table)


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
    assert tiny_client.get("/data/estimates.csv").content == (tiny / "estimates.csv").read_bytes()


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
