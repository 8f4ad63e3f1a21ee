"""The page catalogue: what pages there are, each with its source path, template, title and context.

Each page's context holds everything its template places (see render.py); writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from digest.group.index import Index, group_by_region
from digest.group.trends import Trends
from digest.model import ACTOR_KINDS, REGISTRY_KINDS, Actor, Registries
from digest.pictures.charts import region_tree
from digest.pictures.maps import Atlas
from digest.pictures.network import neighbourhood, overview
from digest.site.activity import activity
from digest.site.dates import week_title
from digest.site.export import ARTICLE_COLUMNS, PAGE_KINDS, QUOTE_COLUMNS
from digest.site.months import listing_by_month
from digest.site.sentences import uncovered
from digest.site.statements import quote_ids, statements_shown
from digest.site.trend import trend_shown
from digest.site.urls import page_src
from digest.words import Words

PAGE_SIZE = 50
"""Articles per page of a region's, actor's or theme's listing; older ones go to /SECTION/SLUG/page/N/."""
PAGER_REACH = 2
"""Pages the pager links on either side of the current one; besides, the first and the last."""
STATEMENTS_PAGE_SIZE = 20
"""Statements on an actor's page (quotes are longer than listing entries); older ones go to
/actors/SLUG/statements/page/N/."""

@dataclass(frozen=True)
class PageSpec:
    src: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    listing: bool = False
    """Listing pages stay out of the search index: they only repeat what article pages say."""

    @property
    def searched(self) -> bool:
        """Whether readers search this page: all but the listings."""
        return not self.listing


@dataclass(frozen=True)
class Pager:
    """Where a page sits in a paged listing: page `number` of `count`, `total` articles in all."""

    kind: str
    slug: str
    number: int
    count: int
    total: int
    part: str | None = None
    """None for the entry's articles; 'statements' for an actor's statements (see urls.page_src)."""

    def src(self, number: int) -> str:
        return page_src(self.kind, self.slug, number, self.part)

    @property
    def numbers(self) -> tuple[int | None, ...]:
        """The page numbers the pager shows, None where it leaves some out: 1 … 5 6 7 8 9 … 60 on
        page 7. A listing of hundreds of pages would otherwise put hundreds of links on each."""
        near = range(max(1, self.number - PAGER_REACH), min(self.count, self.number + PAGER_REACH) + 1)
        shown: list[int | None] = []
        previous = 0
        for number in sorted({1, *near, self.count}):
            if number - previous == 2:
                shown.append(number - 1)  # one page left out: its number takes no more room than a gap
            elif number - previous > 2:
                shown.append(None)
            shown.append(number)
            previous = number
        return tuple(shown)


def page_specs(index: Index, trends: Trends, words: Words) -> Iterator[PageSpec]:
    """What pages there are: one per article, registry entry and week, and the section indexes, each
    with the pictures it shows; titles and pictures in the site's language."""
    registries = index.registries
    atlas = Atlas(index)  # the regions' places, matched once for every map of the build
    _ = words.gettext
    chart = activity(index.articles, index, words)
    yield PageSpec(page_src("home"), "home.md.j2", _("Home"), {"activity": chart}, listing=True)
    regions = {"tree": region_tree(index, words), "branches": branches(index, index.roots)}
    regions["map"] = atlas.overview()
    headings = {kind: _(label.many) for kind, label in REGISTRY_KINDS.items()}
    regions["coverage"] = coverage("regions", trends, words)
    yield PageSpec(page_src("region"), "regions.md.j2", headings["regions"], regions, listing=True)
    actors = {"by_kind": actors_by_kind(registries, words), "coverage": coverage("actors", trends, words)}
    yield PageSpec(page_src("actor"), "actors.md.j2", headings["actors"], actors, listing=True)
    network = {"map": overview(index, words)}
    yield PageSpec(page_src("network"), "network.md.j2", _("Actor network"), network, listing=True)
    themes = {"coverage": coverage("themes", trends, words)}
    yield PageSpec(page_src("theme"), "themes.md.j2", headings["themes"], themes, listing=True)
    yield PageSpec(page_src("week"), "weeks.md.j2", _("Weekly digest"), {"activity": chart}, listing=True)
    columns = {"columns": ARTICLE_COLUMNS, "quote_columns": QUOTE_COLUMNS}
    yield PageSpec(page_src("data"), "data.md.j2", _("Data"), columns)
    for article in index.articles:
        yield PageSpec(
            page_src("article", article.slug),
            "article.md.j2",
            article.title,
            {"article": article, "related": index.related[article.slug], "quote_ids": quote_ids(article)},
        )
    for slug, region in registries.regions.items():
        context = {
            "region": region,
            "trend": trend_shown(trends.of("regions", slug), words),
            "branches": branches(index, index.children[slug]),
            "based_here": index.based_here[slug],
            "map": atlas.locator(slug),
        }
        yield from paged("region", slug, region.name, context, index.by_region[slug], index, words)
    for actor in registries.actors.values():
        yield from actor_pages(actor, index, trends, words)
    for slug, theme in registries.themes.items():
        context = {"theme": theme, "trend": trend_shown(trends.of("themes", slug), words)}
        yield from paged("theme", slug, theme.name, context, index.by_theme[slug], index, words)
    sections = tuple((kind, PAGE_KINDS[kind], heading) for kind, heading in headings.items())
    for key, articles in index.by_week.items():
        yield PageSpec(
            page_src("week", key),
            "week.md.j2",
            week_title(key, words),
            {"week": key, "articles": articles, "by_region": group_by_region(articles, registries), "kinds": sections},
            listing=True,
        )


@dataclass(frozen=True)
class Coverage:
    """The words of a section page's coverage table: whose trends it ranks and what it says of the rest."""

    kind: str
    """'regions', 'actors' or 'themes'."""
    page_kind: str
    """Its entries' pages: 'region', 'actor', 'theme'."""
    column: str
    """The head of the entries' column: 'Region'."""
    others: str
    """'12 other regions had no articles in these 8 weeks.'; '' when every entry had some."""


def coverage(kind: str, trends: Trends, words: Words) -> Coverage:
    count = trends.uncovered(kind)
    others = uncovered(kind, count, 2 * trends.size, words) if count else ""
    return Coverage(kind, PAGE_KINDS[kind], words.gettext(REGISTRY_KINDS[kind].one), others)


def actors_by_kind(registries: Registries, words: Words) -> tuple[tuple[str, tuple[Actor, ...]], ...]:
    """The actors page's groups: each kind's heading and its actors by name, kinds with none left out."""
    by_kind: dict[str, list[Actor]] = {kind: [] for kind in ACTOR_KINDS}
    for actor in sorted(registries.actors.values(), key=lambda actor: actor.name.lower()):
        by_kind[actor.kind].append(actor)
    return tuple((words.gettext(ACTOR_KINDS[kind].many), tuple(actors)) for kind, actors in by_kind.items() if actors)


@dataclass(frozen=True)
class Branch:
    """A region in a nested list of regions: its articles (sub-regions' included) and its sub-regions."""

    slug: str
    name: str
    count: int
    children: tuple[Branch, ...]


def branches(index: Index, slugs: tuple[str, ...]) -> tuple[Branch, ...]:
    regions = index.registries.regions
    return tuple(
        Branch(s, regions[s].name, len(index.by_region[s]), branches(index, index.children[s])) for s in slugs
    )


def actor_pages(actor: Actor, index: Index, trends: Trends, words: Words) -> Iterator[PageSpec]:
    """An actor's paged articles, and its statements: the newest STATEMENTS_PAGE_SIZE on its page,
    then a page per older STATEMENTS_PAGE_SIZE."""
    said = statements_shown(actor.slug, index.statements[actor.slug], index.registries)
    chunks = _chunks(said, STATEMENTS_PAGE_SIZE)
    pagers = [Pager("actor", actor.slug, n, len(chunks), len(said), "statements") for n in range(1, len(chunks) + 1)]
    context = {
        "actor": actor,
        "kind": words.gettext(ACTOR_KINDS[actor.kind].one),
        "trend": trend_shown(trends.of("actors", actor.slug), words),
        "members": index.members[actor.slug],
        "aligned_by": index.aligned_by[actor.slug],
        "hood": neighbourhood(index, actor.slug, words),
        "statements": chunks[0],
        "statements_pager": pagers[0],
    }
    yield from paged("actor", actor.slug, actor.name, context, index.by_actor[actor.slug], index, words)
    for pager, chunk in zip(pagers[1:], chunks[1:], strict=True):
        yield PageSpec(
            pager.src(pager.number),
            "statements.md.j2",
            words.gettext("%(name)s: statements, page %(number)s", name=actor.name, number=words.number(pager.number)),
            {"heading": actor.name, "statements": chunk, "pager": pager},
            listing=True,
        )


def _chunks(items: tuple, size: int) -> list[tuple]:
    """items in runs of size; one empty run when there are none."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [()]


def paged(
    kind: str, slug: str, name: str, context: dict[str, Any], articles: tuple, index: Index, words: Words
) -> Iterator[PageSpec]:
    """An entry's page with its newest PAGE_SIZE articles and the activity chart of all its articles,
    then a plain listing page per older PAGE_SIZE: no page grows with the whole digest, and the entry's
    own page keeps its contract URL. Each page lists its articles by month, under the line of all the
    listing's months."""
    chunks = _chunks(articles, PAGE_SIZE)
    line, headings = listing_by_month(chunks, Pager(kind, slug, 1, len(chunks), len(articles)).src, words)
    for number, by_month in enumerate(headings, start=1):
        pager = Pager(kind, slug, number, len(chunks), len(articles))
        listing = {"by_month": by_month, "month_line": line, "pager": pager}
        if number == 1:
            own = {**context, **listing, "activity": activity(articles, index, words)}
            yield PageSpec(page_src(kind, slug), f"{kind}.md.j2", name, own)
        else:
            title = words.gettext("%(name)s, page %(number)s", name=name, number=words.number(number))
            older = {"heading": name, **listing}
            yield PageSpec(page_src(kind, slug, number), "older.md.j2", title, older, listing=True)
