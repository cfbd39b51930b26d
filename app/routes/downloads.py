"""The dataset: each table as CSV and JSON (built from the same rows), the descriptor, one zip (under its
version's name and a stable 'latest' name), and the citation as BibTeX and RIS."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import Headers

from ..context import AppContext
from ..data.citations import bibtex, ris
from ..deps import ContextDep, EditionDep, UrlsDep
from ..domain import Release
from ..editions import Edition
from ..http.large_download import large_download
from ..http.response_cache import MAX_BODY
from ..params import shorten
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
def download(request: Request, name: str, context: ContextDep, edition: EditionDep, urls: UrlsDep) -> Response:
    """A table as CSV or JSON, the Data Package descriptor, or the whole dataset as a zip."""
    release = edition.release
    # A pinned release's files never change; the latest's change with the next release.
    cache = {"Cache-Control": IMMUTABLE} if edition.pinned else {}
    if name == "datapackage.json":
        return datapackage(release, cache)
    if name == LATEST_ZIP:
        if edition.pinned:
            raise HTTPException(404, f"The latest release's zip is at {urls.latest().data_zip_latest()}.")
        return dataset_zip(context, edition, urls, LATEST_CACHE_CONTROL)
    zip_name = ZIP_NAME.fullmatch(name)
    if zip_name:
        return versioned_zip(context, edition, urls, zip_name["version"])
    if name in CITATIONS:
        return citation_file(context, edition, urls, name)
    if name.startswith("citation."):
        choices = f"{urls.citation('bib')} (BibTeX), {urls.citation('ris')} (RIS) or {urls.citation('cff')}"
        raise HTTPException(404, f"There is no citation {name}: the citation is at {choices}.")
    table, extension = split_format(name, TABLE_FORMATS)
    if extension is None:
        if table in release.table_names:
            formats = " or ".join(urls.table(table, kind) for kind in TABLE_FORMATS)
            raise HTTPException(404, f"The {table} table is at {formats}.")
        data = urls.data()
        raise HTTPException(404, f"There is no file '{shorten(name)}' under {data}; {data} lists every download.")
    return table_download(edition, table, extension, cache, request.headers)


def versioned_zip(context: AppContext, edition: Edition, urls: Urls, version: str) -> Response:
    """A zip by its version's name: this edition's; an older release's is at its pinned address."""
    if version == edition.version:
        return dataset_zip(context, edition, urls, IMMUTABLE)
    if not edition.pinned and version in context.editions.versions:
        return RedirectResponse(urls.release(version).data_zip(), status_code=301)
    known = ", ".join(context.editions.versions)
    raise HTTPException(
        404,
        f"No dataset version {version[:40]} here. Releases: {known}; "
        f"{urls.latest().data_zip_latest()} is always the latest.",
    )


def dataset_zip(context: AppContext, edition: Edition, urls: Urls, cache_control: str) -> Response:
    """The whole dataset, always saved under its version's name, whichever address it was asked by."""
    headers = attachment(urls.data_zip().rpartition("/")[2]) | {"Cache-Control": cache_control}
    body = edition.dataset_zip(urls, context.settings.site_name)
    return Response(body, media_type="application/zip", headers=headers)


def citation_file(context: AppContext, edition: Edition, urls: Urls, name: str) -> Response:
    cite = edition.citation(urls, context.settings.site_name)
    body = bibtex(cite) if name.endswith(".bib") else ris(cite)
    headers = attachment(f"{DATASET_NAME}-{edition.version}.{name.rpartition('.')[2]}")
    return Response(body, media_type=f"{CITATIONS[name]}; charset=utf-8", headers=headers)


def datapackage(release: Release, cache: dict[str, str]) -> JSONResponse:
    """The Data Package descriptor: the data dictionary of every file."""
    name = f"{DATASET_NAME}-datapackage-{release.version}.json"
    return JSONResponse(release.descriptor, headers=attachment(name) | cache)


def table_download(
    edition: Edition, table: str, extension: str, cache: dict[str, str], request_headers: Headers
) -> Response:
    """One table of the dataset, every row, as CSV (ready for spreadsheets) or JSON."""
    release = edition.release
    if table not in release.table_names:
        raise HTTPException(404, f"No table '{shorten(table)}'. Tables: {', '.join(release.table_names)}.")
    name = f"{release.descriptor.get('name', 'dataset')}-{table}-{release.version}.{extension}"
    fmt: TableFormat = "csv" if extension == "csv" else "json"
    media_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    headers = attachment(name) | cache
    body = edition.table_download(table, fmt)
    if len(body) <= MAX_BODY:  # the response cache compresses and keeps it
        return Response(body, media_type=media_type, headers=headers)
    return large_download(request_headers, body, edition.packed_table(table, fmt), media_type, headers)
