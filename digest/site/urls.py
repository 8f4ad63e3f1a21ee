"""Every output location in one place: page sources ('regions/iraq.md') and links between pages.

MkDocs turns 'regions/iraq.md' into 'regions/iraq/' (directory URLs, the served site) or
'regions/iraq.html' (the file:// bundle); generated listings are HTML, which MkDocs does not
rewrite, so links are computed here for the mode in use.
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from anyascii import anyascii

SECTIONS = {
    "region": "regions",
    "actor": "actors",
    "theme": "themes",
    "article": "articles",
    "week": "digest",
    "data": "data",
    "network": "network",
}
"""Section folders. The network overview has its own: under actors/ it could meet an actor's slug."""
HOME = "index.md"
MAX_SLUG = 72
"""The longest slug slugify makes: a title's slug stops at the last whole word before it."""


def slugify(title: str) -> str:
    """'Kata’ib Hezbollah: the truce' -> 'kataib-hezbollah-the-truce'; any script is transliterated first."""
    ascii_text = anyascii(title).lower().replace("'", "").replace("`", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def page_src(kind: str, slug: str | None = None, page: int = 1, part: str | None = None) -> str:
    """The source path of a generated page: page_src('region', 'iraq') -> 'regions/iraq.md'.

    Later pages of a long listing sit below the first: page_src('region', 'iraq', 2) ->
    'regions/iraq/page/2.md' (served at /regions/iraq/page/2/). A page shows the first page of a
    second listing, its `part`, whose later pages sit below it too: page_src('actor', 'x', 2,
    'statements') -> 'actors/x/statements/page/2.md'.
    """
    if kind == "home":
        return HOME
    section = SECTIONS[kind]
    if slug is None:
        return f"{section}/index.md"
    if page == 1:
        return f"{section}/{slug}.md"
    return f"{section}/{slug}/{part}/page/{page}.md" if part else f"{section}/{slug}/page/{page}.md"


def feed_path(kind: str | None = None, slug: str | None = None, extension: str = "xml", name: str = "feed") -> str:
    """'feed.xml' for the whole digest, 'regions/iraq/feed.xml' for a group, 'digest/feed.xml' for weeks;
    another feed of a group by its name: 'actors/x/statements.xml'."""
    if kind is None:
        return f"{name}.{extension}"
    folder = SECTIONS[kind] if slug is None else f"{SECTIONS[kind]}/{slug}"
    return f"{folder}/{name}.{extension}"


@dataclass(frozen=True)
class Links:
    directory_urls: bool = True

    def dest(self, src: str) -> str:
        """The site path a page source becomes: 'regions/iraq.md' -> 'regions/iraq/' or 'regions/iraq.html'."""
        return _dest(src, self.directory_urls)

    def href(self, from_src: str, to: str) -> str:
        """A relative link from the page built from from_src to a page source or a site file."""
        return relative(self.folder(from_src), self.dest(to))

    def folder(self, src: str) -> str:
        """The folder the links of the page built from src are relative to: 'regions/iraq/' or 'regions'."""
        page = self.dest(src)
        return page if page.endswith("/") or not page else posixpath.dirname(page)


@functools.lru_cache(maxsize=65536)  # every page is linked from many others
def _dest(src: str, directory_urls: bool) -> str:
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def _parts(path: str) -> tuple[str, ...]:
    path = path.strip("/")
    return tuple(path.split("/")) if path else ()


def relative(folder: str, target: str) -> str:
    """The relative link from a folder to a site path: ('regions/iraq/', 'articles/x/') -> '../../articles/x/'.

    Both are normalised site paths, so this is posixpath.relpath without its cost (it runs once
    per link, tens of thousands of times a build).
    """
    here, there = _parts(folder), _parts(target)
    if there and not (here and here[0] == there[0]):
        return up(folder) + target  # nothing in common: to the root, then down (most links)
    common = 0
    for mine, theirs in zip(here, there, strict=False):
        if mine != theirs:
            break
        common += 1
    path = "/".join((("..",) * (len(here) - common)) + there[common:])
    if target.endswith("/") or not target:
        return path + "/" if path else "./"
    return path or "."


@functools.lru_cache(maxsize=1024)
def up(folder: str) -> str:
    """From a folder to the site's root: 'regions/iraq/' -> '../../', '' -> ''."""
    return "../" * len(_parts(folder))


def top(path: str) -> str:
    """The first folder of a site path, '' for the root: 'regions/iraq/' -> 'regions'."""
    parts = _parts(path)
    return parts[0] if parts else ""


def entry_folder(path: str) -> str | None:
    """The second folder of a site path, None without one: 'regions/iraq/page/2/' -> 'iraq'."""
    parts = _parts(path)
    return parts[1] if len(parts) > 1 else None
