"""An outlet's feed (RSS, Atom or JSON Feed) -> its items' addresses, titles and dates, oldest first.

RSS and Atom are read by feedparser, which copes with the broken feeds outlets publish: a feed that
is not well-formed XML is still read when feedparser finds items with addresses in it. feedparser 6
does not read JSON Feed, so JSON Feed (1.0 and 1.1, https://www.jsonfeed.org/version/1.1/) is read
here with the json module: `items`, each with `url` (else an `id` that is an address), `title` and
`date_published` (else `date_modified`, RFC 3339).
Only bytes are given to feedparser, which would otherwise fetch an address itself. Knows nothing of
the network or of articles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from digest.curate.extract import media_type, one_line

JSON_FEED_VERSION = "https://jsonfeed.org/version/"
ADDRESS = re.compile(r"^https?://", re.IGNORECASE)
HTML_PAGE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Item:
    position: int
    """1 for the feed's first item, in the feed's own order."""
    url: str | None
    """The item's page; None when the item gives no address."""
    title: str | None
    published: dt.datetime | None
    """In UTC; None when the item gives no date."""

    @property
    def label(self) -> str:
        """How the report names the item: its address, else its place in the feed."""
        return self.url or f"item {self.position}" + (f" ({self.title})" if self.title else "")


class FeedFailed(Exception):
    pass


def read_feed(data: bytes, content_type: str | None = None, address: str | None = None) -> list[Item]:
    """Every item, oldest first; undated items after the dated ones, in the feed's order.

    content_type and address are the server's, when the feed was fetched: relative links are read
    against the address. Raises FeedFailed when the bytes are no feed.
    """
    served = media_type(content_type or "")
    if served in ("application/feed+json", "application/json") or data.lstrip()[:1] == b"{":
        items = _json_feed(data, address)
    else:
        items = _xml_feed(data, content_type, address)
    dated = sorted((item for item in items if item.published), key=lambda item: (item.published, item.position))
    return dated + [item for item in items if not item.published]


def since(items: list[Item], day: dt.date) -> tuple[list[Item], int]:
    """(the items published on day or later, or undated; how many were older)."""
    kept = [item for item in items if item.published is None or item.published.date() >= day]
    return kept, len(items) - len(kept)


def _xml_feed(data: bytes, content_type: str | None, address: str | None) -> list[Item]:
    headers = {"content-type": content_type or "application/xml"}
    if address:
        headers["content-location"] = address
    parsed = feedparser.parse(data, response_headers=headers)
    items = [_xml_item(position, entry) for position, entry in enumerate(parsed.entries, start=1)]
    if not parsed.version and not items:
        hint = ": it is a web page; give the address of the outlet's feed" if HTML_PAGE.match(data[:1000]) else ""
        raise FeedFailed(f"not an RSS, Atom or JSON Feed feed{hint}")
    problem = parsed.get("bozo_exception")
    if parsed.bozo and not any(item.url for item in items) and hasattr(problem, "getMessage"):
        raise FeedFailed(
            f"the feed is malformed XML: {problem.getMessage()}"
        )  # its line numbers are feedparser's, not the file's
    return items


def _xml_item(position: int, entry: feedparser.FeedParserDict) -> Item:
    link = entry.get("link") or entry.get("id")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None
    url = link if isinstance(link, str) and ADDRESS.match(link) else None
    return Item(position, url, one_line(entry.get("title")), published)


def _json_feed(data: bytes, address: str | None) -> list[Item]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FeedFailed("not a JSON Feed: a JSON Feed is UTF-8, and this is not") from None
    except json.JSONDecodeError as error:
        raise FeedFailed(f"not a JSON Feed: line {error.lineno}: {error.msg}") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not (isinstance(version, str) and version.startswith(JSON_FEED_VERSION)):
        raise FeedFailed(f"JSON, but not a JSON Feed: it has no 'version' starting with {JSON_FEED_VERSION}")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedFailed("not a JSON Feed: 'items' is not a list")
    return [_json_item(n, entry, address) for n, entry in enumerate(items, start=1) if isinstance(entry, dict)]


def _json_item(position: int, entry: dict, address: str | None) -> Item:
    link = entry.get("url")
    if not isinstance(link, str) or not link.strip():
        link = entry.get("id") if isinstance(entry.get("id"), str) and ADDRESS.match(entry["id"]) else None
    url = urljoin(address, link.strip()) if link and address else link
    return Item(
        position,
        url if url and ADDRESS.match(url) else None,
        one_line(entry.get("title")),
        _rfc3339(entry.get("date_published") or entry.get("date_modified")),
    )


def _rfc3339(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
