"""The dataset: each table as CSV and JSON (built from the same rows), the descriptor, and one zip."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, Response

from ..deps import ContextDep, ReleaseDep, UrlsDep
from ..domain import Release
from ..urls import DATASET_NAME, TABLE_FORMATS
from .names import split_format

router = APIRouter(prefix="/data")
ZIP_NAME = re.compile(rf"{DATASET_NAME}-(?P<version>.+)\.zip")


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.api_route("/{name}", methods=["GET", "HEAD"])
def download(name: str, context: ContextDep, release: ReleaseDep, urls: UrlsDep) -> Response:
    """A table as CSV or JSON, the Data Package descriptor, or the whole dataset as a zip."""
    if name == "datapackage.json":
        return datapackage(release)
    zip_name = ZIP_NAME.fullmatch(name)
    if zip_name:
        if zip_name["version"] != release.version:
            raise HTTPException(404, f"This site serves dataset version {release.version}, not {zip_name['version']}.")
        headers = attachment(f"{DATASET_NAME}-{release.version}.zip")
        return Response(context.dataset_zip(urls), media_type="application/zip", headers=headers)
    table, extension = split_format(name, TABLE_FORMATS)
    if extension is None:
        raise HTTPException(404)  # the error page says there is no page at this address
    return table_download(release, table, extension)


def datapackage(release: Release) -> JSONResponse:
    """The Data Package descriptor: the data dictionary of every file."""
    name = f"{DATASET_NAME}-datapackage-{release.version}.json"
    return JSONResponse(release.descriptor, headers=attachment(name))


def table_download(release: Release, table: str, extension: str) -> Response:
    """One table of the dataset, every row, as CSV (ready for spreadsheets) or JSON."""
    if table not in release.table_names:
        raise HTTPException(404, f"No table '{table}'. Tables: {', '.join(release.table_names)}.")
    name = f"{release.descriptor.get('name', 'dataset')}-{table}-{release.version}.{extension}"
    if extension == "csv":
        return Response(release.table_csv(table), media_type="text/csv; charset=utf-8", headers=attachment(name))
    return JSONResponse(release.table_json(table), headers=attachment(name))
