"""Every output location in one place: page sources ('regions/iraq.md') and links between pages.

MkDocs turns 'regions/iraq.md' into 'regions/iraq/' (directory URLs, the served site) or
'regions/iraq.html' (the file:// bundle); generated listings are HTML, which MkDocs does not
rewrite, so links are computed here for the mode in use.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

SECTIONS = {"region": "regions", "actor": "actors", "theme": "themes", "article": "articles", "week": "digest", "data": "data",
            "network": "network"}
"""Section folders. The network overview has its own: under actors/ it could meet an actor's slug."""
HOME = "index.md"


def page_src(kind: str, slug: str | None = None) -> str:
    """The source path of a generated page: page_src('region', 'iraq') -> 'regions/iraq.md'."""
    if kind == "home":
        return HOME
    section = SECTIONS[kind]
    return f"{section}/index.md" if slug is None else f"{section}/{slug}.md"


def feed_path(kind: str | None = None, slug: str | None = None, extension: str = "xml") -> str:
    """'feed.xml' for the whole digest, 'regions/iraq/feed.xml' for a group, 'digest/feed.xml' for weeks."""
    if kind is None:
        return f"feed.{extension}"
    folder = SECTIONS[kind] if slug is None else f"{SECTIONS[kind]}/{slug}"
    return f"{folder}/feed.{extension}"


@dataclass(frozen=True)
class Links:
    directory_urls: bool = True

    def dest(self, src: str) -> str:
        """The site path a page source becomes: 'regions/iraq.md' -> 'regions/iraq/' or 'regions/iraq.html'."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def href(self, from_src: str, to: str) -> str:
        """A relative link from the page built from from_src to a page source or a site file."""
        page = self.dest(from_src)
        base = page if page.endswith("/") or not page else posixpath.dirname(page)
        target = self.dest(to)
        relative = posixpath.relpath("/" + target, "/" + base)
        if target.endswith("/") or not target:
            return "./" if relative == "." else relative + "/"
        return relative
