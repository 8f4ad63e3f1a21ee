"""The search of a build: Pagefind for a served site, a lunr index built ahead of time for the
offline bundle, where nothing can be fetched in pieces. main.html points Material's search box at
the worker that answers with the one chosen (config.extra['digest_search_worker'])."""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from digest.shell.lunr import write_offline_index
from digest.shell.pagefind import PagefindFailed, SearchPages
from digest.site.render import page_body

log = get_plugin_logger(__name__)


class ServedSearch:
    """Pagefind over the searched pages of each build (shell/pagefind.py), in the site's language."""

    worker = "assets/javascripts/workers/pagefind-search.js"
    takes_pages = True
    """It is handed each searched page, and Material's own index stays empty."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pages: SearchPages | None = None

    def start(self) -> None:
        self.pages = self.pages or SearchPages()
        self.pages.start()

    def index_beside(self, pages: dict[str, str], site_dir: Path) -> None:
        """Index the digest's searched pages (path in the site -> page source) while MkDocs writes the site."""
        assert self.pages is not None
        for path, page in pages.items():
            self.pages.add(path, page_body(page))
        self.pages.index_beside(site_dir, self.language)

    def add(self, path: str, content: str) -> None:
        """A searched page the digest did not generate, its HTML once MkDocs made it."""
        assert self.pages is not None
        self.pages.add(path, content)

    def finish(self, site_dir: Path) -> None:
        assert self.pages is not None
        started = time.perf_counter()
        try:
            count = self.pages.write_index(site_dir, self.language)
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

    def start(self) -> None:
        pass

    def index_beside(self, pages: dict[str, str], site_dir: Path) -> None:
        pass  # the index is built from Material's, once the pages are written

    def add(self, path: str, content: str) -> None:
        raise AssertionError("the offline index is built from Material's")

    def finish(self, site_dir: Path) -> None:
        write_offline_index(site_dir)

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass
