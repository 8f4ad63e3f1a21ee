"""Article listings: each article's entry rendered once per build and placed in every listing that shows it.

An article is listed on the pages of its regions and their ancestors, of its actors, themes and week,
and among the related articles of its neighbours: listings are most of the site's HTML. The entry is
the templates' `article_entry` macro, rendered once per article around a marker where its link goes,
the one part that differs from page to page (links are relative). Knows nothing of MkDocs.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup, escape

from digest.model import Article

if TYPE_CHECKING:
    from digest.site.render import PageLinks

MACROS = "_macros.j2"
LINK = Markup("<\x00link\x00>")
"""Where the entry's link goes: no escaped text of the content can hold a '<'."""


class Listings:
    """listing(articles, link, summaries) for templates: the entries of a page's list of articles."""

    def __init__(self, env: jinja2.Environment):
        self.env = env
        self._entries: dict[tuple[str, bool], tuple[str, str]] = {}
        """This build's entries by (article slug, with its summary): the HTML before and after the link."""

    def __call__(self, articles: Iterable[Article], link: PageLinks, summaries: bool = True) -> Markup:
        """The entries, one a line, with links from the page that `link` makes them for."""
        return Markup("\n".join(self._entry(article, link, summaries) for article in articles))

    def _entry(self, article: Article, link: PageLinks, summaries: bool) -> str:
        key = (article.slug, summaries)
        if key not in self._entries:
            self._entries[key] = self._render(article, summaries)
        before, after = self._entries[key]
        return before + str(escape(link.article(article.slug))) + after  # str: Markup would escape the rest

    def _render(self, article: Article, summaries: bool) -> tuple[str, str]:
        entry = self.env.get_template(MACROS).module.article_entry(article, LINK, summaries)
        before, marker, after = str(entry).partition(LINK)
        if not marker:
            raise jinja2.TemplateRuntimeError(f"{MACROS}: the article_entry macro must place its href")
        return before, after
