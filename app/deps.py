"""Request dependencies as short ``Annotated`` aliases, so route signatures read plainly.

The application context is read from the app in exactly one place, ``get_context``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .charts.views import ChartViews
from .context import AppContext
from .domain import Release
from .settings import Settings
from .templating import Page
from .urls import Urls


def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


ContextDep = Annotated[AppContext, Depends(get_context)]


def get_release(context: ContextDep) -> Release:
    return context.release


def get_settings(context: ContextDep) -> Settings:
    return context.settings


def get_views(context: ContextDep) -> ChartViews:
    return context.views


def get_urls(request: Request, context: ContextDep) -> Urls:
    return context.urls_for(request)


UrlsDep = Annotated[Urls, Depends(get_urls)]


def get_page(request: Request, context: ContextDep, urls: UrlsDep) -> Page:
    return Page(request, context.templates, urls)


ReleaseDep = Annotated[Release, Depends(get_release)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ViewsDep = Annotated[ChartViews, Depends(get_views)]
PageDep = Annotated[Page, Depends(get_page)]
