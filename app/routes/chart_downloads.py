"""A chart's twins: its plotted rows as CSV and JSON, and the chart as a PNG or SVG image."""

from __future__ import annotations

import re
from typing import Any, Literal

import pandas as pd
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from ..charts.images import MEDIA_TYPES, ImageRenderer, ImageUnavailableError
from ..charts.select import DOWNLOAD_COLUMNS
from ..charts.views import ChartView
from ..data.export import records, to_csv
from ..deps import BaseUrlDep, DatasetDep, SettingsDep
from ..urls import urls
from .chart_lookup import ChartViewDep
from .downloads import attachment

router = APIRouter(prefix="/charts")


def chart_file_name(view: ChartView, version: str, extension: str) -> str:
    """nk-workers-abroad-workers-abroad-chn-rus-2017-1.0.0.csv: the view and the dataset version."""
    filters = "-".join(view.query.params(view.spec).values())
    tail = re.sub(r"[^a-z0-9]+", "-", f"{view.spec.slug}-{filters}".lower()).strip("-")
    return f"nk-workers-abroad-{tail}-{version}.{extension}"


def download_frame(view: ChartView, base_url: str) -> pd.DataFrame:
    """The plotted rows as downloaded: the claim, its source, and the address of its page."""
    return view.rows[DOWNLOAD_COLUMNS].assign(estimate_url=[base_url + href for href in view.rows["href"]])


@router.api_route("/{slug}.{extension}", methods=["GET", "HEAD"])
def chart_download(
    request: Request,
    extension: Literal["csv", "json", "png", "svg"],
    view: ChartViewDep,
    dataset: DatasetDep,
    settings: SettingsDep,
    base_url: BaseUrlDep,
) -> Response:
    """Exactly the plotted rows, with their sources (CSV, JSON); or the chart as an image (PNG, SVG)."""
    headers = attachment(chart_file_name(view, dataset.version, extension))
    page_url = base_url + urls.chart(view.spec.slug, view.query.params(view.spec))
    if extension == "csv":
        return Response(to_csv(download_frame(view, base_url)), media_type="text/csv; charset=utf-8", headers=headers)
    if extension == "json":
        body: dict[str, Any] = {"chart": view.spec.slug, "title": view.title, "url": page_url}
        body |= {"version": dataset.version, "filters": view.query.params(view.spec)}
        body["rows"] = records(download_frame(view, base_url))
        return JSONResponse(body, headers=headers)
    renderer: ImageRenderer = request.app.state.images
    try:
        image = renderer.render(view, extension, settings.site_name, page_url)
    except ImageUnavailableError as error:
        raise HTTPException(503, str(error)) from error
    return Response(image, media_type=MEDIA_TYPES[extension], headers=headers)
