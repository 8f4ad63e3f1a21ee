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
from digest.site.urls import page_src

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
        self._pieces: dict[Hashable, tuple[str, str, str]] = {}
        """This build's pieces by what they show: the HTML before and after the link, and the first folder of
        the page the link goes to."""
        self._by_depth: dict[Hashable, str] = {}
        """Pieces with their link in place, by piece and the depth of the page (see _placed)."""

    def listing(self, articles: Iterable[Article], link: PageLinks, summaries: bool = True) -> Markup:
        """The articles' entries, one a line, with links from the page that `link` makes them for."""
        return Markup("\n".join(
            self._placed("article_entry", (article.slug, summaries), (article, summaries),
                         page_src("article", article.slug), link)
            for article in articles
        ))

    def name_links(self, slugs: Iterable[str], registry: Mapping[str, Any], kind: str, link: PageLinks) -> Markup:
        """Links to the entries of one registry ('region', 'actor', 'theme'), by name, comma separated."""
        return Markup(self.separator.join(
            self._placed("name_link", (kind, slug), (registry[slug],), page_src(kind, slug), link) for slug in slugs
        ))

    def _placed(self, macro: str, key: Hashable, args: tuple, target: str, link: PageLinks) -> str:
        key = (macro, key)
        if key not in self._pieces:
            self._pieces[key] = (*self._render(macro, args), link.folder_of(target))
        before, after, folder = self._pieces[key]
        if folder != link.top:
            # the same link from every page as deep as this one (none shares a folder with its target)
            placed = (key, link.up)
            if placed not in self._by_depth:
                self._by_depth[placed] = before + str(escape(link.to(target))) + after
            return self._by_depth[placed]
        return before + str(escape(link.to(target))) + after  # str: Markup would escape the rest

    def _render(self, macro: str, args: tuple) -> tuple[str, str]:
        piece = getattr(self.env.get_template(MACROS).module, macro)(*args, LINK)
        before, marker, after = str(piece).partition(LINK)
        if not marker:
            raise jinja2.TemplateRuntimeError(f"{MACROS}: the {macro} macro must place its href")
        return before, after
