"""What MkDocs gets of the content folder: not its sources, and the generated pages as MkDocs pages
that skip what their text does not need.

The generated pages' text is HTML under a JSON front matter (site/render.py), so MkDocs need not read the front matter
with its pure-Python YAML loader, nor make each page a Markdown converter with every extension of
mkdocs.yml (it makes one per page: about 0.2 ms, most of a second at 4,000 pages). Material's blog
plugin makes its views Page subclasses the same way. The page events still run for every page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from digest.site.render import page_body, page_meta

SOURCE_SUFFIXES = (".md", ".yml", ".yaml", ".txt")
"""Content files that are input, never published as they are (notes and extracted texts included)."""


def is_source(file: File) -> bool:
    if file.generated_by is not None:
        return False
    name = file.src_uri.rsplit("/", 1)[-1]
    return name.startswith(".") or file.src_uri.lower().endswith(SOURCE_SUFFIXES)


class GeneratedPage(Page):
    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        self.markdown, self.meta = page_body(source), page_meta(source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The text is the page's HTML already: no Markdown, no table of contents, no anchors to check."""
        self.content = self.markdown
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
