"""Maps: which country or point places each region, the choropleth's legend, locator maps, and the SVG they give."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from trees import article, content_tree, settings_for

from digest.group.index import build_index
from digest.pictures.geography import LEVELS, _collector_paused, project, world
from digest.pictures.maps import Atlas, Step, View, _steps, _tenths
from digest.pipeline import build_site, check

REGIONS = """\
middle-east: {name: Middle East}
levant: {name: Levant, parent: middle-east}
syria: {name: Syria, parent: levant}
golan-heights: {name: Golan Heights, parent: syria, coordinates: [33.0, 35.75]}
palestine: {name: Palestinian territories, parent: levant, iso: PS}
mesopotamia: {name: Mesopotamia, parent: middle-east, aliases: [Iraq]}
atlantis: {name: Atlantis, parent: middle-east}
red-sea: {name: Red Sea, parent: middle-east, coordinates: [20.0, 38.5]}
"""


def atlas(tmp_path: Path, regions: str = REGIONS, articles: dict[str, str] | None = None) -> Atlas:
    articles = (
        articles
        if articles is not None
        else {
            "a.md": article("One", regions="[golan-heights]"),
            "b.md": article("Two", regions="[syria]"),
            "c.md": article("Three", regions="[palestine, red-sea]"),
        }
    )
    root = content_tree(tmp_path, articles, regions=regions, actors="")
    content, _ = check(settings_for(root))
    return Atlas(build_index(content))


def test_countries_are_found_by_name_alias_or_code_and_places_by_coordinates(tmp_path):
    places = atlas(tmp_path).places
    names = {slug: world().countries[p.country].name for slug, p in places.items() if p.country is not None}
    assert names == {"mesopotamia": "Iraq", "palestine": "Palestine", "syria": "Syria"}
    assert sorted(s for s, p in places.items() if p.point is not None) == ["golan-heights", "red-sea"]
    assert "atlantis" not in places and "levant" not in places


def test_a_code_takes_the_country_from_a_region_that_only_has_its_name(tmp_path):
    regions = "iraq: {name: Iraq}\nmesopotamia: {name: Mesopotamia, iso: IQ}\n"
    places = atlas(tmp_path, regions, {"a.md": article(regions="[iraq]")}).places
    assert list(places) == ["mesopotamia"]


def test_the_overview_shades_each_country_by_its_articles_and_links_it(tmp_path):
    overview = atlas(tmp_path).overview()
    assert overview.steps == (Step(0, 0, 0), Step(1, 1, 1), Step(2, 2, 2))
    linked = {s.slug: (s.role, s.shade, s.count) for s in overview.shapes if s.slug}
    assert linked == {"syria": ("shaded", 2, 2), "palestine": ("shaded", 1, 1), "mesopotamia": ("shaded", 0, 0)}
    assert all(s.role == "other" and s.shade == 0 for s in overview.shapes if not s.slug)
    assert {m.slug for m in overview.markers} >= {"golan-heights", "red-sea"}
    assert overview.rows[:2] == (("syria", 2, "country"), ("golan-heights", 1, "place"))
    assert overview.width == 640 and 300 <= overview.height <= 520


def test_a_country_is_highlighted_among_its_neighbours_with_its_sub_regions_as_dots(tmp_path):
    syria = atlas(tmp_path).locator("syria")
    assert syria.kind == "country" and syria.focus == "syria" and syria.within is None
    focus = [s for s in syria.shapes if s.role == "focus"]
    assert [(s.name, s.slug) for s in focus] == [("Syria", None)]  # its own page: no link
    assert {s.name for s in syria.shapes} >= {
        "Syria",
        "Mesopotamia",
        "Lebanon",
        "Turkey",
        "Jordan",
    }  # a region by its own name
    assert [(m.slug, m.focus, m.linked) for m in syria.markers] == [("golan-heights", False, True)]
    assert syria.rows == (("syria", 2, "country"), ("golan-heights", 1, "place"))


def test_a_place_is_a_dot_in_its_country_and_a_group_is_its_countries(tmp_path):
    maps = atlas(tmp_path)
    golan = maps.locator("golan-heights")
    assert (golan.kind, golan.within) == ("place", "syria")
    assert [s.slug for s in golan.shapes if s.role == "within"] == ["syria"]
    assert [(m.slug, m.focus, m.linked, m.label) for m in golan.markers] == [
        ("golan-heights", True, False, "Golan Heights")
    ]
    levant = maps.locator("levant")
    assert levant.kind == "group"
    assert sorted(s.name for s in levant.shapes if s.role == "focus") == ["Palestinian territories", "Syria"]
    sea = maps.locator("red-sea")
    assert (sea.kind, sea.within) == ("place", None)


def test_a_region_without_a_place_has_no_map(tmp_path):
    assert atlas(tmp_path).locator("atlantis") is None
    assert (
        atlas(tmp_path / "alone", "atlantis: {name: Atlantis}\n", {"a.md": article(regions="[atlantis]")}).overview()
        is None
    )


def test_the_same_content_gives_the_same_maps(tmp_path):
    first, second = atlas(tmp_path / "a"), atlas(tmp_path / "b")
    assert first.overview() == second.overview()
    assert first.locator("syria") == second.locator("syria")
    assert all(s.path.startswith("M") and s.path.endswith("z") for s in first.locator("syria").shapes)


def test_a_place_inside_its_country_is_drawn_on_the_country_map_drawn_once(tmp_path, monkeypatch):
    maps = atlas(tmp_path)
    drawn = []
    path = View.path
    monkeypatch.setattr(View, "path", lambda view, shape: drawn.append(shape) or path(view, shape))
    syria = maps.locator("syria")
    count = len(drawn)
    golan = maps.locator("golan-heights")
    assert count and len(drawn) == count
    assert [s.path for s in golan.shapes] == [s.path for s in syria.shapes]


@pytest.mark.parametrize("tenths, text", [(125, "12.5"), (-3, "-.3"), (40, "4"), (0, "0"), (-120, "-12"), (7, ".7")])
def test_coordinates_are_written_short(tenths, text):
    assert _tenths(tenths) == text


def test_the_legend_splits_the_counts_into_four_steps_of_about_as_many_regions():
    assert _steps([1, 2, 3, 5, 8, 13, 21, 34]) == (
        Step(0, 0, 0),
        Step(1, 1, 2),
        Step(2, 3, 5),
        Step(3, 8, 13),
        Step(4, 21, 34),
    )
    assert _steps([2, 7]) == (Step(0, 0, 0), Step(1, 2, 2), Step(2, 7, 7))
    assert _steps([]) == (Step(0, 0, 0),)


def test_the_regions_page_and_a_region_page_carry_their_maps(tmp_path):
    root = content_tree(tmp_path, {"a.md": article(regions="[golan-heights]")}, regions=REGIONS, actors="")
    pages = build_site(settings_for(root)).pages
    regions = pages["regions/index.md"]
    assert '<svg class="digest-chart digest-map__picture" viewBox="0 0 640 ' in regions
    assert (
        'role="img" aria-labelledby="digest-map-title">\n'
        '<title id="digest-map-title">Map of the regions: each country shaded by its articles</title>' in regions
    )
    assert (
        '<a href="syria/" aria-label="Syria: 1 article"><title>Syria: 1 article</title><use href="#digest-map-'
        in regions
    )
    assert "Country shapes from Natural Earth at 1:50m, simplified, with de facto boundaries" in regions
    golan = pages["regions/golan-heights.md"]
    assert '<title id="digest-map-title">Map: Golan Heights in Syria</title>' in golan
    assert "<figcaption>Golan Heights is the larger dot, in Syria. Country shapes" in golan
    assert '<tr><td><a href="../syria/">Syria</a></td>' not in golan  # the table lists what the map marks
    assert "digest-map" not in pages["regions/atlantis.md"]


def country(name: str) -> int:
    return next(i for i, c in enumerate(world().countries) if c.name == name)


def test_neighbours_keep_one_border_at_every_level_of_detail():
    for level in range(len(LEVELS)):
        syria, iraq = world().shape(country("Syria"), level), world().shape(country("Iraq"), level)
        assert syria.intersection(iraq).area == pytest.approx(0, abs=1e-9)
        assert syria.boundary.intersection(iraq.boundary).length > 5  # projected degrees of shared border


def test_a_country_whose_box_spans_the_globe_reaches_only_where_its_polygons_are():
    x, y = project(38.0, 35.0)
    box = (x - 5, y - 5, x + 5, y + 5)
    usa = country("United States of America")
    assert usa in world().near(box) and not world().reaches(usa, box)
    assert world().reaches(country("Syria"), box)


def test_a_country_is_framed_by_its_main_parts():
    west, _south, east, _north = world().main_bounds(country("United States of America"))
    assert -125 < west < -124 and -67.5 < east < -66.5  # the contiguous States, not Alaska or Hawaii
    gaza_x, _ = project(34.3, 31.4)
    assert world().main_bounds(country("Palestine"))[0] < gaza_x  # the Gaza Strip with the West Bank


@pytest.mark.parametrize("collecting", [True, False])
def test_reading_the_countries_leaves_the_garbage_collector_as_it_was(collecting):
    (gc.enable if collecting else gc.disable)()
    try:
        with _collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() == collecting
    finally:
        gc.enable()
