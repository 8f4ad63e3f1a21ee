"""Test helper: what a built page refers to (links, stylesheets, scripts, images), to resolve each."""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

SOURCES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
           "embed": "src", "object": "data", "a": "href", "link": "href", "area": "href"}
NOT_FETCHED = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
"""<link rel=...> values a browser does not load with the page."""


@dataclass(frozen=True)
class Ref:
    tag: str
    url: str
    fetched: bool
    """Loaded with the page (a stylesheet, a script, an image), not a link a reader follows."""

    @property
    def local(self) -> bool:
        """Within the site: no scheme, no host, not only a fragment."""
        parts = urlsplit(self.url)
        return not parts.scheme and not parts.netloc and bool(parts.path)

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[Ref] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        url = values.get(SOURCES.get(tag, ""))
        if url is None:
            return
        rel = set((values.get("rel") or "").lower().split())
        fetched = tag not in ("a", "area") and not (tag == "link" and rel <= NOT_FETCHED and rel)
        self.refs.append(Ref(tag, url.strip(), fetched))


def refs(html: str) -> list[Ref]:
    collector = _Collector()
    collector.feed(html)
    return collector.refs
