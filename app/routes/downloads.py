"""The dataset: each table as CSV and JSON (built from the same rows), the descriptor, one zip (under its
version's name and a stable 'latest' name), and the citation as BibTeX and RIS."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, Response

from ..context import AppContext
from ..data.citations import bibtex, ris
from ..deps import ContextDep, ReleaseDep, UrlsDep
from ..domain import Release
from ..urls import DATASET_NAME, TABLE_FORMATS, TableFormat, Urls
from .names import split_format

router = APIRouter(prefix="/data")
ZIP_NAME = re.compile(rf"{DATASET_NAME}-(?P<version>.+)\.zip")
LATEST_ZIP = f"{DATASET_NAME}-latest.zip"
# A versioned zip never changes; 'latest' moves to the next release, so caches must ask again soon.
IMMUTABLE = "public, max-age=31536000, immutable"
LATEST_CACHE_CONTROL = "public, max-age=300"
CITATIONS = {"citation.bib": "application/x-bibtex", "citation.ris": "application/x-research-info-systems"}


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.api_route("/{name}", methods=["GET", "HEAD"])
def download(name: str, context: ContextDep, release: ReleaseDep, urls: UrlsDep) -> Response:
    """A table as CSV or JSON, the Data Package descriptor, or the whole dataset as a zip."""
    if name == "datapackage.json":
        return datapackage(release)
    if name == LATEST_ZIP:
        return dataset_zip(context, urls, LATEST_CACHE_CONTROL)
    zip_name = ZIP_NAME.fullmatch(name)
    if zip_name:
        if zip_name["version"] != release.version:
            raise HTTPException(
                404,
                f"This site serves dataset version {release.version}, not {zip_name['version']}; "
                f"{urls.data_zip_latest()} is always the latest.",
            )
        return dataset_zip(context, urls, IMMUTABLE)
    if name in CITATIONS:
        return citation_file(context, urls, name)
    if name.startswith("citation."):
        choices = f"{urls.citation('bib')} (BibTeX), {urls.citation('ris')} (RIS) or {urls.citation('cff')}"
        raise HTTPException(404, f"There is no citation {name}: the citation is at {choices}.")
    table, extension = split_format(name, TABLE_FORMATS)
    if extension is None:
        if table in release.table_names:
            formats = " or ".join(urls.table(table, kind) for kind in TABLE_FORMATS)
            raise HTTPException(404, f"The {table} table is at {formats}.")
        raise HTTPException(404, f"There is no file '{name}' under {urls.data()}; {urls.data()} lists every download.")
    return table_download(context, table, extension)


def dataset_zip(context: AppContext, urls: Urls, cache_control: str) -> Response:
    """The whole dataset, always saved under its version's name, whichever address it was asked by."""
    headers = attachment(urls.data_zip().rpartition("/")[2]) | {"Cache-Control": cache_control}
    return Response(context.dataset_zip(urls), media_type="application/zip", headers=headers)


def citation_file(context: AppContext, urls: Urls, name: str) -> Response:
    cite = context.citation(urls)
    body = bibtex(cite) if name.endswith(".bib") else ris(cite)
    headers = attachment(f"{DATASET_NAME}-{context.release.version}.{name.rpartition('.')[2]}")
    return Response(body, media_type=f"{CITATIONS[name]}; charset=utf-8", headers=headers)


def datapackage(release: Release) -> JSONResponse:
    """The Data Package descriptor: the data dictionary of every file."""
    name = f"{DATASET_NAME}-datapackage-{release.version}.json"
    return JSONResponse(release.descriptor, headers=attachment(name))


def table_download(context: AppContext, table: str, extension: str) -> Response:
    """One table of the dataset, every row, as CSV (ready for spreadsheets) or JSON."""
    release = context.release
    if table not in release.table_names:
        raise HTTPException(404, f"No table '{table}'. Tables: {', '.join(release.table_names)}.")
    name = f"{release.descriptor.get('name', 'dataset')}-{table}-{release.version}.{extension}"
    fmt: TableFormat = "csv" if extension == "csv" else "json"
    media_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(context.table_download(table, fmt), media_type=media_type, headers=attachment(name))
