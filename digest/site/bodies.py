"""Curator Markdown -> safe HTML: rendered with Python-Markdown, then sanitised with nh3.

Bodies are pasted from the web; whatever HTML they hold must end up inert (no script, no on*
handler, no javascript: or data: URL) while ordinary formatting survives. Images load only from
the site itself: the built site asks no other host for anything.
"""
from __future__ import annotations

import re

import markdown
import nh3

from digest.memo import Memo

EXTENSIONS = ["extra", "sane_lists"]
URL_SCHEMES = {"http", "https", "mailto"}
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
"""An address on another host: a scheme, or '//host' (browsers read '\\\\host' the same way)."""


URL_NOISE = re.compile(r"[\t\n\r]")
"""Browsers drop tabs and line breaks anywhere in an address, and leading control characters and spaces."""


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        address = URL_NOISE.sub("", value).lstrip("".join(map(chr, range(0x21))))
        return None if ELSEWHERE.match(address) else address
    return value


class BodyRenderer:
    def __init__(self, memo: Memo | None = None) -> None:
        self._markdown = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
        self._memo = memo if memo is not None else Memo(keep=False)

    def __call__(self, text: str) -> str:
        """The safe HTML of a body; a body rendered by the last build is not rendered again."""
        return self._memo.get(text, lambda: self._render(text))

    def _render(self, text: str) -> str:
        html = self._markdown.reset().convert(text)
        return nh3.clean(html, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer", attribute_filter=_attribute)
