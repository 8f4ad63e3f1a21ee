"""Registry validation: shapes, slugs, aliases, the region tree and actor links, each at its line."""
from __future__ import annotations

from pathlib import Path

import pytest
from trees import ACTORS, REGIONS, THEMES, content_tree

from digest.check.registries import check_registries
from digest.read.tree import read_content


def checked(tmp_path: Path, regions: str = REGIONS, actors: str | None = None, themes: str = THEMES):
    """The registries as given; the test actors only when the test regions are there for them."""
    actors = actors if actors is not None else ACTORS if regions == REGIONS else ""
    root = content_tree(tmp_path, {}, regions=regions, actors=actors, themes=themes)
    raw = read_content(root / "content", root)
    return raw, check_registries(raw)


def problems(tmp_path: Path, **registries: str) -> list[str]:
    raw, result = checked(tmp_path, **registries)
    return sorted(str(p) for p in raw.problems + result.problems)


def test_the_small_registries_are_valid_and_linked(tmp_path):
    _, result = checked(tmp_path)
    assert result.problems == []
    registries = result.registries
    assert registries.regions["golan-heights"].parent == "syria"
    assert registries.regions["iraq"].aliases == ("Irak", "العراق")
    nujaba = registries.actors["harakat-al-nujaba"]
    assert (nujaba.kind, nujaba.member_of, nujaba.based_in) == ("armed-group", ("islamic-resistance-in-iraq",), "iraq")
    assert result.tables["actors"].resolve("النجباء") == "harakat-al-nujaba"


def test_links_resolve_by_alias_and_a_single_name_is_a_list_of_one(tmp_path):
    actors = (
        ACTORS
        + "pmf: {name: Popular Mobilization Forces, kind: armed-group, member_of: Kataib Hezbollah, based_in: Irak}\n"
    )
    _, result = checked(tmp_path, actors=actors)
    assert result.problems == []
    assert (result.registries.actors["pmf"].member_of, result.registries.actors["pmf"].based_in) == (
        ("kataib-hezbollah",),
        "iraq",
    )


@pytest.mark.parametrize("registry, text, found", [
    ("regions", "- iraq\n- syria\n", "a list"),
    ("actors", "just a sentence\n", "text 'just a sentence'"),
    ("themes", "42\n", "a number '42'"),
])
def test_a_registry_that_is_not_a_mapping(tmp_path, registry, text, found):
    example = {
        "regions": "iraq: {name: Iraq}",
        "actors": "kataib-hezbollah: {name: Kata'ib Hezbollah, kind: armed-group}",
        "themes": "ceasefire: {name: Ceasefire}",
    }[registry]
    assert problems(tmp_path, **{registry: text}) == [
        f"content/{registry}.yml:1: {registry}.yml must map slugs to entries ({example}), got {found}"]


def test_an_empty_registry_is_valid(tmp_path):
    assert problems(tmp_path, themes="# no themes yet\n") == []


def test_entries_that_are_not_mappings_or_lack_a_name(tmp_path):
    themes = "ceasefire: {name: Ceasefire}\ntruce: Truce\nempty:\nnameless: {aliases: [hudna]}\nblank: {name: ''}\n"
    assert problems(tmp_path, themes=themes) == [
        "content/themes.yml:2: 'truce' must be a mapping of fields (name: value), got text 'Truce'",
        "content/themes.yml:3: 'empty' must be a mapping of fields (name: value), got nothing",
        "content/themes.yml:4: 'name' is required in 'nameless'",
        "content/themes.yml:5: 'name' is empty in 'blank'",
    ]


def test_unknown_fields_are_warnings(tmp_path):
    assert problems(tmp_path, themes="ceasefire: {name: Ceasefire, alias: [truce]}\n") == [
        "content/themes.yml:1: warning: unknown field 'alias' in 'ceasefire'; did you mean 'aliases'?"]


# Slugs ------------------------------------------------------------------------------------------

def test_a_slug_given_twice_keeps_the_first(tmp_path):
    raw, result = checked(
        tmp_path, themes="ceasefire: {name: Ceasefire}\ntruce: {name: Truce}\nceasefire: {name: Again}\n"
    )
    assert [str(p) for p in raw.problems] == ["content/themes.yml:3: 'ceasefire' is given twice (first at line 1)"]
    assert result.registries.themes["ceasefire"].name == "Ceasefire"


@pytest.mark.parametrize("slug", ["Iraq", "al_nujaba", "a b", "../x", "a/b", "x.y", "عراق", "'iraq\\n'"])
def test_slugs_that_are_not_slugs(tmp_path, slug):
    shown = "iraq\\n" if slug == "'iraq\\n'" else slug  # one line, always
    assert problems(tmp_path, themes=f"{slug}: {{name: X}}\n") == [
        f"content/themes.yml:1: slug '{shown}' may contain only lowercase letters, digits and hyphens, like "
        "'golan-heights'"
    ]


def test_the_slug_index_is_reserved_in_registries(tmp_path):
    assert problems(tmp_path, regions=REGIONS + "index: {name: Index}\n") == [
        "content/regions.yml:6: slug 'index' is reserved for the section's own page"]


def test_two_slugs_that_read_the_same_would_make_references_ambiguous(tmp_path):
    assert problems(tmp_path, themes="armed-factions: {name: Armed factions}\narmedfactions: {name: Other}\n") == [
        "content/themes.yml:2: slug 'armedfactions' reads the same as 'armed-factions' (references ignore hyphens): "
        "merge or rename one"
    ]


def test_a_region_and_an_actor_may_share_a_slug(tmp_path):
    assert (
        problems(
            tmp_path, regions=REGIONS + "iran: {name: Iran}\n", actors=ACTORS + "iran: {name: Iran, kind: state}\n"
        )
        == []
    )


# Aliases ----------------------------------------------------------------------------------------

def test_an_alias_claimed_by_two_entries(tmp_path):
    themes = "ceasefire: {name: Ceasefire, aliases: [truce]}\nhudna: {name: Hudna, aliases: [Truce, armistice]}\n"
    assert problems(tmp_path, themes=themes) == [
        "content/themes.yml:2: alias 'Truce' of 'hudna' is already used by 'ceasefire' (Ceasefire)"]


def test_an_alias_may_not_take_another_entrys_slug_or_name(tmp_path):
    themes = (
        "ceasefire: {name: Ceasefire}\ntruce: {name: Truce, aliases: [Cease-fire]}\n"
        "hudna:\n  name: Hudna\n  aliases:\n    - truce\n"
    )
    assert problems(tmp_path, themes=themes) == [
        "content/themes.yml:2: alias 'Cease-fire' of 'truce' is already used by 'ceasefire' (Ceasefire)",
        "content/themes.yml:6: alias 'truce' of 'hudna' is already used by 'truce' (Truce)",
    ]


@pytest.mark.parametrize("aliases, message", [
    ("truce", "'aliases' must be a list (like [a, b] or '- a' lines), got text 'truce'"),
    ("{a: b}", "'aliases' must be a list (like [a, b] or '- a' lines), got a mapping"),
    ("[[truce]]", "each entry of 'aliases' must be a name, got a list"),
])
def test_aliases_of_the_wrong_type(tmp_path, aliases, message):
    assert problems(tmp_path, themes=f"ceasefire: {{name: Ceasefire, aliases: {aliases}}}\n") == [
        f"content/themes.yml:1: {message}"
    ]


# The region tree --------------------------------------------------------------------------------

def test_an_unknown_parent_with_a_suggestion(tmp_path):
    assert problems(
        tmp_path, regions=REGIONS + "basra: {name: Basra, parent: Iraqq}\nmosul: {name: Mosul, parent: nineveh}\n"
    ) == [
        "content/regions.yml:6: unknown region 'Iraqq' in 'parent' of 'basra'; did you mean 'iraq' (Iraq)?",
        "content/regions.yml:7: unknown region 'nineveh' in 'parent' of 'mosul'",
    ]


def test_a_parent_of_the_wrong_type(tmp_path):
    assert problems(tmp_path, regions=REGIONS + "basra: {name: Basra, parent: [iraq]}\n") == [
        "content/regions.yml:6: 'parent' of 'basra' must be the slug of one region, got a list"]


@pytest.mark.parametrize(
    "regions, line, cycle",
    [
        ("a: {name: A, parent: a}\n", 1, None),
        ("a: {name: A, parent: b}\nb: {name: B, parent: a}\n", 1, "a > b > a"),
        (
            "root: {name: Root}\nc: {name: C, parent: a}\nb: {name: B, parent: c}\na: {name: A, parent: b}\n",
            4,
            "a > b > c > a",
        ),
        ("x: {name: X, parent: y}\ny:\n  name: Y\n  parent: z\nz: {name: Z, parent: Y}\n", 4, "y > z > y"),
    ],
)
def test_parent_cycles(tmp_path, regions, line, cycle):
    expected = "'a' names itself in 'parent'" if cycle is None else f"regions form a cycle of parents: {cycle}"
    assert problems(tmp_path, regions=regions) == [f"content/regions.yml:{line}: {expected}"]


# Actors -----------------------------------------------------------------------------------------

def test_unknown_links_of_an_actor(tmp_path):
    actors = ACTORS + (
        "pmf:\n  name: PMF\n  kind: armed-group\n  member_of: [islamic-resistance-in-iraqq]\n"
        "  aligned_with:\n    - kataib-hezbollah\n    - irgc\n  based_in: Bagdad\n"
    )
    assert problems(tmp_path, actors=actors) == [
        "content/actors.yml:18: unknown actor 'islamic-resistance-in-iraqq' in 'member_of' of 'pmf'; "
        "did you mean 'islamic-resistance-in-iraq' (Islamic Resistance in Iraq)?",
        "content/actors.yml:21: unknown actor 'irgc' in 'aligned_with' of 'pmf'",
        "content/actors.yml:22: unknown region 'Bagdad' in 'based_in' of 'pmf'",
    ]


def test_an_actor_that_names_itself(tmp_path):
    assert problems(tmp_path, actors=ACTORS + "x: {name: X, kind: other, member_of: [x], aligned_with: X}\n") == [
        "content/actors.yml:15: 'x' names itself in 'aligned_with'",
        "content/actors.yml:15: 'x' names itself in 'member_of'",
    ]


@pytest.mark.parametrize(
    "entry, message",
    [
        (
            "x: {name: X, kind: militia}",
            "unknown kind 'militia' of 'x': expected one of state, armed-group, political-party, "
            "government, person, organisation, media, other",
        ),
        (
            "x: {name: X, kind: armed group}",
            "unknown kind 'armed group' of 'x': expected one of state, armed-group, political-party, "
            "government, person, organisation, media, other; did you mean 'armed-group'?",
        ),
        ("x: {name: X, kind: [state]}", "'kind' must be text, got a list"),
        (
            "x: {name: X, kind: person, based_in: [iraq]}",
            "'based_in' of 'x' must be the slug of one region, got a list",
        ),
        (
            "x: {name: X, kind: person, member_of: {a: b}}",
            "'member_of' must be a list (like [a, b] or '- a' lines), got a mapping",
        ),
    ],
)
def test_a_bad_kind_or_link_type(tmp_path, entry, message):
    assert problems(tmp_path, actors=ACTORS + entry + "\n") == [f"content/actors.yml:15: {message}"]


def test_a_missing_kind(tmp_path):
    assert problems(tmp_path, actors=ACTORS + "x: {name: X}\n") == ["content/actors.yml:15: 'kind' is required in 'x'"]


def test_every_registry_problem_at_once(tmp_path):
    found = problems(
        tmp_path,
        regions="iraq: {name: Iraq, parent: nowhere}\n",
        actors="x: {name: X, kind: militia}\n",
        themes="- not a mapping\n",
    )
    assert [line.split(": ", 1)[0] for line in found] == [
        "content/actors.yml:1",
        "content/regions.yml:1",
        "content/themes.yml:1",
    ]


def test_two_entries_with_one_name_are_reported_with_who_the_name_reaches(tmp_path):
    from trees import content_tree, settings_for

    from digest.pipeline import check

    actors = "hezbollah: {name: Hezbollah, kind: armed-group}\nother: {name: Hezbollah, kind: armed-group}\n"
    _, problems = check(settings_for(content_tree(tmp_path, {}, actors=actors)))
    assert [str(p) for p in problems] == [
        "content/actors.yml:2: warning: the name 'Hezbollah' of 'other' is also a name or alias of 'hezbollah': "
        "references by it reach 'hezbollah'"
    ]


def test_map_keys_are_read_and_an_iso_code_is_kept_as_alpha_3(tmp_path):
    regions = REGIONS + (
        "palestine: {name: Palestinian territories, iso: ps}\n"
        "baghdad: {name: Baghdad, parent: iraq, coordinates: [33.31, 44.37]}\n"
    )
    _, result = checked(tmp_path, regions=regions, actors="")
    assert result.problems == []
    found = result.registries.regions
    assert found["palestine"].iso == "PSE"
    assert found["baghdad"].coordinates == (33.31, 44.37)
    assert found["iraq"].iso is None and found["iraq"].coordinates is None


UNKNOWN = "unknown ISO 3166-1 code"
COORDINATES = "'coordinates' of 'basra' must be [latitude, longitude] in decimal degrees, like [33.31, 44.37], got"


@pytest.mark.parametrize("entry, message", [
    ("iraq2: {name: Republic of Iraq, iso: IRK}", f"{UNKNOWN} 'IRK' in 'iso' of 'iraq2'; did you mean 'IRQ' (Iraq)?"),
    ("place: {name: A place, iso: IRX}",
     f"{UNKNOWN} 'IRX' in 'iso' of 'place'; did you mean 'IRL' (Ireland) or 'IRN' (Iran, Islamic Republic of) "
     "or 'IRQ' (Iraq)?"),
    ("uk: {name: United Kingdom, iso: UK}", f"{UNKNOWN} 'UK' in 'iso' of 'uk'; did you mean 'GB' (United Kingdom)?"),
    ("qatar: {name: State of Qatar, iso: Qatar}", f"{UNKNOWN} 'Qatar' in 'iso' of 'qatar'; did you mean 'QA' (Qatar)?"),
    ("iraq2: {name: Iraq two, iso: 368}",
     "'iso' of 'iraq2' must be an ISO 3166-1 code such as IQ or IRQ, got a number '368'"),
    ("basra: {name: Basra, coordinates: 30.5 47.8}", f"{COORDINATES} text '30.5 47.8'"),
    ("basra: {name: Basra, coordinates: [30.5]}", f"{COORDINATES} a list of 1 value"),
    ("basra: {name: Basra, coordinates: [30.5N, 47.8E]}", f"{COORDINATES} a list whose values are not both numbers"),
    ("basra: {name: Basra, coordinates: [147.8, 130.5]}",
     "latitude 147.8 in 'coordinates' of 'basra' is out of range (-90 to 90)"),
    ("basra: {name: Basra, coordinates: [30.5, 200]}",
     "longitude 200 in 'coordinates' of 'basra' is out of range (-180 to 180)"),
    ("basra: {name: Basra, coordinates: [47.8, 30.5], iso: IQ}",
     "ISO code 'IRQ' of 'basra' is also that of 'iraq2': a country is one region; give 'basra' 'coordinates' instead"),
])
def test_map_keys_are_checked_at_their_line(tmp_path, entry, message):
    iraq = "iraq2: {name: Iraq two, iso: IRQ}\n" if "also that of" in message else ""
    line = 6 + bool(iraq)
    expected = [f"content/regions.yml:{line}: {message}"]
    assert problems(tmp_path, regions=REGIONS + iraq + entry + "\n", actors="") == expected


def test_swapped_coordinates_are_suggested_the_right_way_round(tmp_path):
    regions = REGIONS + "basra:\n  name: Basra\n  coordinates:\n    - 95.5\n    - 47.8\n"
    assert problems(tmp_path, regions=regions, actors="") == [
        "content/regions.yml:9: latitude 95.5 in 'coordinates' of 'basra' is out of range (-90 to 90); "
        "did you mean [47.8, 95.5] (latitude first)?"]
