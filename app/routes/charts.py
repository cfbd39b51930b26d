"""Charts: the list, and each chart with its filters, as a page or as its twins (CSV, JSON, PNG, SVG)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response

from ..charts.controls import chart_controls
from ..charts.images import MEDIA_TYPES, RETRY_AFTER_SECONDS, ImageBusyError, ImageFormat, ImageUnavailableError
from ..charts.query import in_normal_form
from ..charts.table import DOWNLOAD_COLUMNS, chart_file_name, claim_row
from ..charts.views import ChartView
from ..context import AppContext
from ..data.export import write_csv
from ..deps import ContextDep, EditionDep, PageDep, UrlsDep, ViewsDep
from ..editions import Edition
from ..jsontypes import JSONObject
from ..takeaway import take_away
from ..templating import Page
from ..urls import CHART_FORMATS, Urls
from .chart_lookup import find_view, newer_than, query_lists
from .downloads import attachment
from .names import split_format

router = APIRouter(prefix="/charts")


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def chart_index(page: PageDep, views: ViewsDep) -> HTMLResponse:
    """Every chart, with its default view."""
    return page.render("charts.html", {"charts": [views.default(spec) for spec in views.specs.values()]})


@router.api_route("/{name}", methods=["GET", "HEAD"])
def chart(
    request: Request, name: str, page: PageDep, context: ContextDep, edition: EditionDep, urls: UrlsDep
) -> Response:
    """The chart page; or its twins: exactly the plotted rows with their sources (CSV, JSON), the image (PNG, SVG),
    the figure the page's script draws (plotly)."""
    slug, extension = split_format(name, CHART_FORMATS)
    params = query_lists(request)
    view = find_view(edition.views, slug, params)
    if extension is None:
        if not in_normal_form(params, view.params):  # a submitted form: empty fields, one value per box
            return RedirectResponse(urls.view(view), status_code=302)
        return chart_page(view, page, context, edition, urls)
    return chart_twin(view, extension, context, edition, urls)


def chart_twin(view: ChartView, extension: str, context: AppContext, edition: Edition, urls: Urls) -> Response:
    if extension == "plotly":  # read by the page's script, not downloaded
        return Response(view.figure_json, media_type="application/json")
    headers = attachment(chart_file_name(view, edition.version, extension))
    if extension in ("png", "svg"):
        image_format: ImageFormat = "svg" if extension == "svg" else "png"
        try:
            image = context.images.render(
                view, image_format, context.settings.site_name, urls.absolute(urls.view(view)), edition.credit
            )
        except ImageBusyError as error:
            # Not an error page: a client (or a crawler) is told when to come back.
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
            return PlainTextResponse(str(error), status_code=503, headers=retry)
        except ImageUnavailableError as error:
            raise HTTPException(503, str(error)) from error
        return Response(image, media_type=MEDIA_TYPES[extension], headers=headers)
    rows = [claim_row(claim, lambda claim_id: urls.absolute(urls.estimate(claim_id))) for claim in view.claims]
    if extension == "csv":
        return Response(write_csv(DOWNLOAD_COLUMNS, rows), media_type="text/csv; charset=utf-8", headers=headers)
    body: JSONObject = {"chart": view.slug, "title": view.title, "url": urls.absolute(urls.view(view))}
    body |= {"version": edition.version, "filters": view.params, "rows": rows}
    return JSONResponse(body, headers=headers)


def chart_page(view: ChartView, page: Page, context: AppContext, edition: Edition, urls: Urls) -> HTMLResponse:
    """The chart with its filter form, data table, sources, downloads, embed code and citation."""
    views, release = edition.views, edition.release
    labels = {code: category.label for code, category in views.indicator_labels.items()}
    controls = chart_controls(view.spec, view.query, views.countries(view.spec), release, labels)
    newer, newer_href = newer_than(view, edition, context.latest, urls)
    words_of_newer = newer.words if newer else ""
    extras = take_away(view, urls, context.settings.site_name, release.version, context.clock(), words_of_newer)
    words = {"view": view, "controls": controls, "take_away": extras, "newer": newer, "newer_href": newer_href}
    return page.render("chart.html", words)
