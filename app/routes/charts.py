"""One chart on its own page, with its filters in the query string."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..charts.query import QueryError, parse_query
from ..deps import ViewsDep
from ..templating import render

router = APIRouter(prefix="/charts")


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def chart_index(request: Request, views: ViewsDep) -> HTMLResponse:
    """Every chart, with its default view."""
    return render(request, "charts.html", {"charts": [views.default(spec) for spec in views.specs.values()]})


@router.api_route("/{slug}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def chart_page(request: Request, slug: str, views: ViewsDep) -> HTMLResponse:
    """The chart, its description, its data table and its sources."""
    spec = views.specs.get(slug)
    if spec is None:
        raise HTTPException(404, f"No chart '{slug}'. Charts: {', '.join(views.specs)}.")
    params = {key: request.query_params.getlist(key) for key in request.query_params}
    try:
        query = parse_query(spec, params, views.countries(spec))
    except QueryError as error:
        raise HTTPException(400, str(error)) from error
    return render(request, "chart.html", {"view": views.get(spec, query)})
