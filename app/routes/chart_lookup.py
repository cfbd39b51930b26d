"""The chart view a URL names: ``/charts/{slug}`` or ``/embed/{slug}`` with its filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fastapi import HTTPException, Request

from ..charts.query import ChartQuery, QueryError, parse_query
from ..charts.registry import ChartSpec
from ..charts.views import ChartView, ChartViews


def find_view(views: ChartViews, slug: str, params: Mapping[str, Sequence[str]]) -> ChartView:
    """The view, or HTTPException 404 for an unknown chart and 400 for a bad filter."""
    spec = views.specs.get(slug)
    if spec is None:
        raise HTTPException(404, f"No chart '{slug}'. Charts: {', '.join(views.specs)}.")
    try:
        query = parse_query(spec, params, views.countries(spec))
    except QueryError as error:
        raise HTTPException(400, str(error)) from error
    return views.get(spec, query)


def page_filters(spec: ChartSpec, params: Mapping[str, Sequence[str]]) -> ChartQuery:
    """Filters a page applies to all its charts (a country page's years, as_of, scale), or HTTPException 400."""
    try:
        return parse_query(spec, params, [])
    except QueryError as error:
        raise HTTPException(400, str(error)) from error


def query_lists(request: Request) -> dict[str, list[str]]:
    """Every query parameter with all its values."""
    return {key: request.query_params.getlist(key) for key in request.query_params}
