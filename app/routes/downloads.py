"""The dataset: each table as CSV and JSON (built from the same rows), the descriptor, and one zip."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from ..data.export import records, to_csv
from ..data.package_zip import build_zip
from ..deps import BaseUrlDep, DatasetDep, SettingsDep

router = APIRouter(prefix="/data")


def download_name(dataset_name: str, table: str, version: str, fmt: str) -> str:
    return f"{dataset_name}-{table}-{version}.{fmt}"


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.api_route("/datapackage.json", methods=["GET", "HEAD"])
def datapackage(dataset: DatasetDep) -> JSONResponse:
    """The Data Package descriptor: the data dictionary of every file."""
    name = f"nk-workers-abroad-datapackage-{dataset.version}.json"
    return JSONResponse(dataset.descriptor.raw, headers=attachment(name))


@router.api_route("/nk-workers-abroad-{version}.zip", methods=["GET", "HEAD"])
def dataset_zip(
    request: Request, version: str, dataset: DatasetDep, settings: SettingsDep, base_url: BaseUrlDep
) -> Response:
    """Every CSV, the descriptor, a README with the data dictionary, the licence and how to cite."""
    if version != dataset.version:
        raise HTTPException(404, f"This site serves dataset version {dataset.version}, not {version}.")
    cache: dict[str, bytes] = request.app.state.zip_cache
    if base_url not in cache:
        cache[base_url] = build_zip(dataset, settings.site_name, base_url)
    name = f"nk-workers-abroad-{dataset.version}.zip"
    return Response(cache[base_url], media_type="application/zip", headers=attachment(name))


@router.api_route("/{table}.{extension}", methods=["GET", "HEAD"])
def table_download(table: str, extension: Literal["csv", "json"], dataset: DatasetDep) -> Response:
    """One table of the dataset, every row, as CSV (ready for spreadsheets) or JSON."""
    if table not in dataset.tables:
        known = ", ".join(sorted(dataset.tables))
        raise HTTPException(404, f"No table '{table}'. Tables: {known}.")
    frame = dataset.tables[table]
    name = download_name(str(dataset.descriptor.raw.get("name", "dataset")), table, dataset.version, extension)
    if extension == "csv":
        return Response(to_csv(frame), media_type="text/csv; charset=utf-8", headers=attachment(name))
    body: dict[str, Any] = {"table": table, "version": dataset.version, "columns": list(frame.columns)}
    body["rows"] = records(frame)
    return JSONResponse(body, headers=attachment(name))
