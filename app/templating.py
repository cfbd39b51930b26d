"""The Jinja environment, and rendering a page with the request's URL builder.

Autoescaping is on for every template. Templates get typed objects and words
already written (``app.domain.words``); they never see a pandas object.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .assets import Assets
from .domain import Release
from .domain.words import format_day, format_number
from .settings import Settings
from .urls import Urls


def format_date(value: date | None) -> str:
    return format_day(value) if value else ""


def format_month(value: date | None) -> str:
    return value.strftime("%b %Y") if value else ""


def inline_stylesheet(assets: Assets, name: str) -> Markup:
    """A stylesheet's text for a ``<style>`` element: an embed is most often a reader's first visit, and a
    stylesheet it must fetch first delayed its first paint by about 30 ms (bench/: 196 -> 166 ms)."""
    text = assets.by_name[name].body.decode("utf-8")
    if "</style" in text.lower():
        raise ValueError(f"{name} contains '</style', which would end the element it is inlined in")
    return Markup(text)  # our own stylesheet, checked above


def build_templates(settings: Settings, assets: Assets, release: Release) -> Jinja2Templates:
    # Compiled templates kept on disk: the first page after a start renders sooner.
    bytecode_cache = None
    if settings.cache_dir is not None and os.access(settings.cache_dir, os.W_OK):
        bytecode_cache = jinja2.FileSystemBytecodeCache(str(settings.cache_dir))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(settings.templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=bytecode_cache,
    )
    environment.globals.update(
        site_name=settings.site_name,
        asset=assets.url,
        inline_stylesheet=partial(inline_stylesheet, assets),
        indicator_labels={category.value: category.label for category in release.indicators},
    )
    environment.filters.update(number=format_number, date=format_date, month=format_month)
    return Jinja2Templates(env=environment)


@dataclass(frozen=True)
class Page:
    """Renders templates for one request, with that request's URL builder as ``urls``."""

    request: Request
    templates: Jinja2Templates
    urls: Urls

    def render(self, name: str, context: Mapping[str, object], status_code: int = 200) -> HTMLResponse:
        # A pinned page links to itself in the latest release, filters and all.
        url = self.request.url
        latest_address = self.urls.in_latest(url.path, url.query) if self.urls.pinned else ""
        response: HTMLResponse = self.templates.TemplateResponse(
            self.request,
            name,
            {"urls": self.urls, "latest_address": latest_address, **context},
            status_code=status_code,
        )
        return response
