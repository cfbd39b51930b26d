"""The overview and the method page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from ..charts.headlines import headlines
from ..charts.hostmap import MapQuery, map_view
from ..charts.registry import CHARTS
from ..deps import ContextDep, PageDep, ReleaseDep, UrlsDep, ViewsDep
from ..domain.summaries import country_summaries, indicator_summaries

router = APIRouter()
OVERVIEW_CHARTS = ("workers-abroad", "workers-worldwide", "repatriations", "revenue")
DOWNLOADED_TABLES = ("estimates", "sources", "events", "countries")


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(page: PageDep, release: ReleaseDep, views: ViewsDep, app: ContextDep, urls: UrlsDep) -> HTMLResponse:
    """Headline figures as ranges of current claims, the main charts, the map, and every country."""
    charts = [views.default(CHARTS[slug]) for slug in OVERVIEW_CHARTS]
    host_map = map_view(release, MapQuery())
    context = {
        "headlines": headlines(release),
        "charts": charts,
        "countries": country_summaries(release),
        "map": host_map,
        "map_plot": host_map.plot_json(app.world, urls.country),
    }
    return page.render("index.html", context | {"tables": DOWNLOADED_TABLES})


@router.api_route("/about", methods=["GET", "HEAD"], response_class=HTMLResponse)
def about(page: PageDep, release: ReleaseDep) -> HTMLResponse:
    """Method and definitions."""
    context = {
        "release": release,
        "summaries": indicator_summaries(release),
        "qualifiers": release.categories("qualifier"),
        "precisions": release.categories("period_precision"),
        "workforces": release.categories("workforce"),
    }
    return page.render("about.html", context)
