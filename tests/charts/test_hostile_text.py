"""Names, labels and quotes are text everywhere: markup in the data shows as its characters, never as a link.

Plotly reads a subset of HTML (<a href>, <b>, <br>, <i>...) in trace names, hover text, annotations and titles;
pages and the inline SVG drawing are HTML. The data here is stamped as validated, so these tests hold even if the
validator one day refuses '<' in names: escaping is the defence that matters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.charts.images import DatasetCredit, static_figure
from app.charts.views import ChartViews
from app.data import load_dataset
from app.data.stamp import write_stamp
from app.domain import Release
from app.editions import chart_links
from app.settings import Settings
from app.urls import Urls

from ..clients import app_client
from ..html import parse
from ..tiny_data import HOSTILE, write_hostile_data

CHART = "workers-abroad"
# What a drawing shows of the hostile words, as Plotly's text: escaped once (Plotly turns &lt; back into '<').
DRAWN = ("country", "label")
MARKUP = ("<a ", "<img", "<script", "<b>Outlet", "<br>ministry", "<i>workers")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture(scope="module")
def hostile_client(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    cache = tmp_path_factory.mktemp("hostile-cache")
    write_stamp(cache, hostile)  # not the validator's call: the escaping must hold for whatever data loads
    with app_client(Settings(data_dir=hostile, cache_dir=cache)) as client:
        yield client


def strings(node: Any) -> Iterator[str]:
    """Every string in a JSON document, keys left out."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def assert_inert(figure: dict[str, Any]) -> None:
    texts = list(strings(figure))
    leaks = [text for text in texts if any(markup in text for markup in MARKUP)]
    assert leaks == []
    for key in DRAWN:
        assert any(escape(HOSTILE[key], quote=False) in text for text in texts), f"the {key} is not drawn"


def test_chart_figure_escapes_every_name_label_and_hover(hostile_client: TestClient) -> None:
    response = hostile_client.get(f"/charts/{CHART}.plotly")
    assert response.status_code == 200
    figure = response.json()
    assert_inert(figure)
    hovers = [text for trace in figure["data"] for text in trace.get("hovertext", [])]
    assert any(escape("Claimant: A <br>ministry", quote=False) in hover for hover in hovers)
    assert any(escape("<b>Outlet</b>", quote=False) in hover for hover in hovers)


def test_static_image_figure_escapes_every_name_label_and_title(hostile: Path) -> None:
    views = ChartViews(Release.from_dataset(load_dataset(hostile)), chart_links(Urls()))
    view = views.default(views.specs[CHART])
    figure = static_figure(view, "<b>Site</b>", "http://testserver/charts/x", DatasetCredit("1", "<i>CC</i>"))
    assert_inert(figure)
    assert not any("<b>Site" in text or "<i>CC" in text for text in strings(figure))


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        (f"/charts/{CHART}", ("country", "label", "claimant")),
        (f"/embed/{CHART}", ("label", "claimant")),
        ("/countries/rus", ("country", "publisher")),
        ("/estimates/e0001", ("country", "publisher", "claimant", "measure", "quote")),
    ],
)
def test_pages_show_markup_as_text(hostile_client: TestClient, path: str, shown: tuple[str, ...]) -> None:
    response = hostile_client.get(path)
    assert response.status_code == 200
    page = parse(response.text)
    assert page.select('a[href*="evil.example"]') == []
    assert page.select("img[onerror], [onerror]") == []
    assert [s for s in page.select("script") if "alert(" in s.get_text()] == []
    words = page.get_text()
    assert [key for key in shown if HOSTILE[key] not in words] == []  # as a reader reads them, tags and all


def test_inline_svg_drawing_draws_names_as_text(hostile_client: TestClient) -> None:
    page = parse(hostile_client.get(f"/charts/{CHART}").text)
    drawing = page.select("svg text")
    assert drawing, "the chart page has no drawing"
    assert page.select("svg a, svg img, svg script") == []


def test_json_and_csv_twins_carry_the_raw_text(hostile_client: TestClient) -> None:
    cells = set(strings(hostile_client.get(f"/charts/{CHART}.json").json()))
    assert {HOSTILE["claimant"], HOSTILE["quote"], HOSTILE["publisher"]} <= cells
    chart_csv = hostile_client.get(f"/charts/{CHART}.csv").text.lstrip("\ufeff")
    assert HOSTILE["claimant"] in [row["claimant"] for row in csv.DictReader(io.StringIO(chart_csv))]
    countries = hostile_client.get("/data/countries.csv").text.lstrip("\ufeff")
    names = [row["name"] for row in csv.DictReader(io.StringIO(countries))]
    assert HOSTILE["country"] in names
