"""Curator Markdown -> safe HTML: rendered as GitHub Flavored Markdown by cmark-gfm, then sanitised with nh3.

cmark-gfm is GitHub's own C implementation of CommonMark and its extensions (tables, autolinks,
strikethrough, footnotes): the Markdown curators know from GitHub, about 25 times faster than
Python-Markdown on a digest's notes. Raw HTML is let through to nh3, which alone decides what survives.

Bodies are pasted from the web; whatever HTML they hold must end up inert (no script, no on*
handler, no javascript: or data: URL) while ordinary formatting survives. Images load only from
the site itself: the built site asks no other host for anything.
"""
from __future__ import annotations

import re

import nh3
from cmarkgfm.cmark import Options, markdown_to_html_with_extensions

from digest.memo import Memo

EXTENSIONS = ["table", "autolink", "strikethrough"]
OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
URL_SCHEMES = {"http", "https", "mailto"}
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)
"""An address on another host: a scheme, or '//host' (browsers read '\\\\host' the same way)."""


URL_NOISE = re.compile(r"[\t\n\r]")
"""Browsers drop tabs and line breaks anywhere in an address, and leading control characters and spaces."""


FOOTNOTE_ID = re.compile(r"fn(?:ref)?-\d+")
"""The ids cmark-gfm gives footnotes and their references: the only ids a body keeps, so that its
footnote links work and a pasted id cannot clash with the page's own."""
ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "a": {*nh3.ALLOWED_ATTRIBUTES["a"], "id"}, "li": {"id"}}


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if FOOTNOTE_ID.fullmatch(value) else None
    if element == "img" and attribute == "src":
        address = URL_NOISE.sub("", value).lstrip("".join(map(chr, range(0x21))))
        return None if ELSEWHERE.match(address) else address
    return value


class BodyRenderer:
    def __init__(self, memo: Memo | None = None) -> None:
        self._memo = memo if memo is not None else Memo(keep=False)

    def __call__(self, text: str) -> str:
        """The safe HTML of a body; a body rendered by the last build is not rendered again."""
        return self._memo.get(text, lambda: self._render(text))

    def _render(self, text: str) -> str:
        html = markdown_to_html_with_extensions(text, options=OPTIONS, extensions=EXTENSIONS)
        safe = nh3.clean(
            html, attributes=ATTRIBUTES, attribute_filter=_attribute, url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
        )
        return safe.strip()
