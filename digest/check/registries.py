"""Registry documents -> Region, Actor and Theme entries and their alias tables, with every problem."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from digest.check.aliases import AliasTable, normalise
from digest.check.fields import Fields, found
from digest.check.places import coordinates, iso_code
from digest.model import ACTOR_KINDS, Actor, Region, Registries, Theme
from digest.problems import Problem
from digest.read.tree import RawContent

FIELDS = {
    "regions": ("name", "parent", "aliases", "description", "iso", "coordinates"),
    "actors": ("name", "kind", "aliases", "member_of", "aligned_with", "based_in", "description"),
    "themes": ("name", "aliases", "description"),
}
EXAMPLE = {
    "regions": "iraq: {name: Iraq}",
    "actors": "kataib-hezbollah: {name: Kata'ib Hezbollah, kind: armed-group}",
    "themes": "ceasefire: {name: Ceasefire}",
}


@dataclass
class CheckedRegistries:
    registries: Registries
    tables: dict[str, AliasTable]
    """Registry name ('regions', 'actors', 'themes') -> its alias table."""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Entry:
    slug: str
    fields: dict
    checker: Fields
    name: str = ""
    aliases: tuple[str, ...] = ()


def check_registries(raw: RawContent) -> CheckedRegistries:
    tables = {name: AliasTable() for name in FIELDS}
    entries: dict[str, list[_Entry]] = {name: [] for name in FIELDS}
    problems: list[Problem] = []
    for name, (path, document) in raw.registries.items():
        checker = Fields(path, document)
        entries[name] = _read_entries(name, checker, tables[name])
        problems += checker.problems
    regions = {e.slug: _region(e, tables) for e in entries["regions"]}
    actors = {e.slug: _actor(e, tables) for e in entries["actors"]}
    themes = {e.slug: _theme(e) for e in entries["themes"]}
    for entry in entries["regions"] + entries["actors"] + entries["themes"]:
        problems += entry.checker.problems
    by_slug = {e.slug: e for e in entries["regions"]}
    problems += _parent_cycles(regions, by_slug) + _shared_codes(regions, by_slug)
    return CheckedRegistries(Registries(regions, actors, themes), tables, problems)


def _read_entries(name: str, checker: Fields, table: AliasTable) -> list[_Entry]:
    document = checker.document.value
    if document is None:
        return []
    if not isinstance(document, dict):
        checker.problem((), f"{name}.yml must map slugs to entries ({EXAMPLE[name]}), got {found(document)}")
        return []
    entries = []
    slugs: dict[str, str] = {}
    """Normalised slug -> slug: two slugs that read the same would make references ambiguous."""
    for slug, value in document.items():
        fields = checker.mapping(value, (slug,), f"'{slug}'")
        if checker.slug(slug, (slug,), "slug") and fields is not None:
            if slugs.setdefault(normalise(slug), slug) != slug:
                checker.problem(
                    (slug,),
                    f"slug '{slug}' reads the same as '{slugs[normalise(slug)]}' (references ignore hyphens): merge "
                    "or rename one",
                )
                continue
            checker.unknown_keys(fields, (slug,), FIELDS[name], f"'{slug}'")
            # a copy: the checks below write into it, and the parsed document may be reused next build
            entries.append(_Entry(slug, dict(fields), Fields(checker.path, checker.document)))
    for entry in entries:  # slugs first, so that no alias can take another entry's slug
        entry.name = entry.checker.text(entry.fields, "name", (entry.slug,), required=True) or entry.slug
        table.add_slug(entry.slug, entry.name)
    for entry in entries:
        owner = table.add_alias(entry.slug, entry.name)
        if owner is not None:
            entry.checker.problem(
                (entry.slug, "name"),
                f"the name '{entry.name}' of '{entry.slug}' is also a name or alias of '{owner}': references by it "
                f"reach '{owner}'",
                warning=True,
            )
        aliases = entry.checker.text_list(entry.fields, "aliases", (entry.slug,))
        entry.aliases = tuple(alias for alias, _ in aliases)
        for alias, where in aliases:
            owner = table.add_alias(entry.slug, alias)
            if owner is not None:
                entry.checker.problem(
                    where, f"alias '{alias}' of '{entry.slug}' is already used by '{owner}' ({table.names[owner]})"
                )
    return entries


def _reference(entry: _Entry, key: str, table: AliasTable, what: str, same_registry: bool = True) -> list[str]:
    """Resolve a slug-or-alias list field of an entry; unknown names are reported with suggestions."""
    value = entry.fields.get(key)
    names = (
        [(value, (entry.slug, key))]
        if isinstance(value, str)
        else entry.checker.text_list(entry.fields, key, (entry.slug,))
    )
    slugs = []
    for name, where in names:
        slug = table.resolve(name)
        if slug is None:
            entry.checker.problem(where, f"unknown {what} '{name}' in '{key}' of '{entry.slug}'{table.suggest(name)}")
        elif same_registry and slug == entry.slug:
            entry.checker.problem(where, f"'{entry.slug}' names itself in '{key}'")
        else:
            slugs.append(slug)
    return list(dict.fromkeys(slugs))


def _region(entry: _Entry, tables: dict[str, AliasTable]) -> Region:
    parent = entry.fields.get("parent")
    if parent is not None and not isinstance(parent, str):
        entry.checker.problem(
            (entry.slug, "parent"), f"'parent' of '{entry.slug}' must be the slug of one region, got {found(parent)}"
        )
        parent = None
    parents = _reference(entry, "parent", tables["regions"], "region") if parent else []
    return Region(
        entry.slug,
        entry.name,
        parents[0] if parents else None,
        entry.aliases,
        entry.checker.text(entry.fields, "description", (entry.slug,)) or "",
        iso_code(entry.checker, entry.fields, entry.slug, (entry.name, *entry.aliases)),
        coordinates(entry.checker, entry.fields, entry.slug),
    )


def _shared_codes(regions: dict[str, Region], entries: dict[str, _Entry]) -> list[Problem]:
    """A country is one region: a second region with its ISO code is a problem at that code."""
    owners: dict[str, str] = {}
    problems = []
    for slug, region in regions.items():
        if region.iso is None:
            continue
        owner = owners.setdefault(region.iso, slug)
        if owner != slug:
            checker = entries[slug].checker
            message = (f"ISO code '{region.iso}' of '{slug}' is also that of '{owner}': a country is one region; "
                       f"give '{slug}' 'coordinates' instead")
            problems.append(Problem(checker.path, checker.document.line(slug, "iso"), message))
    return problems


def _actor(entry: _Entry, tables: dict[str, AliasTable]) -> Actor:
    kind = entry.checker.text(entry.fields, "kind", (entry.slug,), required=True)
    if kind is not None and kind not in ACTOR_KINDS:
        close = difflib.get_close_matches(kind, ACTOR_KINDS, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        entry.checker.problem(
            (entry.slug, "kind"),
            f"unknown kind '{kind}' of '{entry.slug}': expected one of {', '.join(ACTOR_KINDS)}{hint}",
        )
    based_in = entry.fields.get("based_in")
    if based_in is not None and not isinstance(based_in, str):
        entry.checker.problem(
            (entry.slug, "based_in"),
            f"'based_in' of '{entry.slug}' must be the slug of one region, got {found(based_in)}",
        )
        based_in = None
    regions = _reference(entry, "based_in", tables["regions"], "region", same_registry=False) if based_in else []
    return Actor(
        entry.slug,
        entry.name,
        kind or "other",
        entry.aliases,
        tuple(_reference(entry, "member_of", tables["actors"], "actor")),
        tuple(_reference(entry, "aligned_with", tables["actors"], "actor")),
        regions[0] if regions else None,
        entry.checker.text(entry.fields, "description", (entry.slug,)) or "",
    )


def _theme(entry: _Entry) -> Theme:
    description = entry.checker.text(entry.fields, "description", (entry.slug,)) or ""
    return Theme(entry.slug, entry.name, entry.aliases, description)


def _parent_cycles(regions: dict[str, Region], entries: dict[str, _Entry]) -> list[Problem]:
    """One problem per cycle of parents, at the 'parent' line of its first region by slug."""
    problems, settled = [], set()
    for start in sorted(regions):
        chain: list[str] = []
        slug: str | None = start
        while slug is not None and slug not in settled and slug not in chain:
            chain.append(slug)
            slug = regions[slug].parent if slug in regions else None
        settled.update(chain)
        if slug is not None and slug in chain:
            cycle = chain[chain.index(slug) :]
            first = min(cycle)
            loop = cycle[cycle.index(first) :] + cycle[: cycle.index(first)] + [first]
            checker = entries[first].checker
            problems.append(
                Problem(
                    checker.path,
                    checker.document.line(first, "parent"),
                    "regions form a cycle of parents: " + " > ".join(loop),
                )
            )
    return problems
