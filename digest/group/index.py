"""Published articles grouped by region (with sub-regions), actor, theme and ISO week; relations.

Knows nothing of pages or URLs. Every grouping is one pass over the articles into dicts keyed by slug.
"""
from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from digest.group.statements import Statement, statements_by_actor
from digest.model import Article, Content, Registries

RELATED_LIMIT = 5
RELATED_WINDOW = 20
"""Candidates per shared actor, theme or region: that group's articles nearest in time (see _related)."""
RELATED_WEIGHTS = {"actors": 3, "themes": 2, "regions": 1}
"""A shared actor says more about two reports than a shared region."""


@functools.lru_cache(maxsize=8192)  # a day recurs in every count of the listings its articles are in
def week_of(day: dt.date) -> str:
    """ISO week key: 2024-12-31 -> '2025-W01'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(key: str) -> dt.date:
    year, week = key.split("-W")
    return dt.date.fromisocalendar(int(year), int(week), 1)


@dataclass(frozen=True)
class Index:
    registries: Registries
    articles: tuple[Article, ...]
    """Published articles, newest first."""
    by_region: dict[str, tuple[Article, ...]]
    """Every region slug -> its articles and its sub-regions', newest first (empty when none)."""
    by_actor: dict[str, tuple[Article, ...]]
    by_theme: dict[str, tuple[Article, ...]]
    by_week: dict[str, tuple[Article, ...]]
    """'2025-W03' -> that week's articles; only weeks with articles, newest week first."""
    children: dict[str, tuple[str, ...]]
    """Region slug -> its direct sub-regions, by name."""
    roots: tuple[str, ...]
    members: dict[str, tuple[str, ...]]
    """Actor slug -> actors that are member_of it."""
    aligned_by: dict[str, tuple[str, ...]]
    """Actor slug -> actors that list it in aligned_with."""
    based_here: dict[str, tuple[str, ...]]
    """Region slug -> actors based_in it."""
    related: dict[str, tuple[Article, ...]]
    """Article slug -> the most related other articles."""
    statements: dict[str, tuple[Statement, ...]]
    """Actor slug -> what it and its members (one level) said: quotes whose speaker resolves to them,
    newest first (empty when none)."""


def build_index(content: Content) -> Index:
    registries = content.registries
    articles = content.published
    regions: dict[str, list[Article]] = {slug: [] for slug in registries.regions}
    actors: dict[str, list[Article]] = {slug: [] for slug in registries.actors}
    themes: dict[str, list[Article]] = {slug: [] for slug in registries.themes}
    weeks: dict[str, list[Article]] = defaultdict(list)
    for article in articles:  # already newest first, so every group is too
        for slug in dict.fromkeys(r for region in article.regions for r in lineage(registries, region)):
            regions[slug].append(article)
        for slug in article.actors:
            actors[slug].append(article)
        for slug in article.themes:
            themes[slug].append(article)
        weeks[week_of(article.date)].append(article)
    by_actor, by_theme = _frozen(actors), _frozen(themes)
    return Index(
        registries=registries,
        articles=articles,
        by_region=_frozen(regions),
        by_actor=by_actor,
        by_theme=by_theme,
        by_week={key: tuple(weeks[key]) for key in sorted(weeks, reverse=True)},
        children=_children(registries),
        roots=tuple(
            sorted(
                (s for s, r in registries.regions.items() if r.parent is None), key=lambda s: registries.regions[s].name
            )
        ),
        members=_reverse(registries, "member_of"),
        aligned_by=_reverse(registries, "aligned_with"),
        based_here=_based_here(registries),
        related=_related(articles, {"actors": by_actor, "themes": by_theme, "regions": _direct_regions(articles)}),
        statements=statements_by_actor(articles, registries),
    )


def lineage(registries: Registries, region: str) -> Iterator[str]:
    """The region, then its parent, up to the root."""
    current: str | None = region
    while current is not None:
        yield current
        current = registries.regions[current].parent


def _frozen(groups: dict[str, list[Article]]) -> dict[str, tuple[Article, ...]]:
    return {slug: tuple(items) for slug, items in sorted(groups.items())}


def _children(registries: Registries) -> dict[str, tuple[str, ...]]:
    children: dict[str, list[str]] = {slug: [] for slug in registries.regions}
    for slug, region in registries.regions.items():
        if region.parent is not None:
            children[region.parent].append(slug)
    return {slug: tuple(sorted(kids, key=lambda s: registries.regions[s].name)) for slug, kids in children.items()}


def _reverse(registries: Registries, relation: str) -> dict[str, tuple[str, ...]]:
    reverse: dict[str, list[str]] = {slug: [] for slug in registries.actors}
    for slug in sorted(registries.actors):
        for target in getattr(registries.actors[slug], relation):
            reverse[target].append(slug)
    return {slug: tuple(items) for slug, items in reverse.items()}


def _based_here(registries: Registries) -> dict[str, tuple[str, ...]]:
    based: dict[str, list[str]] = {slug: [] for slug in registries.regions}
    for slug in sorted(registries.actors):
        region = registries.actors[slug].based_in
        if region is not None:
            based[region].append(slug)
    return {slug: tuple(items) for slug, items in based.items()}


def _related(
    articles: tuple[Article, ...], groups: dict[str, dict[str, tuple[Article, ...] | list[Article]]]
) -> dict[str, tuple[Article, ...]]:
    """Rank other articles by weighted shared actors, themes and (direct) regions; ties go to the
    nearest in time, then the newest.

    Only the RELATED_WINDOW articles of a group nearest in time to an article are its candidates
    through that group: an actor named in a third of all articles would otherwise pair every one
    of them with every other (quadratic). Rare shared names, the telling ones, are always seen.
    """
    scores: dict[str, Counter[str]] = {a.slug: Counter() for a in articles}
    half = RELATED_WINDOW // 2
    for field, weight in RELATED_WEIGHTS.items():
        for items in groups[field].values():  # newest first, so neighbours are nearest in time
            slugs = [a.slug for a in items]
            for i, slug in enumerate(slugs):
                scores[slug].update(slugs[max(0, i - half) : i + half + 1] * weight)  # each counts weight times
    by_slug = {a.slug: a for a in articles}
    seconds = {a.slug: a.published.timestamp() for a in articles}
    related = {}
    for slug, counter in scores.items():
        counter.pop(slug)
        when = seconds[slug]
        least = min(heapq.nlargest(RELATED_LIMIT, counter.values()), default=0)
        candidates = [o for o, score in counter.items() if score >= least]  # the few the ranking can pick
        ranked = heapq.nsmallest(
            RELATED_LIMIT, candidates, key=lambda o: (-counter[o], abs(seconds[o] - when), -seconds[o], o)
        )
        related[slug] = tuple(by_slug[o] for o in ranked)
    return related


def _direct_regions(articles: tuple[Article, ...]) -> dict[str, list[Article]]:
    direct: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for slug in article.regions:
            direct[slug].append(article)
    return direct


def group_by_region(articles: tuple[Article, ...], registries: Registries) -> dict[str, tuple[Article, ...]]:
    """Articles under each region they name directly, regions by name; an article may appear twice."""
    groups = _direct_regions(articles)
    return {slug: tuple(groups[slug]) for slug in sorted(groups, key=lambda s: (registries.regions[s].name, s))}
