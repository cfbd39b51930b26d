"""Host countries: the list, and each country with all its indicators and events."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..charts.controls import period_controls
from ..charts.query import in_normal_form
from ..deps import ContextDep, EditionDep, PageDep, ReleaseDep, UrlsDep
from ..domain.summaries import country_groups, country_summaries
from ..params import PAGE_FILTERS, shorten
from ..takeaway import take_away
from .chart_lookup import newer_than, page_filters, query_lists

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
def country_page(
    request: Request, code: str, page: PageDep, context: ContextDep, edition: EditionDep, urls: UrlsDep
) -> Response:
    """One country: a chart and table per indicator, and the events that concern it; ?from=&to=&as_of=&scale=."""
    release, views = edition.release, edition.views
    summaries = {summary.iso3: summary for summary in country_summaries(release)}
    country = release.resolve_country(code)
    if country is None or country.iso3 not in summaries:
        links = [{"href": urls.country(s.iso3), "text": s.name} for s in summaries.values()]
        known = ", ".join(s.iso3.lower() for s in summaries.values())
        message = f"No host country '{shorten(code)}'. Known countries: {known}."
        raise HTTPException(404, {"message": message, "links": links})
    spec = views.specs["indicator"]
    params = {name: values for name, values in query_lists(request).items() if name in PAGE_FILTERS}
    shared = page_filters(spec, params)
    normal = {name: value for name, value in shared.params(spec).items() if name in PAGE_FILTERS}
    if code != country.slug or not in_normal_form(params, normal):  # another spelling, or a submitted form
        return RedirectResponse(urls.country(country.iso3, normal), status_code=301 if code != country.slug else 302)
    indicators = summaries[country.iso3].indicators
    charts = [views.get(spec, replace(shared, indicator=i, countries=(country.iso3,))) for i in indicators]
    accessed, site_name = context.clock(), context.settings.site_name
    newer = [newer_than(view, edition, context.latest, urls) for view in charts]
    extras = [
        take_away(view, urls, site_name, release.version, accessed, notice.words if notice else "")
        for view, (notice, _) in zip(charts, newer, strict=True)
    ]
    context_ = {
        "country": summaries[country.iso3],
        "charts": list(zip(charts, extras, newer, strict=True)),
        "controls": period_controls(shared),
        "events": release.events_in(country.iso3),
    }
    return page.render("country.html", context_)
