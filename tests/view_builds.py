"""Counting the chart views an app or a test builds."""

from __future__ import annotations

import pytest

from app.charts.query import ChartQuery
from app.charts.registry import ChartSpec
from app.charts.views import ChartView, ChartViews


def count_builds(views: ChartViews, monkeypatch: pytest.MonkeyPatch) -> list[ChartQuery]:
    """The list each view built from now on is appended to, by its query."""
    builds: list[ChartQuery] = []
    build = views.build

    def counting_build(spec: ChartSpec, query: ChartQuery) -> ChartView:
        builds.append(query)
        return build(spec, query)

    monkeypatch.setattr(views, "build", counting_build)
    return builds
