"""The served site's search index, written by Pagefind into site/pagefind/ once MkDocs has written the pages.

Pagefind splits the index into chunks of words and one fragment per page, so a query downloads
only the chunks of its words and the fragments of the results shown, whatever the size of the
digest. Its Python package runs Pagefind's own binary, which reads the built pages (the ones
digest/site/search.py marked) from site/ in one request: handing it each page from memory instead
costs a tenth of a second a page in that package (it polls its binary's answers every 0.1 s), four
minutes at 3,000 articles. Reading site/ also indexes, while serving, the pages MkDocs copied
unchanged from the last build.
"""

from __future__ import annotations

import asyncio
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import PagefindIndex

from digest.site.search import EXCLUDE_SELECTORS

FOLDER = "pagefind"
"""Where the index goes in the site, beside the pages that fetch it."""
UNUSED_PREFIXES = (
    "pagefind-ui",
    "pagefind-modular-ui",
    "pagefind-component-ui",
    "pagefind-highlight",
    "pagefind-worker",
)
"""Pagefind's ready-made interfaces, which Material's search box makes unneeded, and the worker it
starts from a page (ours runs it inside Material's search worker instead). The search loads
pagefind.js, pagefind-entry.json and the index: wasm.*, *.pf_meta, index/, fragment/."""


def write_index(site_dir: Path, language: str) -> int:
    """Index the marked pages under site_dir into site_dir/pagefind/ (replacing what was there),
    every page in language (the site's); returns the number of pages indexed."""
    folder = site_dir / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    # in a thread of its own: the caller may be running an event loop already (Playwright's, in tests)
    with ThreadPoolExecutor(max_workers=1) as thread:
        pages = thread.submit(asyncio.run, _index(site_dir, folder, language)).result()
    for path in folder.iterdir():
        if path.name.startswith(UNUSED_PREFIXES):
            path.unlink()
    return pages


async def _index(site_dir: Path, folder: Path, language: str) -> int:
    # One language for the whole index: Pagefind keeps an index per language and searches the one of
    # the page the query is typed on, and a reader on an English page must find Arabic articles too.
    config = {"force_language": language, "exclude_selectors": list(EXCLUDE_SELECTORS), "output_path": str(folder)}
    async with PagefindIndex(config=config) as index:  # leaving it writes the files
        indexed = await index.add_directory(str(site_dir))
    return indexed["page_count"]
