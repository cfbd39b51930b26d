"""Host countries: the list, and each country with all its indicators and events."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..deps import PageDep, ReleaseDep, UrlsDep, ViewsDep
from ..domain.summaries import country_groups, country_summaries
from .chart_lookup import country_charts

router = APIRouter(prefix="/countries")


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def country_list(page: PageDep, release: ReleaseDep) -> HTMLResponse:
    """Every host country that has a claim, grouped by region, with counts."""
    summaries = country_summaries(release)
    context = {
        "groups": country_groups(summaries),
        "host_countries": sum(s.country.is_host for s in summaries),
        "claims": len(release.claims),
    }
    return page.render("countries.html", context)


@router.api_route("/{code}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def country_page(code: str, page: PageDep, release: ReleaseDep, views: ViewsDep, urls: UrlsDep) -> Response:
    """One country: a chart and table per indicator, and the events that concern it."""
    summaries = {summary.iso3: summary for summary in country_summaries(release)}
    country = release.resolve_country(code)
    if country is None or country.iso3 not in summaries:
        links = [{"href": urls.country(s.iso3), "text": s.name} for s in summaries.values()]
        message = f"No host country '{code}'. Known countries: {', '.join(s.iso3.lower() for s in summaries.values())}."
        raise HTTPException(404, {"message": message, "links": links})
    if code != country.slug:
        return RedirectResponse(urls.country(country.iso3), status_code=301)
    summary = summaries[country.iso3]
    context = {"country": summary, "charts": country_charts(views, summary), "events": release.events_in(country.iso3)}
    return page.render("country.html", context)
