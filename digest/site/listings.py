"""Listings, name links and activity bars: each piece rendered once per build, placed on every page showing it.

An article is listed on the pages of its regions and their ancestors, of its actors, themes and week,
and among the related articles of its neighbours; a region, actor or theme is named on the page of
every article about it, and a week on the page of each of its articles; a week with its count is a
bar and a table row of many activity charts; a month of a listing is in the line of months of each of
its pages: these pieces are most of the site's HTML. Each is a macro of the templates
(`article_entry`, `name_link`, `week_link`, `week_bar`, `week_row`, `month_link`), rendered once
around a marker where its link goes, the one part that differs from page to page (links are
relative). Knows nothing of MkDocs.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from digest.model import Article
from digest.site.urls import SECTIONS, page_src

if TYPE_CHECKING:
    from digest.site.activity import Activity
    from digest.site.months import MonthShown
    from digest.site.render import PageLinks

MACROS = "_macros.j2"
LINK = Markup("<\x00link\x00>")
"""Where a piece's link goes: no escaped text of the content can hold a '<'."""


class Listings:
    """For templates: listing() places a page's list of articles, name_links() its links to entries,
    week_link() its link to a week, week_bars() and week_rows() the bars and the table of its
    activity chart, month_links() its line of months."""

    def __init__(self, env: jinja2.Environment, separator: str = ", "):
        self.env = env
        self.separator = separator
        """Between name links: the site language's comma ('، ' in Arabic)."""
        self._pieces: dict[Hashable, tuple[str, str]] = {}
        """This build's pieces by what they show: the HTML before and after the link."""
        self._links: dict[tuple[str, str, str, bool], str] = {}
        """Links as the pieces place them, by target (kind, slug) and the way there (see _placed): the
        pieces themselves are kept once, not once per depth, which would hold the site's listings twice."""

    def listing(self, articles: Iterable[Article], link: PageLinks, summaries: bool = True) -> Markup:
        """The articles' entries, one a line, with links from the page that `link` makes them for."""
        return self._joined(
            ((("article_entry", a.slug, summaries), (a, summaries), "article", a.slug) for a in articles), link
        )

    def name_links(self, slugs: Iterable[str], registry: Mapping[str, Any], kind: str, link: PageLinks) -> Markup:
        """Links to the entries of one registry ('region', 'actor', 'theme'), by name, comma separated."""
        return self._joined(
            ((("name_link", kind, slug), (registry[slug],), kind, slug) for slug in slugs), link, self.separator
        )

    def week_link(self, week: str, link: PageLinks) -> Markup:
        """A link to a week's digest by its name and dates: every article of the week names it."""
        return Markup(self._placed(("week_link", week), (week,), "week", week, link))

    def week_bars(self, activity: Activity, link: PageLinks) -> Markup:
        """An activity chart's bars, one a line, each a link to its week. Every chart spans the digest's
        weeks, so a week with the same count on the same scale is the same bar on many charts."""
        plot = activity.chart.plot
        return self._joined(((("week_bar", bar, plot), (bar, plot), "week", bar.week) for bar in activity.bars), link)

    def week_rows(self, activity: Activity, link: PageLinks) -> Markup:
        """The rows of an activity chart's table, newest week first, one a line."""
        return self._joined(
            ((("week_row", bar.week, bar.count), (bar,), "week", bar.week) for bar in activity.newest_first), link
        )

    def month_links(self, months: Iterable[MonthShown], link: PageLinks) -> Markup:
        """A year's links in the line of months above a listing, each to where its month begins: the
        line is the same on every page of the listing but for the links, which point into the listing."""
        return Markup(" ".join(
            self._linked(("month_link", month.target, month.title), (month,), month.target, link) for month in months
        ))

    def _joined(
        self, pieces: Iterable[tuple[tuple, tuple, str, str]], link: PageLinks, separator: str = "\n"
    ) -> Markup:
        """Each (key, args, kind, slug) of pieces placed (see _placed), joined by separator."""
        return Markup(separator.join(self._placed(key, args, kind, slug, link) for key, args, kind, slug in pieces))

    def _placed(self, key: tuple, args: tuple, kind: str, slug: str, link: PageLinks) -> str:
        """The piece `key` (its macro first) with its link to the page of a `kind` from the page of `link`."""
        within = SECTIONS[kind] == link.top
        if within and link.entry_folder == slug:
            return self._linked(key, args, page_src(kind, slug), link)
        # the same link from every page as deep as this one, in its section or not: up to the section
        # or to the root, then down (only its own entry's pages share more folders with a target)
        way = (kind, slug, link.up, within)
        href = self._links.get(way)
        if href is None:
            href = self._links[way] = str(escape(link.to(page_src(kind, slug))))
        before, after = self._piece(key, args)
        return before + href + after

    def _linked(self, key: tuple, args: tuple, target: str, link: PageLinks) -> str:
        before, after = self._piece(key, args)
        return before + str(escape(link.to(target))) + after  # str: Markup would escape the rest

    def _piece(self, key: tuple, args: tuple) -> tuple[str, str]:
        piece = self._pieces.get(key)
        if piece is None:
            piece = self._pieces[key] = self._render(key[0], args)
        return piece

    def _render(self, macro: str, args: tuple) -> tuple[str, str]:
        piece = getattr(self.env.get_template(MACROS).module, macro)(*args, LINK)
        before, marker, after = str(piece).partition(LINK)
        if not marker:
            raise jinja2.TemplateRuntimeError(f"{MACROS}: the {macro} macro must place its href")
        return before, after
