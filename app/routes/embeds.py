"""Embeds: the chart with minimal chrome for an iframe, the host-page script, and oEmbed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qs, urlsplit, urlunsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from ..context import AppContext
from ..deps import ContextDep, EditionDep, PageDep, SettingsDep, UrlsDep
from ..embed_size import embed_height
from ..embeds import (
    DEFAULT_THEME,
    EMBED_SOURCES_SHOWN,
    ThemeError,
    oembed_height,
    oembed_response,
    oembed_width,
    oembed_xml,
    parse_theme,
)
from ..jsontypes import JSONObject
from ..params import ParameterError, choice, number, shorten_url, site_address
from ..settings import Settings
from ..urls import Urls, split_pinned
from .chart_lookup import find_view, newer_than, query_lists, view_at

router = APIRouter()  # the embed itself, which shows a release
site_router = APIRouter()  # what serves every embed, whichever release it shows
OEMBED_FORMATS = ("json", "xml")  # the spec's two
OEMBED_XML_MEDIA_TYPE = "text/xml"  # the spec's (section 2.3.4)
MAX_OEMBED_PX = 10_000  # maxwidth and maxheight: far past any screen, and a bound on the number's length


@router.api_route("/embed/{slug}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def embed_page(
    request: Request,
    slug: str,
    page: PageDep,
    context: ContextDep,
    edition: EditionDep,
    urls: UrlsDep,
    # Listed for the API's description; read with every other parameter, by the one strict parser.
    _theme: Annotated[str | None, Query(alias="theme", description="light (the default), dark or auto")] = None,
) -> HTMLResponse:
    """The chart for an iframe: title, subtitle, chart, source line, and links to its data and full view;
    pinned to an older release, a line saying what changed since, linking to the latest."""
    params = query_lists(request)
    try:
        theme = parse_theme(params.get("theme", []))
    except ThemeError as error:
        raise HTTPException(400, str(error)) from error
    view = find_view(edition.views, slug, params)
    newer, newer_href = newer_than(view, edition, context.latest, urls)
    # The default theme is left out of the discovery link, so a default embed's has an address of its own.
    oembed = urls.oembed_of(urls.embed(view, theme=None if theme == DEFAULT_THEME else theme))
    words = {"view": view, "theme": theme, "newer": newer, "newer_href": newer_href, "oembed": oembed}
    return page.render("embed.html", words | {"sources_shown": EMBED_SOURCES_SHOWN})


@site_router.api_route("/embed.js", methods=["GET", "HEAD"])
def embed_script(settings: SettingsDep) -> FileResponse:
    """Included once by a host page, it resizes every iframe of ours to the height its content reports."""
    script = settings.static_dir / "embed.js"
    return FileResponse(script, media_type="text/javascript", headers={"Cache-Control": "public, max-age=3600"})


@site_router.api_route("/oembed", methods=["GET", "HEAD"])
def oembed(
    context: ContextDep,
    settings: SettingsDep,
    request: Request,
    url: Annotated[str, Query()],
    format: Annotated[str, Query()] = "json",  # noqa: A002 - the parameter's name is fixed by the oEmbed spec
    maxwidth: Annotated[str | None, Query()] = None,
    maxheight: Annotated[str | None, Query()] = None,
) -> Response:
    """oEmbed 1.0 for any chart, embed or country page of this site, with its filters and theme.

    The iframe is pinned: to the release the address names (/v/{version}/...), else to the latest release
    as it is today, so that the article keeps showing what its words describe.
    """
    urls = context.urls_for(request)
    try:
        chosen = choice("format", format, OEMBED_FORMATS)
        address = urlunsplit(site_address("url", url, urls.base_url))
        width, height = size("maxwidth", maxwidth), size("maxheight", maxheight)
    except ParameterError as error:
        raise HTTPException(400, str(error)) from error
    answer = oembed_answer(context, settings, urls, address, width, height)
    if chosen == "xml":
        return Response(oembed_xml(answer.body), media_type=OEMBED_XML_MEDIA_TYPE, headers=answer.headers)
    return answer.response()


def size(name: str, value: str | None) -> int | None:
    return number(name, value, 1, MAX_OEMBED_PX) if value else None


@site_router.api_route("/oembed/{page:path}.json", methods=["GET", "HEAD"])
def oembed_of_page(context: ContextDep, settings: SettingsDep, request: Request, page: str) -> JSONResponse:
    """oEmbed for a page without filters at the address its discovery link names (``/oembed/charts/revenue.json``
    for /charts/revenue): the query form's answer for that page, by construction, and a static copy has it."""
    urls = context.urls_for(request)
    return oembed_answer(context, settings, urls, urls.absolute(urls.oembed_page(page)), None, None).response()


@dataclass(frozen=True)
class OembedAnswer:
    body: JSONObject
    headers: dict[str, str]

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, headers=self.headers)


def oembed_answer(
    context: AppContext, settings: Settings, urls: Urls, url: str, maxwidth: int | None, maxheight: int | None
) -> OembedAnswer:
    target = urlsplit(url)
    version, path = split_pinned(target.path)
    edition = context.editions.get(version) if version else context.latest
    if edition is None:
        known = ", ".join(context.editions.versions)
        raise HTTPException(404, f"'{shorten_url(url)}' names no release of this site. Releases: {known}.")
    view = view_at(edition.views, edition.release, urlunsplit(target._replace(path=path)), urls.base_url)
    try:
        theme = parse_theme(parse_qs(target.query).get("theme", []))
    except ThemeError as error:
        raise HTTPException(404, f"'{url}' names no embed of this site: {error}") from error
    pinned = urls.release(edition.version)
    newer, _ = newer_than(view, edition, context.latest, pinned)
    width = oembed_width(maxwidth)
    content = embed_height(
        view, width, site_name=settings.site_name, version=edition.version, newer=newer.words if newer else ""
    )
    body = oembed_response(
        title=view.title,
        embed_url=pinned.absolute(pinned.embed(view, theme=None if theme == DEFAULT_THEME else theme)),
        script_url=urls.absolute(urls.embed_js()),
        site_name=settings.site_name,
        site_url=urls.absolute(urls.home()),
        width=width,
        height=oembed_height(content, maxheight),
    )
    return OembedAnswer(body, {"Cache-Control": f"public, max-age={body['cache_age']}"})
