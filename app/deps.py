"""Request dependencies as short ``Annotated`` aliases, so route signatures read plainly.

The application context is read from the app in exactly one place, ``get_context``.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from .charts.views import ChartViews
from .context import AppContext
from .domain import Release
from .editions import ArchiveError, Edition
from .settings import Settings
from .templating import Page
from .urls import Urls

log = logging.getLogger(__name__)


def get_context(request: Request) -> AppContext:
    """The context now served. A reload (app/reload.py) replaces this one reference; a request reads it once
    (FastAPI resolves a dependency once per request), so it never mixes two releases."""
    context: AppContext = request.app.state.context
    return context


ContextDep = Annotated[AppContext, Depends(get_context)]


def get_edition(request: Request, context: ContextDep) -> Edition:
    """The release a request asks for: the one its /v/{version}/ prefix names, else the latest."""
    version: str | None = request.path_params.get("version")
    if version is None:
        return context.latest
    try:
        edition = context.editions.get(version)
    except ArchiveError as error:
        log.error("%s", error)  # the files' paths go to the log, not to the reader
        raise HTTPException(
            503, f"Release {version} cannot be served: its files no longer match the checksums it was released with."
        ) from error
    if edition is None:
        known = ", ".join(context.editions.versions)
        raise HTTPException(
            404,
            f"No release '{version[:40]}'. Releases: {known} (the latest, {context.latest.version}, is also "
            "at every address without /v/{version}/).",
        )
    return edition


EditionDep = Annotated[Edition, Depends(get_edition)]


def get_release(edition: EditionDep) -> Release:
    return edition.release


def get_settings(context: ContextDep) -> Settings:
    return context.settings


def get_views(edition: EditionDep) -> ChartViews:
    return edition.views


def get_urls(request: Request, context: ContextDep, edition: EditionDep) -> Urls:
    """The request's URL builder, pinned to its release when the request was: its links stay in that release."""
    urls = context.urls_for(request)
    return urls.release(edition.version) if edition.pinned else urls


UrlsDep = Annotated[Urls, Depends(get_urls)]


def get_page(request: Request, context: ContextDep, urls: UrlsDep) -> Page:
    return Page(request, context.templates, urls)


ReleaseDep = Annotated[Release, Depends(get_release)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ViewsDep = Annotated[ChartViews, Depends(get_views)]
PageDep = Annotated[Page, Depends(get_page)]
