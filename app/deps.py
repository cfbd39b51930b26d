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


DatasetDep = Annotated[Dataset, Depends(get_dataset)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ViewsDep = Annotated[ChartViews, Depends(get_views)]
