"""The dataset's tables as CSV and JSON, built from the same rows."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, Response

from ..data.export import records, to_csv
from ..deps import DatasetDep

router = APIRouter(prefix="/data")


def download_name(dataset_name: str, table: str, version: str, fmt: str) -> str:
    return f"{dataset_name}-{table}-{version}.{fmt}"


@router.api_route("/{table}.{extension}", methods=["GET", "HEAD"])
def table_download(table: str, extension: Literal["csv", "json"], dataset: DatasetDep) -> Response:
    """One table of the dataset, every row, as CSV or JSON."""
    if table not in dataset.tables:
        known = ", ".join(sorted(dataset.tables))
        raise HTTPException(404, f"No table '{table}'. Tables: {known}.")
    frame = dataset.tables[table]
    name = download_name(str(dataset.descriptor.raw.get("name", "dataset")), table, dataset.version, extension)
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if extension == "csv":
        return Response(to_csv(frame), media_type="text/csv; charset=utf-8", headers=headers)
    body = {"table": table, "version": dataset.version, "columns": list(frame.columns), "rows": records(frame)}
    return JSONResponse(body, headers=headers)
