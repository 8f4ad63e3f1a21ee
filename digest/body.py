"""Curator Markdown -> safe HTML: rendered with Python-Markdown, then sanitised with nh3.

Bodies are pasted from the web; whatever HTML they hold must end up inert (no script, no on*
handler, no javascript: or data: URL) while ordinary formatting survives.
"""
from __future__ import annotations

import markdown
import nh3

EXTENSIONS = ["extra", "sane_lists"]
URL_SCHEMES = {"http", "https", "mailto"}


class BodyRenderer:
    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=EXTENSIONS, output_format="html")

    def __call__(self, text: str) -> str:
        html = self._markdown.reset().convert(text)
        return nh3.clean(html, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
