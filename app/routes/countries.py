"""Host countries: the list, and each country with all its indicators and events."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..charts.query import ChartQuery
from ..data.pages import country_groups, country_summaries, resolve_country
from ..deps import DatasetDep, ViewsDep
from ..templating import render
from ..urls import urls

router = APIRouter(prefix="/countries")


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def country_list(request: Request, dataset: DatasetDep) -> HTMLResponse:
    """Every host country that has an estimate, grouped by region, with counts."""
    summaries = country_summaries(dataset)
    context = {
        "groups": country_groups(summaries),
        "host_countries": sum(s.kind == "country" for s in summaries),
        "claims": len(dataset.estimates),
    }
    return render(request, "countries.html", context)


@router.api_route("/{code}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def country_page(request: Request, code: str, dataset: DatasetDep, views: ViewsDep) -> Response:
    """One country: a chart and table per indicator, and the events that concern it."""
    summaries = {summary.iso3: summary for summary in country_summaries(dataset)}
    iso3 = resolve_country(dataset, code)
    if iso3 is None or iso3 not in summaries:
        links = [{"href": urls.country(s.iso3), "text": s.name} for s in summaries.values()]
        message = f"No host country '{code}'. Known countries: {', '.join(s.iso3.lower() for s in summaries.values())}."
        raise HTTPException(404, {"message": message, "links": links})
    if code != iso3.lower():
        return RedirectResponse(urls.country(iso3), status_code=301)
    spec = views.specs["indicator"]
    charts = [views.get(spec, ChartQuery(indicator=i, countries=(iso3,))) for i in summaries[iso3].indicators]
    events = dataset.events[dataset.events["country"] == iso3].sort_values("date_start")
    context = {"country": summaries[iso3], "charts": charts, "events": events, "dataset": dataset}
    return render(request, "country.html", context)
