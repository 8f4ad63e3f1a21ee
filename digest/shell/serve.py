"""What only `mkdocs serve` needs: unchanged pages copied from the last build, and a page listing the
problems when the content never built."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from digest.memo import file_stamp
from digest.pipeline import Site
from digest.problems import Problem

log = get_plugin_logger(__name__)

COPY_TEMPLATE = "digest-copy.html"
"""An empty theme template: a copied page goes through MkDocs as a page (so it stays in the nav and
the sitemap), renders this instead of the theme, and gets the last build's HTML."""


@dataclass(frozen=True)
class _Written:
    """A page as the last serve build wrote it."""

    source: str
    """The page source it was built from."""
    html: str


class ServeReuse:
    """While serving (not `--dirty`, not the offline bundle's configuration): a page whose source did
    not change since the last build is copied from that build instead of going through Markdown and
    the theme again; Pagefind keeps the text it was given for it (shell/pagefind.py).

    MkDocs rebuilds the whole site after every save, and the theme alone takes milliseconds a page;
    an article edit changes only the pages that show that article. Everything is forgotten when the
    configuration, the theme overrides or the content problems change. `mkdocs build` reuses nothing.
    """

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self.written: dict[str, _Written] = {}
        self.surroundings: tuple | None = None
        self.copied: set[str] = set()
        """The page sources this build copies."""

    def start(self, config: MkDocsConfig) -> None:
        self.copied = set()
        if not self.enabled:
            return
        surroundings = _surroundings(config)
        if surroundings != self.surroundings:
            self.written.clear()
        self.surroundings = surroundings

    def environment(self, env: jinja2.Environment) -> jinja2.Environment:
        if self.enabled:
            env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({COPY_TEMPLATE: ""})])
        return env

    def copies(self, page: Page, source: str | None) -> bool:
        """Whether the page is copied from the last build (its source is unchanged); if so, it renders COPY_TEMPLATE."""
        written = self.written.get(page.file.src_uri)
        if written is None or written.source != source:
            return False
        self.copied.add(page.file.src_uri)
        page.meta["template"] = COPY_TEMPLATE
        return True

    def output(self, page: Page, source: str, output: str) -> str:
        """The page's HTML: the last build's for a copied page; any other is kept for the next build."""
        if page.file.src_uri in self.copied:
            return self.written[page.file.src_uri].html
        if self.enabled:
            self.written[page.file.src_uri] = _Written(source, output)
        return output

    def finish(self, pages: Iterable[str]) -> None:
        """Forget pages that are gone."""
        if not self.enabled:
            return
        for src in self.written.keys() - set(pages):
            del self.written[src]
        log.debug(f"serve: {len(self.copied)} unchanged pages copied from the last build")


def _surroundings(config: MkDocsConfig) -> tuple:
    """What a page's HTML depends on besides its source: mkdocs.yml, the theme overrides, the problems."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    return tuple(file_stamp(p) for p in paths), tuple(config.extra.get("digest_problems", []))


def problems_site(problems: list[Problem]) -> Site:
    """While serving content that never built: one page listing the problems."""
    lines = "\n".join(html.escape(str(p)) for p in problems)
    page = f'---\n{{"title": "Content problems"}}\n---\n\n<h1>Content problems</h1>\n<pre>{lines}</pre>\n'
    return Site(content=None, index=None, pages={"index.md": page})  # type: ignore[arg-type]
