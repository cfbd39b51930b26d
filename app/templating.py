"""The Jinja environment: autoescaping on for every template, shared helpers as globals."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .charts.describe import publisher_name
from .settings import Settings
from .urls import urls


def format_number(value: float | int) -> str:
    """12000 -> '12,000'; 20400000.0 -> '20,400,000'; 2.5 -> '2.5'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def format_date(value: date | None) -> str:
    return value.strftime("%-d %b %Y") if value else ""


def format_month(value: date | None) -> str:
    return value.strftime("%b %Y") if value else ""


def build_templates(settings: Settings) -> Jinja2Templates:
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
    environment.globals.update(urls=urls, site_name=settings.site_name)
    environment.filters.update(number=format_number, date=format_date, month=format_month, publisher=publisher_name)
    return Jinja2Templates(env=environment)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status_code)
    return response
