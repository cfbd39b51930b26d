"""One chart on its own page, with its filters in the query string."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..deps import BaseUrlDep, DatasetDep, SettingsDep, ViewsDep
from ..embeds import citation, embed_snippet
from ..templating import render
from ..urls import urls
from .chart_lookup import ChartViewDep

router = APIRouter(prefix="/charts")


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def chart_index(request: Request, views: ViewsDep) -> HTMLResponse:
    """Every chart, with its default view."""
    return render(request, "charts.html", {"charts": [views.default(spec) for spec in views.specs.values()]})


@router.api_route("/{slug}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def chart_page(
    request: Request, view: ChartViewDep, dataset: DatasetDep, settings: SettingsDep, base_url: BaseUrlDep
) -> HTMLResponse:
    """The chart, its description, its data table and sources, how to embed it and how to cite it."""
    filters = view.query.params(view.spec)
    page_url = base_url + urls.chart(view.spec.slug, filters)
    snippet = embed_snippet(base_url + urls.embed(view.spec.slug, filters), base_url + urls.embed_js(), view.title)
    cite = citation(
        site_name=settings.site_name,
        title=view.title,
        version=dataset.version,
        url=page_url,
        publishers=view.publishers,
        accessed=date.today(),
        year=date.today().year,
    )
    context = {"view": view, "page_url": page_url, "base_url": base_url, "snippet": snippet, "citation": cite}
    return render(request, "chart.html", context)
