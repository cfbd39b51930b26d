"""Request dependencies as short ``Annotated`` aliases, so route signatures read plainly."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .charts.views import ChartViews
from .data import Dataset
from .settings import Settings


def get_dataset(request: Request) -> Dataset:
    dataset: Dataset = request.app.state.dataset
    return dataset


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_views(request: Request) -> ChartViews:
    views: ChartViews = request.app.state.views
    return views


def get_base_url(request: Request) -> str:
    """The site's public address without a trailing slash: configured, or the one this request came to."""
    settings: Settings = request.app.state.settings
    return (settings.base_url or str(request.base_url)).rstrip("/")


DatasetDep = Annotated[Dataset, Depends(get_dataset)]
BaseUrlDep = Annotated[str, Depends(get_base_url)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ViewsDep = Annotated[ChartViews, Depends(get_views)]
