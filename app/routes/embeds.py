"""Embeds: the chart with minimal chrome for an iframe, the host-page script, and oEmbed."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from ..deps import PageDep, SettingsDep, UrlsDep, ViewsDep
from ..embeds import oembed_response, oembed_size
from .chart_lookup import find_view, query_lists

router = APIRouter()
CHART_PATH_PREFIXES = ("/charts/", "/embed/")


@router.api_route("/embed/{slug}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def embed_page(
    request: Request,
    slug: str,
    page: PageDep,
    views: ViewsDep,
    theme: Annotated[Literal["light", "dark", "auto"], Query()] = "auto",
) -> HTMLResponse:
    """The chart for an iframe: title, subtitle, chart, source line, and links to its data and full view."""
    view = find_view(views, slug, query_lists(request))
    return page.render("embed.html", {"view": view, "theme": theme})


@router.api_route("/embed.js", methods=["GET", "HEAD"])
def embed_script(settings: SettingsDep) -> FileResponse:
    """Included once by a host page, it resizes every iframe of ours to the height its content reports."""
    script = settings.static_dir / "embed.js"
    return FileResponse(script, media_type="text/javascript", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/oembed")
def oembed(
    views: ViewsDep,
    settings: SettingsDep,
    urls: UrlsDep,
    url: Annotated[str, Query(max_length=2048)],
    format: Annotated[str, Query()] = "json",  # noqa: A002 - the parameter's name is fixed by the oEmbed spec
    maxwidth: Annotated[int | None, Query(gt=0)] = None,
    maxheight: Annotated[int | None, Query(gt=0)] = None,
) -> JSONResponse:
    """oEmbed 1.0 for any chart or embed address of this site, with its filters."""
    if format != "json":
        raise HTTPException(501, f"format '{format}' is not supported; use json")
    target = urlsplit(url)
    if target.netloc != urlsplit(urls.base_url).netloc or not target.path.startswith(CHART_PATH_PREFIXES):
        raise HTTPException(404, f"'{url}' is not a chart of this site")
    slug = target.path.split("/", 2)[2]
    params = {key: values for key, values in parse_qs(target.query).items() if key != "theme"}
    try:
        view = find_view(views, slug, params)
    except HTTPException as error:
        raise HTTPException(404, f"'{url}' names no chart of this site: {error.detail}") from error
    width, height = oembed_size(maxwidth, maxheight)
    body = oembed_response(
        title=view.title,
        embed_url=urls.absolute(urls.embed(view)),
        script_url=urls.absolute(urls.embed_js()),
        site_name=settings.site_name,
        site_url=urls.absolute(urls.home()),
        width=width,
        height=height,
    )
    return JSONResponse(body, headers={"Cache-Control": f"public, max-age={body['cache_age']}"})
