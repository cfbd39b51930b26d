"""The map of host countries: each one's latest claims for an indicator, as a page or as its rows (CSV, JSON)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..charts.hostmap import DOWNLOAD_COLUMNS, MapView, map_view, mapped_indicators, parse_map_query
from ..charts.query import QueryError
from ..data.export import write_csv
from ..deps import ContextDep, PageDep, ReleaseDep, UrlsDep
from ..domain import Release
from ..jsontypes import JSONObject
from ..urls import TABLE_FORMATS, Urls
from .chart_lookup import query_lists
from .downloads import attachment
from .names import split_format

router = APIRouter()


@router.api_route("/map", methods=["GET", "HEAD"], response_class=HTMLResponse)
def map_page(request: Request, page: PageDep, context: ContextDep, release: ReleaseDep, urls: UrlsDep) -> HTMLResponse:
    """The map, its key, the places it cannot draw (the world, groups), and a table of every country on it."""
    view = find_map(request, release)
    indicators = [release.category("indicator", value) for value in mapped_indicators(release)]
    plot = view.plot_json(context.world, urls.country)
    return page.render("map.html", {"view": view, "plot": plot, "indicators": indicators})


@router.api_route("/map.{extension}", methods=["GET", "HEAD"])
def map_rows(request: Request, extension: str, release: ReleaseDep, urls: UrlsDep) -> Response:
    """The map's rows: every place's latest range, with the claims behind it, as CSV or JSON."""
    _, found = split_format(f"map.{extension}", TABLE_FORMATS)
    view = find_map(request, release)
    return map_twin(view, found or "", release, urls)


def find_map(request: Request, release: Release) -> MapView:
    try:
        query = parse_map_query(query_lists(request), mapped_indicators(release))
    except QueryError as error:
        raise HTTPException(400, str(error)) from error
    return map_view(release, query)


def map_twin(view: MapView, extension: str, release: Release, urls: Urls) -> Response:
    version = release.version
    headers = attachment(view.file_name(version, extension))
    rows = view.rows(lambda iso3: urls.absolute(urls.country(iso3)))
    if extension == "csv":
        return Response(write_csv(DOWNLOAD_COLUMNS, rows), media_type="text/csv; charset=utf-8", headers=headers)
    body: JSONObject = {"title": f"{view.label}: latest claims by country", "url": urls.absolute(urls.map(view.params))}
    body |= {"version": version, "filters": view.params, "rows": rows}
    return JSONResponse(body, headers=headers)
