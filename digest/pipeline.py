"""The whole core in a few lines: read -> validate -> index -> render pages and feeds. Writes nothing
but the compiled templates it is asked to keep (Settings.template_cache)."""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from digest.check.articles import validated
from digest.curate.companions import reprint_warnings
from digest.group.index import Index, build_index
from digest.group.trends import build_trends
from digest.memo import BuildCache, Memo
from digest.model import Content
from digest.problems import Problem
from digest.read.tree import read_content
from digest.site.export import FORMATS, data_files
from digest.site.feeds import DEFAULT_FEED_ITEMS, Catalogue, FeedWriter
from digest.site.pages import PageSpec, page_specs
from digest.site.render import Renderer, templates_stamp
from digest.site.urls import Links
from digest.words import SOURCE_LANGUAGE, words_for


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    templates_dir: Path
    root: Path
    """Project root: problem paths are shown relative to it."""
    site_name: str = "digest"
    directory_urls: bool = True
    site_url: str | None = None
    """Where the site is served; feeds need it for absolute links (without it they are relative)."""
    feed_items: int = DEFAULT_FEED_ITEMS
    """The most items a feed carries."""
    language: str = SOURCE_LANGUAGE
    """BCP 47 tag of the site's own words (Material's theme language, or the plugin's `language`)."""
    template_cache: Path | None = None
    """Where compiled templates are kept between builds (site/template_cache.py); None: compiled every build."""


@dataclass(frozen=True)
class Site:
    content: Content
    index: Index
    pages: dict[str, str]
    """Page source path ('regions/iraq.md') -> Markdown for MkDocs, in sorted order."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Other generated files (feeds, data) by site path, in sorted order."""
    warnings: list[Problem] = field(default_factory=list)
    searched: frozenset[str] = frozenset()
    """The sources of the pages readers search: all but the listings."""


class SearchedPages(Protocol):
    """Whoever indexes the searched pages is handed them as they are rendered, so that a search engine
    can work while the rest of the site is made (the served site's Pagefind, shell/search.py)."""

    def expect(self, count: int) -> None:
        """count searched pages are coming, one page() each."""

    def page(self, src: str, page: str) -> None:
        """One of them: its source path and its text (site/render.py's render_page)."""


def check(settings: Settings, today: dt.date | None = None, files: Memo | None = None) -> tuple[Content, list[Problem]]:
    """Read and validate; raises ContentError listing every problem when any is an error."""
    return validated(read_content(settings.content_dir, settings.root, files), today)


def review(settings: Settings, today: dt.date | None = None) -> tuple[Content, list[Problem]]:
    """check(), plus the editorial warnings that `digest check` gives and the site build skips:
    published articles that look like the same report."""
    content, problems = check(settings, today)
    return content, sorted(problems + reprint_warnings(content.published, settings.root))


YOUNG_OBJECTS = 10_000
"""Allocations between two runs of the cycle collector while a site is built (Python's default is 700)."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of objects that live until it ends (the content, the index, the pages), and
    Python's cycle collector, run every 700 allocations, walks them again and again to free next to
    nothing: some 0.3 s of CPU at 3,000 articles, and no more memory freed early when it runs less often."""
    threshold = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


@fewer_collections()
def build_site(settings: Settings, cache: BuildCache | None = None, searching: SearchedPages | None = None) -> Site:
    """The site; with the cache of the last build (mkdocs serve), unchanged files are not parsed
    and unchanged bodies, pages and feeds not rendered again. searching is handed each searched page
    as soon as it is rendered."""
    cache = cache if cache is not None else BuildCache(keep=False)
    content, warnings = check(settings, files=cache.files)
    index = build_index(content)
    trends = build_trends(index)
    links = Links(settings.directory_urls)
    words = words_for(settings.language)
    feeds = Catalogue(index, settings.site_name, words)
    output = cache.output_for((settings, templates_stamp(settings.templates_dir), content.registries))
    renderer = Renderer(
        settings.templates_dir, links, settings.site_name, cache.bodies, output, words, settings.template_cache
    )
    writer = FeedWriter(feeds, settings.site_name, links, settings.site_url, settings.feed_items, output)
    files = {**writer.files(), **data_files(index, trends, links, settings.site_url)}
    specs = list(page_specs(index, trends, words))
    searched = frozenset(spec.src for spec in specs if spec.searched)
    if searching is not None:
        searching.expect(len(searched))
    pages = renderer.render(_released(specs), index, trends, feeds, searching.page if searching is not None else None)
    site = Site(content, index, pages, dict(sorted(files.items())), warnings, searched)
    cache.next_build()
    return site


def _released(specs: list[PageSpec]) -> Iterator[PageSpec]:
    """Each spec in order, let go of once rendered: a page's pictures are not kept while the rest render."""
    specs.reverse()
    while specs:
        yield specs.pop()


def build_data(settings: Settings, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """Only the data files ('data/articles.csv', ...), as the site has them."""
    content, _ = check(settings)
    index = build_index(content)
    return data_files(index, build_trends(index), Links(settings.directory_urls), settings.site_url, formats)
