"""The search of a build: Pagefind for a served site, a lunr index built ahead of time for the
offline bundle, where nothing can be fetched in pieces. main.html points Material's search box at
the worker that answers with the one chosen (config.extra['digest_search_worker'])."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from digest.pipeline import Site
from digest.shell.lunr import write_offline_index
from digest.shell.pagefind import PagefindFailed, SearchPages
from digest.site.render import page_body

log = get_plugin_logger(__name__)


class ServedSearch:
    """Pagefind over the searched pages of each build (shell/pagefind.py), in the site's language. The
    core hands it the digest's pages as it renders them (pipeline.SearchedPages), and Pagefind indexes
    them part by part while the build goes on."""

    worker = "assets/javascripts/workers/pagefind-search.js"
    takes_pages = True
    """It is handed each searched page, and Material's own index stays empty."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pages: SearchPages | None = None
        self.directory_urls = True

    def start(self, config: MkDocsConfig, site: Site | None = None) -> None:
        """A new build; with site (one the core did not just make), its searched pages all at once."""
        self.pages = self.pages or SearchPages()
        self.pages.start(self.language)
        self.directory_urls = config.use_directory_urls
        if site is not None:
            self.expect(len(site.searched))
            for src in sorted(site.searched):
                self.page(src, site.pages[src])

    def expect(self, count: int) -> None:
        assert self.pages is not None
        self.pages.expect(count)

    def page(self, src: str, page: str) -> None:
        """A searched page of the digest: its source path and its text (site/render.py)."""
        assert self.pages is not None
        self.pages.add(File(src, None, "", self.directory_urls).dest_uri, page_body(page))

    def add(self, path: str, content: str) -> None:
        """A searched page the digest did not generate, its HTML once MkDocs made it."""
        assert self.pages is not None
        self.pages.add(path, content)

    def finish(self, site_dir: Path) -> None:
        assert self.pages is not None
        started = time.perf_counter()
        try:
            count = self.pages.write_index(site_dir)
        except PagefindFailed as failure:
            raise PluginError(f"digest: Pagefind could not index the site: {failure}") from None
        log.info(f"search: {count} pages indexed by Pagefind; the build waited {time.perf_counter() - started:.2f} s "
                 "for it once the pages were written")

    def cancel(self) -> None:
        if self.pages is not None:
            self.pages.cancel()

    def close(self) -> None:
        if self.pages is not None:
            self.pages.close()
            self.pages = None


class OfflineSearch:
    """The bundle's lunr index, built from Material's once the pages are written (shell/lunr.py)."""

    worker = "assets/javascripts/workers/lunr-search.js"
    takes_pages = False

    def start(self, config: MkDocsConfig, site: Site | None = None) -> None:
        pass  # the index is built from Material's, once the pages are written

    def add(self, path: str, content: str) -> None:
        raise AssertionError("the offline index is built from Material's")

    def finish(self, site_dir: Path) -> None:
        write_offline_index(site_dir)

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass
