"""The overview and the method page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..charts.headlines import headlines
from ..charts.registry import CHARTS
from ..data.pages import country_summaries
from ..data.queries import indicator_summaries
from ..deps import DatasetDep, ViewsDep
from ..templating import render

router = APIRouter()
OVERVIEW_CHARTS = ("workers-abroad", "workers-worldwide", "repatriations", "revenue")


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request, dataset: DatasetDep, views: ViewsDep) -> HTMLResponse:
    """Headline figures as ranges of current claims, the main charts, and every country."""
    charts = [views.default(CHARTS[slug]) for slug in OVERVIEW_CHARTS]
    context = {"headlines": headlines(dataset), "charts": charts, "countries": country_summaries(dataset)}
    return render(request, "index.html", context | {"dataset": dataset})


@router.api_route("/about", methods=["GET", "HEAD"], response_class=HTMLResponse)
def about(request: Request, dataset: DatasetDep) -> HTMLResponse:
    """Method and definitions."""
    descriptor = dataset.descriptor
    context = {
        "dataset": dataset,
        "summaries": indicator_summaries(dataset),
        "qualifiers": descriptor.categories("estimates", "qualifier"),
        "precisions": descriptor.categories("estimates", "period_precision"),
        "workforces": descriptor.categories("estimates", "workforce"),
    }
    return render(request, "about.html", context)
