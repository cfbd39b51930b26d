"""The dataset (``app/routes/downloads.py``): each table as CSV and JSON, the descriptor, the zip."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from frictionless import Package

from app.domain import Release

from ..tiny_data import REAL_DATA, dataset_version

VERSION = dataset_version()


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


def test_whole_table_csv_parses_back_to_the_json_rows(client: TestClient) -> None:
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/data/events.csv").content.decode("utf-8-sig"))))
    json_rows = client.get("/data/events.json").json()["rows"]
    assert csv_rows == [{k: "" if v is None else str(v) for k, v in row.items()} for row in json_rows]


def test_datapackage_descriptor_is_served(client: TestClient) -> None:
    assert client.get("/data/datapackage.json").json() == json.loads((REAL_DATA / "datapackage.json").read_text())


def test_zip_is_a_valid_data_package(client: TestClient, tmp_path: Path) -> None:
    response = client.get(f"/data/nk-workers-abroad-{VERSION}.zip")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="nk-workers-abroad-{VERSION}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path)
    assert names == {
        "estimates.csv",
        "sources.csv",
        "events.csv",
        "countries.csv",
        "datapackage.json",
        "README.md",
        "LICENSE.txt",
    }
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, [error.message for task in report.tasks for error in task.errors]
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "## Data dictionary" in readme
    assert "`workers_abroad` (Workers abroad)" in readme
    assert "## How to cite" in readme
    # The licence is the one the descriptor names, in the README and in LICENSE.txt.
    (licence,) = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["licenses"]
    assert f"{licence['title']} for the data" in readme
    licence_file = (tmp_path / "LICENSE.txt").read_text(encoding="utf-8")
    assert f"licensed under {licence['title']} ({licence['name']}): {licence['path']}" in licence_file
    assert client.get("/data/nk-workers-abroad-0.9.zip").status_code == 404


def test_download_names_carry_the_version(client: TestClient) -> None:
    version = dataset_version()
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


def test_a_whole_table_is_written_once_however_often_it_is_downloaded(
    tiny_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large table outgrows the response cache; writing it for every download stalled the server at 100x data."""
    release: Release = tiny_client.app.state.context.release  # type: ignore[attr-defined]
    written: list[str] = []
    write = type(release).table_csv

    def counted(self: Release, name: str) -> str:
        written.append(name)
        return write(self, name)

    monkeypatch.setattr(type(release), "table_csv", counted)
    # Distinct query strings, so the response cache does not answer in the route's place.
    bodies = {tiny_client.get(f"/data/sources.csv?n={n}").content for n in range(3)}
    assert written == ["sources"]
    assert len(bodies) == 1
