"""Article listings and name links, each piece rendered once per build and placed on every page that shows it.

An article is listed on the pages of its regions and their ancestors, of its actors, themes and week,
and among the related articles of its neighbours; a region, actor or theme is named on the page of
every article about it: these pieces are most of the site's HTML. Each is a macro of the templates
(`article_entry`, `name_link`), rendered once around a marker where its link goes, the one part that
differs from page to page (links are relative). Knows nothing of MkDocs.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from digest.model import Article
from digest.site.urls import SECTIONS, page_src

if TYPE_CHECKING:
    from digest.site.render import PageLinks

MACROS = "_macros.j2"
LINK = Markup("<\x00link\x00>")
"""Where a piece's link goes: no escaped text of the content can hold a '<'."""


class Listings:
    """For templates: listing() places a page's list of articles, name_links() its links to entries."""

    def __init__(self, env: jinja2.Environment, separator: str = ", "):
        self.env = env
        self.separator = separator
        """Between name links: the site language's comma ('، ' in Arabic)."""
        self._pieces: dict[Hashable, tuple[str, str]] = {}
        """This build's pieces by what they show: the HTML before and after the link."""
        self._by_depth: dict[tuple[Hashable, str], str] = {}
        """Pieces with their link in place, by piece and the way up to the root of the page (see _placed)."""

    def listing(self, articles: Iterable[Article], link: PageLinks, summaries: bool = True) -> Markup:
        """The articles' entries, one a line, with links from the page that `link` makes them for."""
        return Markup("\n".join(
            self._placed(("article_entry", a.slug, summaries), (a, summaries), "article", a.slug, link)
            for a in articles
        ))

    def name_links(self, slugs: Iterable[str], registry: Mapping[str, Any], kind: str, link: PageLinks) -> Markup:
        """Links to the entries of one registry ('region', 'actor', 'theme'), by name, comma separated."""
        return Markup(self.separator.join(
            self._placed(("name_link", kind, slug), (registry[slug],), kind, slug, link) for slug in slugs
        ))

    def _placed(self, key: tuple, args: tuple, kind: str, slug: str, link: PageLinks) -> str:
        """The piece `key` (its macro first) with its link to the page of a `kind` from the page of `link`."""
        if SECTIONS[kind] == link.top:
            return self._linked(key, args, page_src(kind, slug), link)
        # the same link from every page as deep as this one (none shares a folder with its target)
        placed = (key, link.up)
        if placed not in self._by_depth:
            self._by_depth[placed] = self._linked(key, args, page_src(kind, slug), link)
        return self._by_depth[placed]

    def _linked(self, key: tuple, args: tuple, target: str, link: PageLinks) -> str:
        if key not in self._pieces:
            self._pieces[key] = self._render(key[0], args)
        before, after = self._pieces[key]
        return before + str(escape(link.to(target))) + after  # str: Markup would escape the rest

    def _render(self, macro: str, args: tuple) -> tuple[str, str]:
        piece = getattr(self.env.get_template(MACROS).module, macro)(*args, LINK)
        before, marker, after = str(piece).partition(LINK)
        if not marker:
            raise jinja2.TemplateRuntimeError(f"{MACROS}: the {macro} macro must place its href")
        return before, after
