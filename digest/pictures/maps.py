"""Regions on maps: where each region goes, the regions index's choropleth and each region's locator map.

An Atlas matches the registry's regions to Natural Earth's countries once per build (by `iso`, else
by name or alias against the data's and ISO 3166's names) and places the rest by `coordinates`. Each
map is then a window on the one projection (geography.py): the countries that meet it, clipped to it
and scaled into the picture's units. A region that neither places is not drawn; a group of regions
(the Levant) is drawn as the countries in it. Pure geometry and labels: knows nothing of URLs, HTML
or MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pycountry
import shapely
from shapely.geometry.base import BaseGeometry

from digest.check.aliases import normalise
from digest.group.index import Index, lineage
from digest.pictures.charts import rounded, text_width
from digest.pictures.geography import Box, World, project, scale_at, world

WIDTH = 640
HEIGHTS = (300, 520)
"""The least and most height of a map: a wide area gets a band this high, a tall one is widened to fit this."""
PAD = 0.6
"""Room around what a locator map is about, as a share of its size: the neighbours show."""
OVERVIEW_PAD = 0.06
MIN_SPAN = 4.0
"""Projected degrees: the smallest window, so that a small country still shows what is around it."""
LABEL_FONT = 22
"""The largest size (user units) the stylesheet gives map labels: on phones, where the map shrinks."""
DOT = 5.0
SMALL = 7.0
"""A country narrower and lower than this (user units) is also drawn as a dot, so that it can be seen and hit."""
STEPS = 4
"""Shades of the choropleth besides 'no articles'."""


@dataclass(frozen=True)
class Place:
    slug: str
    country: int | None
    """Index in World.countries of the country the region is; None for other places."""
    point: tuple[float, float] | None
    """Projected (x, y) of a region given by `coordinates` (or a small country's dot); None otherwise."""


@dataclass(frozen=True)
class Shape:
    path: str
    """SVG path data in the map's units."""
    name: str
    """The region's name, or Natural Earth's for a country no region is."""
    slug: str | None
    """The region it links to; None for a country the registry does not have, or the page's own."""
    role: str
    """'focus' (what the page is about), 'within' (the country a place is in), 'shaded' (choropleth),
    'other' (the countries around)."""
    shade: int
    """Step of the choropleth legend (0: no articles); 0 on locator maps."""
    count: int


@dataclass(frozen=True)
class Marker:
    slug: str
    name: str
    count: int
    x: float
    y: float
    label: str | None
    """None where the name does not fit beside the dot without covering another: the table has it."""
    label_x: float
    anchor: str
    """'start' (label right of the dot) or 'end' (left of it), in left-to-right terms: maps never mirror."""
    focus: bool
    linked: bool
    shade: int


@dataclass(frozen=True)
class Label:
    """A country's name inside it, where it fits: the neighbours named, so the reader knows where they are."""

    text: str
    x: float
    y: float
    on_focus: bool
    """Written on the highlighted country, in the page's background colour."""


@dataclass(frozen=True)
class Step:
    shade: int
    low: int
    high: int


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    markers: tuple[Marker, ...]
    steps: tuple[Step, ...]
    """The legend, 'no articles' first; empty on locator maps."""
    labels: tuple[Label, ...]
    rows: tuple[tuple[str, int, str], ...]
    """The table: (slug, articles, 'country' or 'place') for every region the map shows, most articles first."""
    km: int
    """About how many kilometres the map's width spans at its centre."""
    focus: str | None = None
    """Slug of the region a locator map is about; None on the overview."""
    kind: str = "overview"
    """What the map is about: 'country', 'place' (a dot in `within`, or alone), 'group' (its countries), 'overview'."""
    within: str | None = None
    """Slug of the region a place is shown in (Baghdad: iraq); None for a country or a group."""


class Atlas:
    """Every region's place on the map, matched once per build; then any map of them."""

    def __init__(self, index: Index, geography: World | None = None):
        self.index = index
        self.world = geography or world()
        self.places = _places(index, self.world)
        self.owner = {p.country: slug for slug, p in self.places.items() if p.country is not None}
        self._drawn: dict[Box, list[tuple[int, BaseGeometry, str]]] = {}

    def overview(self) -> RegionMap | None:
        """The regions index's map: every country that is a region, shaded by its articles, and every
        other place as a dot."""
        if not self.places:
            return None
        counts = {slug: len(self.index.by_region[slug]) for slug in self.places}
        steps = _steps(sorted(set(counts.values()) - {0}))
        window = _window([self._box(slug) for slug in self.places], OVERVIEW_PAD)
        view = View(window, self.world)
        shapes = []
        for country, _, path in self._countries(view):
            slug = self.owner.get(country)
            if slug is None:
                shapes.append(Shape(path, self.world.countries[country].name, None, "other", 0, 0))
            else:
                shapes.append(Shape(path, self._name(slug), slug, "shaded", _shade(counts[slug], steps), counts[slug]))
        dots = [(slug, self._dot(slug, view)) for slug in self.places]
        markers = view.markers(
            [
                (slug, self._name(slug), counts[slug], xy, False, True, _shade(counts[slug], steps))
                for slug, xy in dots
                if xy
            ]
        )
        rows = tuple(
            sorted(
                ((slug, counts[slug], self._kind(slug)) for slug in self.places),
                key=lambda r: (-r[1], self._name(r[0]), r[0]),
            )
        )
        return RegionMap(WIDTH, view.height, tuple(shapes), markers, steps, (), rows, view.km)

    def locator(self, slug: str) -> RegionMap | None:
        """A region among its neighbours: a country highlighted, a place as a dot in its country, a group
        as its countries; its sub-regions marked. None when nothing in it has a place on the map."""
        inside = [s for s in self._subtree(slug) if s in self.places]
        if not inside:
            return None
        own = self.places.get(slug)
        within = self._within(slug) if own is not None and own.country is None else None
        boxes = [self._box(s) for s in inside] + ([self._box(within)] if within else [])
        view = View(_window(boxes, PAD), self.world)
        focus = {self.places[s].country for s in inside if self.places[s].country is not None}
        shapes, names = [], []
        for country, shape, path in self._countries(view):
            region = self.owner.get(country)
            role = "focus" if country in focus else "within" if region is not None and region == within else "other"
            name = self._name(region) if region else self.world.countries[country].name
            link = region if region is not None and region != slug else None
            shapes.append(Shape(path, name, link, role, 0, len(self.index.by_region[region]) if region else 0))
            names.append((name, shape, role == "focus"))
        marked = [slug, *self.index.children[slug]]
        dots = [(s, self._dot(s, view)) for s in marked if s in self.places]
        markers = view.markers(
            [(s, self._name(s), len(self.index.by_region[s]), xy, s == slug, s != slug, 0) for s, xy in dots if xy]
        )
        rows = tuple((s, len(self.index.by_region[s]), self._kind(s)) for s in marked if s in self.places)
        kind = "group" if own is None else "country" if own.country is not None else "place"
        return RegionMap(
            WIDTH, view.height, tuple(shapes), markers, (), view.labels(names), rows, view.km, slug, kind, within
        )

    def _countries(self, view: View) -> list[tuple[int, BaseGeometry, str]]:
        """The countries in the view, clipped, and their paths: drawn once per window (a town inside
        its country's frame has the country's window, and so the same map)."""
        if view.window not in self._drawn:
            self._drawn[view.window] = [(country, shape, view.path(shape)) for country, shape in view.countries()]
        return self._drawn[view.window]

    def _subtree(self, slug: str) -> Iterator[str]:
        yield slug
        for child in self.index.children[slug]:
            yield from self._subtree(child)

    def _within(self, slug: str) -> str | None:
        """The nearest enclosing region that is a country: where a place is shown."""
        return next(
            (
                s
                for s in list(lineage(self.index.registries, slug))[1:]
                if s in self.places and self.places[s].country is not None
            ),
            None,
        )

    def _box(self, slug: str) -> Box:
        place = self.places[slug]
        if place.country is not None:
            return self.world.main_bounds(place.country)
        x, y = place.point
        return (x, y, x, y)

    def _dot(self, slug: str, view: View) -> tuple[float, float] | None:
        """Where a region's dot goes: a place's point, or a country too small to see; None for the rest."""
        place = self.places[slug]
        if place.point is not None and place.country is None:
            return view.at(*place.point)
        west, south, east, north = (view.scale * v for v in self.world.main_bounds(place.country))
        if east - west < SMALL and north - south < SMALL:
            point = shapely.point_on_surface(self.world.shape(place.country))
            return view.at(point.x, point.y)
        return None

    def _kind(self, slug: str) -> str:
        return "country" if self.places[slug].country is not None else "place"

    def _name(self, slug: str) -> str:
        return self.index.registries.regions[slug].name


class View:
    """One map's window on the projection: what is in it, in the picture's units."""

    def __init__(self, window: Box, geography: World):
        self.world = geography
        self.window = window
        west, south, east, north = window
        self.scale = WIDTH / (east - west)
        self.height = round((north - south) * self.scale)
        self.level = geography.level_for(self.scale)
        self.km = int(round(scale_at((south + north) / 2) * (east - west), -1))
        self.taken: list[Box] = []
        """Where dots and names already are, in the picture's units: nothing is written over them."""

    def countries(self) -> Iterator[tuple[int, BaseGeometry]]:
        """Each country that shows in the window, clipped a little beyond its edges, in the data's order."""
        west, south, east, north = self.window
        margin = 2 / self.scale
        frame = (west - margin, south - margin, east + margin, north + margin)
        for country in self.world.near(self.window):
            if not self.world.reaches(country, frame):
                continue  # its box meets the window, but none of its parts comes near: nothing to clip
            clipped = shapely.clip_by_rect(self.world.shape(country, self.level), *frame)
            if not clipped.is_empty and clipped.area * self.scale**2 >= 0.5:
                yield country, clipped

    def at(self, x: float, y: float) -> tuple[float, float]:
        west, _, _, north = self.window
        return rounded((x - west) * self.scale), rounded((north - y) * self.scale)

    def path(self, shape: BaseGeometry) -> str:
        """SVG path data: each ring moved to, then relative steps in tenths of a unit (short, and exact)."""
        west, _, _, north = self.window
        commands = []
        for polygon in shapely.get_parts(shape):
            for ring in (polygon.exterior, *polygon.interiors):
                points = shapely.get_coordinates(ring)[:-1]
                tenths = np.rint(
                    np.column_stack(((points[:, 0] - west) * self.scale, (north - points[:, 1]) * self.scale)) * 10
                ).astype(np.int64)
                steps = np.diff(tenths, axis=0)
                steps = steps[(steps != 0).any(axis=1)]
                if len(steps) < 2:
                    continue
                moves = "l" + " ".join(map(_tenths, steps.ravel().tolist())).replace(" -", "-")
                commands.append(f"M{_tenths(tenths[0][0])} {_tenths(tenths[0][1])}{moves}z")
        return "".join(commands)

    def markers(self, dots: list[tuple]) -> tuple[Marker, ...]:
        """Dots with their names beside them where they fit: the focus first, then the most covered;
        a name that would cover another name or leave the map is left to the table."""
        dots = [d for d in dots if 0 <= d[3][0] <= WIDTH and 0 <= d[3][1] <= self.height]
        order = sorted(dots, key=lambda d: (not d[4], -d[2], d[1], d[0]))
        taken = self.taken
        taken += [(x - DOT, y - DOT, x + DOT, y + DOT) for _, _, _, (x, y), *_ in order]
        placed = []
        for slug, name, count, (x, y), focus, linked, shade in order:
            label, label_x, anchor = None, x, "start"
            width = text_width(name, LABEL_FONT)
            for side in (1, -1):
                start = x + side * (DOT + 3)
                box = (
                    min(start, start + side * width),
                    y - LABEL_FONT / 2,
                    max(start, start + side * width),
                    y + LABEL_FONT / 2,
                )
                if box[0] >= 0 and box[2] <= WIDTH and not any(_overlap(box, t) for t in taken):
                    label, label_x, anchor = name, rounded(start), "start" if side == 1 else "end"
                    taken.append(box)
                    break
            placed.append(Marker(slug, name, count, x, y, label, label_x, anchor, focus, linked, shade))
        return tuple(placed)

    def labels(self, names: list[tuple[str, BaseGeometry, bool]]) -> tuple[Label, ...]:
        """Countries' names at a point inside each, largest country first, where the name fits inside
        its box at the largest label size and covers no dot or other name."""
        placed = []
        for name, shape, on_focus in sorted(names, key=lambda n: (-n[1].area, n[0])):
            point = shapely.point_on_surface(shape)
            x, y = self.at(point.x, point.y)
            west, south, east, north = shapely.bounds(shape)
            half = text_width(name, LABEL_FONT) / 2
            box = (x - half, y - LABEL_FONT / 2, x + half, y + LABEL_FONT / 2)
            inside = (east - west) * self.scale >= 2 * half * 1.2 and (north - south) * self.scale >= LABEL_FONT * 1.5
            if (
                inside
                and box[0] >= 0
                and box[2] <= WIDTH
                and box[1] >= 0
                and box[3] <= self.height
                and not any(_overlap(box, t) for t in self.taken)
            ):
                self.taken.append(box)
                placed.append(Label(name, x, y, on_focus))
        return tuple(placed)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@functools.cache  # a build writes a few thousand different numbers, each many times
def _tenths(value: int) -> str:
    """A coordinate in tenths as SVG's shortest text: 125 -> '12.5', -3 -> '-.3', 40 -> '4'."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tenth}"


def _window(boxes: list[Box], pad: float) -> Box:
    """The boxes' extent, padded, at least MIN_SPAN across, and widened to the picture's proportions."""
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    span = max(east - west, north - south, MIN_SPAN)
    x, y = (west + east) / 2, (south + north) / 2
    width = max(east - west, MIN_SPAN) + 2 * pad * span
    height = max(north - south, MIN_SPAN) + 2 * pad * span
    low, high = HEIGHTS
    height = max(height, width * low / WIDTH)  # a wide area: a band, with more to the north and south
    width = max(width, height * WIDTH / high)  # a tall one: more to the east and west
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _steps(counts: list[int]) -> tuple[Step, ...]:
    """The legend: 'no articles', then up to STEPS ranges of counts, each holding about as many regions."""
    if not counts:
        return (Step(0, 0, 0),)
    if len(counts) <= STEPS:
        return (Step(0, 0, 0), *(Step(i + 1, c, c) for i, c in enumerate(counts)))
    bounds = [counts[round(len(counts) * k / STEPS) - 1] for k in range(1, STEPS + 1)]
    steps, low = [Step(0, 0, 0)], counts[0]
    for high in dict.fromkeys(bounds):
        steps.append(Step(len(steps), low, high))
        low = next((c for c in counts if c > high), high)
    return tuple(steps)


def _shade(count: int, steps: tuple[Step, ...]) -> int:
    return next((s.shade for s in steps if s.low <= count <= s.high), 0)


def _places(index: Index, geography: World) -> dict[str, Place]:
    """Region slug -> its place; a country is one region: its `iso` region first, then the first
    region by depth and slug whose name or alias is the country's."""
    regions = index.registries.regions
    by_code, by_name = _country_keys(geography)
    places: dict[str, Place] = {}
    owned: set[int] = set()
    for slug, region in sorted(regions.items()):
        country = by_code.get(pycountry.countries.get(alpha_3=region.iso).numeric) if region.iso else None
        if country is not None and country not in owned:
            owned.add(country)
            places[slug] = Place(slug, country, None)
    depth = {slug: len(list(lineage(index.registries, slug))) for slug in regions}
    for slug in sorted(regions, key=lambda s: (depth[s], s)):
        region = regions[slug]
        if slug in places or region.iso or region.coordinates:
            continue
        country = next(
            (
                by_name[k]
                for k in map(normalise, (region.name, *region.aliases))
                if k in by_name and by_name[k] not in owned
            ),
            None,
        )
        if country is not None:
            owned.add(country)
            places[slug] = Place(slug, country, None)
    for slug, region in sorted(regions.items()):
        if slug not in places and region.coordinates is not None:
            latitude, longitude = region.coordinates
            x, y = project(longitude, latitude)
            places[slug] = Place(slug, None, (float(x), float(y)))
    return dict(sorted(places.items()))


@functools.lru_cache(maxsize=4)
def _country_keys(geography: World) -> tuple[dict[str, int], dict[str, int]]:
    """ISO numeric code -> country, and normalised name -> country: Natural Earth's name and ISO 3166's
    names of the same code (official and common ones), the first country of the data for each."""
    by_code: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for i, country in enumerate(geography.countries):
        if not country.rings:
            continue
        names = [country.name]
        if country.code:
            by_code.setdefault(country.code, i)
            iso = pycountry.countries.get(numeric=country.code)
            names += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")] if iso else []
        for name in filter(None, names):
            by_name.setdefault(normalise(name), i)
    return by_code, by_name
