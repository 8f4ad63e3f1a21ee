"""What the served site's search engine (Pagefind) indexes: which pages, and what of each.

Knows nothing of MkDocs or of Pagefind's files: it is given a page's front matter and content HTML
and says whether readers search that page and what Pagefind is given of it.

Listing pages (home, sections, weeks, later pages of a listing) are out, as they are out of the
offline bundle's index: they only repeat what article pages say, so each article is found once, on
its own page. Inside a page, whatever the templates mark `data-search-exclude` (lists of other
articles, pagers, the coverage chart, and the site's own headings and messages such as "Notes",
"Articles" or "No articles name X yet", which are the layout's words, not the digest's) is left out
too; so are the theme's header, navigation and footer around the content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EXCLUDE_SELECTORS = ("[data-search-exclude]",)
"""The parts of a page that no index holds: the attribute Material's search plugin honours too."""


def searched(meta: Mapping[str, Any]) -> bool:
    """Whether a page with this front matter is in the index (`search: {exclude: true}` keeps it out)."""
    search = meta.get("search")
    return not (isinstance(search, Mapping) and search.get("exclude"))


def search_document(content: str) -> str:
    """What Pagefind reads of a searched page: its content alone, without the theme around it (the
    header, navigation and footer, which no search holds and which Pagefind would parse on every
    page); the first heading is the result's title."""
    return f"<!doctype html><html><body><main data-pagefind-body>{content}</main></body></html>"
