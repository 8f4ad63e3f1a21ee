"""Curator Markdown -> safe HTML: rendered as CommonMark by pulldown-cmark (pyromark), then sanitised with nh3.

CommonMark with tables, strikethrough, footnotes and definition lists: the Markdown curators know from
GitHub, with the additions of Python-Markdown's "extra" they used before, a few hundred times faster
than Python-Markdown on a digest's notes (pulldown-cmark is the Rust parser of rustdoc and mdBook).
Raw HTML is let through to nh3, which alone decides what survives.

Bodies are pasted from the web; whatever HTML they hold must end up inert (no script, no on*
handler, no javascript: or data: URL) while ordinary formatting survives. Images load only from
the site itself: the built site asks no other host for anything.
"""
from __future__ import annotations

import re

import nh3
import pyromark

from digest.memo import Memo

URL_SCHEMES = {"http", "https", "mailto"}
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
"""An address on another host: a scheme, or '//host' (browsers read '\\\\host' the same way)."""


URL_NOISE = re.compile(r"[\t\n\r]")
"""Browsers drop tabs and line breaks anywhere in an address, and leading control characters and spaces."""


OPTIONS = (
    pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_DEFINITION_LIST
)


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        address = URL_NOISE.sub("", value).lstrip("".join(map(chr, range(0x21))))
        return None if ELSEWHERE.match(address) else address
    return value


class BodyRenderer:
    def __init__(self, memo: Memo | None = None) -> None:
        self._memo = memo if memo is not None else Memo(keep=False)
        # one sanitiser for the build: nh3.clean() would build its rules again for every body
        self._cleaner = nh3.Cleaner(
            attribute_filter=_attribute, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer"
        )

    def __call__(self, text: str) -> str:
        """The safe HTML of a body; a body rendered by the last build is not rendered again."""
        return self._memo.get(text, lambda: self._render(text))

    def _render(self, text: str) -> str:
        html = pyromark.html(text, options=OPTIONS)
        return self._cleaner.clean(html).strip()
