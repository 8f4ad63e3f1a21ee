"""Natural Earth's countries as projected, simplified shapes: read, projected and simplified once per process.

The world-atlas TopoJSON (data/README.md) stores each border once, as an arc that the countries on
either side share. The arcs are decoded and projected once (spherical Mercator, which keeps shapes
true at every latitude, so one projection serves every map and each map is a window on it), and
simplified once per level of detail before the countries are put together from them: neighbours
keep one common border at every level, with no gaps or overlaps between them. Knows nothing of
regions, pages or SVG.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

DATA = Path(__file__).with_name("data") / "countries-50m.json"
SOURCE = "Natural Earth 1:50m, via world-atlas 2.0.2"
MAX_LATITUDE = 85.0
"""Mercator stretches towards the poles without end: nothing the digest covers lies beyond this."""
LEVELS = (0.0, 0.004, 0.012, 0.04, 0.12, 0.4)
"""Douglas-Peucker tolerances (projected degrees) of the levels of detail; level 0 is the data as it is."""
MAIN_PART = 0.25
"""A country's frame covers its parts of at least this share of its largest part's area: the
United States without Hawaii, France without French Guiana."""

NEAR = 1.0
"""Projected degrees (about 100 km): a part this close to a country's largest is one of its main parts."""

Box = tuple[float, float, float, float]
"""(west, south, east, north) in projected units: x grows eastwards, y northwards."""


def project(lon: float | np.ndarray, lat: float | np.ndarray) -> tuple:
    """Spherical Mercator in degrees: x is the longitude, y grows like the scale with latitude."""
    clipped = np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE)
    return lon, np.degrees(np.log(np.tan(np.pi / 4 + np.radians(clipped) / 2)))


def scale_at(y: float) -> float:
    """Kilometres on the ground per projected degree at projected height y (Mercator's scale factor)."""
    latitude = 2 * math.atan(math.exp(math.radians(y))) - math.pi / 2
    return 111.32 * math.cos(latitude)


@dataclass(frozen=True)
class Country:
    code: str
    """ISO 3166-1 numeric code ('368'); '' where Natural Earth gives none (Kosovo, N. Cyprus)."""
    name: str
    """Natural Earth's short name: 'Iraq', 'Palestine', 'United States of America'."""
    rings: tuple[tuple[tuple[int, ...], ...], ...]
    """Polygons, each its rings (outer ring first) as arc indices; ~i is arc i backwards."""


class World:
    """The countries of one TopoJSON topology, with their shapes at each level of detail."""

    def __init__(self, topology: dict):
        self.arcs = _decode(topology)
        self.countries = tuple(_country(g) for g in topology["objects"]["countries"]["geometries"])
        self._lines: dict[int, list[np.ndarray]] = {0: self.arcs}
        self._shapes: dict[tuple[int, int], BaseGeometry] = {}
        self._main: dict[int, Box] = {}
        arc_boxes = _arc_boxes(self.arcs)
        self.polygon_boxes = [_polygon_boxes(arc_boxes, c) for c in self.countries]
        """Each country's polygons' boxes, one row (west, south, east, north) each."""
        self.tree = shapely.STRtree([shapely.box(*_extent(boxes)) for boxes in self.polygon_boxes])

    def level_for(self, units_per_degree: float) -> int:
        """The coarsest level whose simplification stays under a unit of the picture."""
        return max(i for i, tolerance in enumerate(LEVELS) if tolerance * units_per_degree <= 1.0)

    def shape(self, country: int, level: int = 0) -> BaseGeometry:
        """The country's (Multi)Polygon at a level of detail; parts smaller than the level's tolerance drop out."""
        key = (country, level)
        if key not in self._shapes:
            self._shapes[key] = _polygons(self._arcs_at(level), self.countries[country].rings)
        return self._shapes[key]

    def main_bounds(self, country: int) -> Box:
        """The box around a country's main parts, where its map is centred: its large parts and
        those near its largest (the Gaza Strip beside the West Bank; not Alaska or Hawaii beside the other States)."""
        if country not in self._main:
            parts = shapely.get_parts(self.shape(country))
            if not len(parts):
                self._main[country] = (0.0, 0.0, 0.0, 0.0)
                return self._main[country]
            # Mercator's areas grow with latitude: compare the parts' areas on the ground
            latitudes = 2 * np.arctan(np.exp(np.radians(shapely.get_y(shapely.centroid(parts))))) - np.pi / 2
            areas = shapely.area(parts) * np.cos(latitudes) ** 2
            largest = parts[int(np.argmax(areas))]
            west, south, east, north = shapely.bounds(largest)
            near = shapely.distance(parts, largest) <= max(max(east - west, north - south) / 8, NEAR)
            main = parts[(areas >= areas.max() * MAIN_PART) | near]
            self._main[country] = tuple(float(v) for v in shapely.total_bounds(main))
        return self._main[country]

    def near(self, box: Box) -> list[int]:
        """The countries whose box meets box, in the data's order."""
        return sorted(int(i) for i in self.tree.query(shapely.box(*box)))

    def reaches(self, country: int, box: Box) -> bool:
        """Whether the box of one of the country's polygons meets box: a country's own box can span
        the globe (the United States', from the Aleutians either side of the date line to Hawaii).
        Its shape lies within those boxes at every level (simplifying only drops points)."""
        west, south, east, north = box
        boxes = self.polygon_boxes[country]
        meets = (boxes[:, 0] <= east) & (boxes[:, 2] >= west) & (boxes[:, 1] <= north) & (boxes[:, 3] >= south)
        return bool(meets.any())

    def _arcs_at(self, level: int) -> list[np.ndarray]:
        """Every arc simplified at the level: made into lines, simplified and read back in one call each."""
        if level not in self._lines:
            count = len(self.arcs)
            arc_of_point = np.repeat(np.arange(count), [len(arc) for arc in self.arcs])
            lines = shapely.linestrings(np.vstack(self.arcs), indices=arc_of_point)
            simplified = shapely.simplify(lines, LEVELS[level], preserve_topology=False)
            points, arc_of_point = shapely.get_coordinates(simplified, return_index=True)
            self._lines[level] = np.split(points, np.cumsum(np.bincount(arc_of_point, minlength=count))[:-1])
        return self._lines[level]


@functools.lru_cache(maxsize=1)
def world() -> World:
    """The vendored countries, read once per process (mkdocs serve reuses them for every rebuild)."""
    with _collector_paused():
        return World(json.loads(DATA.read_text(encoding="utf-8")))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's garbage collector off while the countries are read: json makes some 80,000 small lists
    of the arcs' points and no cycles, all freed once decoded, and in a build's large heap the
    collector's passes over them nearly doubled the time the reading takes."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _decode(topology: dict) -> list[np.ndarray]:
    """Quantized, delta-encoded arcs (TopoJSON 2.1.4) -> arrays of projected points.

    All arcs at once: one running sum over every step, less the sum before each arc's start."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = topology["arcs"]
    lengths = np.fromiter((len(arc) for arc in arcs), dtype=np.int64, count=len(arcs))
    flat = chain.from_iterable(chain.from_iterable(arcs))
    steps = np.fromiter(flat, dtype=np.float64, count=int(lengths.sum()) * 2).reshape(-1, 2)
    sums = np.cumsum(steps, axis=0)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    before = np.vstack((np.zeros((1, 2)), sums))[starts]
    sums -= np.repeat(before, lengths, axis=0)
    x, y = project(sums[:, 0] * sx + tx, sums[:, 1] * sy + ty)
    return np.split(np.column_stack((x, y)), np.cumsum(lengths)[:-1])


def _country(geometry: dict) -> Country:
    arcs = geometry.get("arcs", [])
    polygons = [arcs] if geometry.get("type") == "Polygon" else arcs if geometry.get("type") == "MultiPolygon" else []
    rings = tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons)
    return Country(str(geometry.get("id", "")), geometry.get("properties", {}).get("name", ""), rings)


def _arc_boxes(arcs: list[np.ndarray]) -> np.ndarray:
    """(west, south, east, north) of each arc, one row each."""
    starts = np.cumsum([0] + [len(arc) for arc in arcs[:-1]])
    points = np.vstack(arcs)
    return np.hstack((np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts)))


def _polygon_boxes(arc_boxes: np.ndarray, country: Country) -> np.ndarray:
    """(west, south, east, north) of each of the country's polygons, one row each: its arcs' boxes together."""
    arcs = [[i if i >= 0 else ~i for ring in polygon for i in ring] for polygon in country.rings]
    if not arcs:
        return np.empty((0, 4))
    boxes = arc_boxes[np.concatenate(arcs)]
    starts = np.cumsum([0] + [len(polygon) for polygon in arcs[:-1]])
    return np.hstack((np.minimum.reduceat(boxes[:, :2], starts), np.maximum.reduceat(boxes[:, 2:], starts)))


def _extent(boxes: np.ndarray) -> Box:
    """The box around boxes; a point at (0, 0) for none."""
    if not len(boxes):
        return (0.0, 0.0, 0.0, 0.0)
    return (*boxes[:, :2].min(axis=0), *boxes[:, 2:].max(axis=0))


def _ring(arcs: list[np.ndarray], indices: tuple[int, ...]) -> np.ndarray:
    """One ring from its arcs; each arc starts where the last ended, so that point is kept once."""
    pieces = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.vstack([pieces[0]] + [piece[1:] for piece in pieces[1:]])


def _polygons(arcs: list[np.ndarray], rings: tuple[tuple[tuple[int, ...], ...], ...]) -> BaseGeometry:
    polygons = []
    for polygon in rings:
        outer, *holes = (_ring(arcs, ring) for ring in polygon)
        if len(outer) >= 4:  # a part simplified to a sliver of three points or fewer is too small to draw
            polygons.append(shapely.Polygon(outer, [hole for hole in holes if len(hole) >= 4]))
    shape = shapely.MultiPolygon(polygons) if polygons else shapely.MultiPolygon()
    if not shape.is_valid:  # simplification can make a narrow part cross itself
        shape = shapely.make_valid(shape)
        parts = [p for p in shapely.get_parts(shape) if p.geom_type in ("Polygon", "MultiPolygon")]
        shape = shapely.union_all(parts) if parts else shapely.MultiPolygon()
    return shape
