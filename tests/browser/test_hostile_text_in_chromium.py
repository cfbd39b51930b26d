"""Markup in the data, drawn by plotly.js in Chromium: the legend, the event labels and the hover label show the
characters, and no link to the address inside them exists anywhere on the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from app.data.stamp import write_stamp

from ..live_server import LiveServer, live_server
from ..tiny_data import HOSTILE, write_hostile_data
from .interact import reach_for_charts


def hover_labels(page: Page) -> list[str]:
    """The hover label of every point, pointed at in turn (Plotly reads the pointer on a layer above them)."""
    labels = []
    points = page.locator(".chart-plot.chart-drawn .scatterlayer path.point")
    for index in range(points.count()):
        box = points.nth(index).bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".hoverlayer .hovertext").first
        label.wait_for(timeout=5_000)
        labels.append(label.text_content() or "")
        page.mouse.move(0, 0)
    return labels


@pytest.fixture(scope="module")
def hostile_server(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    write_stamp(cache_dir, data)  # loaded as validated data: the escaping must hold whatever the validator allows
    with live_server({"NKW_CACHE_DIR": str(cache_dir), "NKW_DATA_DIR": str(data)}) as server:
        yield server


def test_plotly_legend_and_labels_show_markup_as_text(page: Page, hostile_server: LiveServer) -> None:
    page.goto(f"{hostile_server.url}/charts/workers-abroad")
    reach_for_charts(page)
    plot = page.locator(".chart-plot.chart-drawn")
    legend = plot.locator(".legend .traces")
    assert sorted(text.strip() for text in legend.all_text_contents()) == sorted([HOSTILE["country"], "China"])
    assert plot.locator(".legend a").count() == 0
    assert HOSTILE["label"] in plot.locator(".annotation-text").all_text_contents()
    labels = " ".join(hover_labels(page))  # wrapped lines run together: no spaces to rely on
    assert "A <br>ministry" in labels
    assert "<b>Outlet</b>" in labels
    assert page.locator('a[href*="evil.example"], [onerror]').count() == 0
