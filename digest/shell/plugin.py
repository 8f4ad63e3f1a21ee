"""The MkDocs events: the plugin runs the core and hands MkDocs its pages. The serve cache is in
serve.py, the settings in config.py, builds run from Python in driver.py.

The content tree is MkDocs' docs_dir, so `mkdocs serve` watches it and copies its images; the
Markdown articles and registries themselves are replaced by the generated pages.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from digest.memo import BuildCache
from digest.pipeline import Settings, Site, build_site
from digest.problems import ContentError, Problem
from digest.shell.config import DigestConfig, default_nav, nav_sources, offline, setting_warnings, settings_for
from digest.shell.pages import GeneratedPage, is_source
from digest.shell.search import OfflineSearch, ServedSearch
from digest.shell.serve import ServeReuse, problems_site
from digest.site.render import TemplateFailure
from digest.site.search import searched
from digest.site.urls import page_src

log = get_plugin_logger(__name__)

class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.settings: Settings | None = None
        self.dates: dict[str, str] = {}
        """Article page source -> its date, for the sitemap's lastmod (never the build clock)."""
        self.newest: str | None = None
        """The newest published date: when every other page last changed."""
        self.sources: dict[str, str] = {}
        """Generated page source path -> its text, until MkDocs reads it (on_page_read_source)."""
        self.html: dict[str, str | None] = {}
        """Generated page source path -> its HTML, from on_page_markdown to on_page_content."""
        self.cache = BuildCache()
        self.reuse = ServeReuse(enabled=False)
        self.search: ServedSearch | OfflineSearch = OfflineSearch()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.cache = BuildCache()
        # `serve --dirty` keeps MkDocs' own reuse (and the search plugin's, which would count ours twice)
        self.reuse = ServeReuse(enabled=self.serving and not dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = settings_for(config, self.config)
        if not self.settings.content_dir.is_dir():
            raise PluginError(f"digest: the content folder {self.settings.content_dir} does not exist")
        for warning in setting_warnings(self.settings):
            log.warning(warning)
        config.docs_dir = str(self.settings.content_dir)
        if config.nav is None:
            config.nav = default_nav(self.settings.language)
        self._choose_search(config)
        return config

    def _choose_search(self, config: MkDocsConfig) -> None:
        language = config.theme.get("language") or "en"
        if offline(config):
            self.search.close()
            self.search = OfflineSearch()
        elif isinstance(self.search, ServedSearch):  # serving: MkDocs keeps the plugin from build to build
            self.search.language = language  # and its pages, for those copied from the last build
        else:
            self.search = ServedSearch(language)
        # the bundle's index is built from Material's, which holds no copied page: copy nothing for it
        self.reuse.enabled = self.reuse.enabled and self.search.takes_pages
        config.extra["digest_search_worker"] = self.search.worker

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Build the core before MkDocs cleans site/, so bad content never costs the previous site."""
        assert self.settings is not None
        config.extra["digest_problems"] = []
        self.search.start(config)
        searching = self.search if isinstance(self.search, ServedSearch) else None  # pages as they are made
        try:
            # only a server builds again; a one-off build lets the parsed files go once the core is done
            self.site = build_site(self.settings, self.cache if self.serving else None, searching)
        except ContentError as error:
            self._failed(error.problems, config, "the content has problems")
        except TemplateFailure as error:
            shown = Path(os.path.relpath(error.path, self.settings.root)).as_posix()
            self._failed([Problem(shown, error.line, error.message)], config, "a page template has a problem")
        else:
            for warning in self.site.warnings:
                log.info(str(warning))
            self.dates = {page_src("article", a.slug): a.date.isoformat() for a in self.site.index.articles}
            self.newest = max(self.dates.values(), default=None)
        self.reuse.start(config)

    def _failed(self, problems: list[Problem], config: MkDocsConfig, what: str) -> None:
        """A build stops with the problems; while serving, the last good site stays up with a notice."""
        if not self.serving:
            raise PluginError(f"digest: {what}:\n" + "\n".join(str(p) for p in problems))
        for problem in problems:
            log.error(str(problem))
        config.extra["digest_problems"] = [str(p) for p in problems]
        if self.site is None:
            self.site = problems_site(problems)
        self.search.start(config, self.site)  # the site that stays, not what the failed build handed over

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        kept = [f for f in files if not is_source(f)]
        in_nav = set(nav_sources(config.nav))
        listed, unlisted = InclusionLevel.UNDEFINED, InclusionLevel.NOT_IN_NAV
        generated = [  # their text: see on_page_read_source
            File.generated(config, src, content="", inclusion=listed if src in in_nav else unlisted)
            for src in self.site.pages
        ]
        for file in generated:
            if file.inclusion is unlisted:  # a page in the nav takes its title from there: MkDocs makes it
                GeneratedPage(None, file, config)
        generated += [File.generated(config, path, content=data) for path, data in self.site.files.items()]
        self.sources = dict(self.site.pages)
        if not self.serving:
            # A page's text is needed until MkDocs reads it, then only as that page's HTML: holding the
            # texts here as well would keep two copies of the site in memory (see on_page_read_source).
            self.site = dataclasses.replace(self.site, pages={})
        return Files(kept + generated)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """An article page changed on its date, any other page with the newest article."""
        page.update_date = self.dates.get(page.file.src_uri) or self.newest or page.update_date
        return page

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A generated page's text (its File holds none); a one-off build lets it go once read."""
        src = page.file.src_uri
        if src not in self.sources:
            return None
        self.html[src] = None
        return self.sources[src] if self.serving else self.sources.pop(src)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages are HTML already (see render.py): MkDocs gets nothing to convert, which
        saves converting every listing and article again, and on_page_content hands the HTML back.
        A page copied from the last serve build needs no HTML at all (see serve.py)."""
        src = page.file.src_uri
        if src not in self.html or self.site is None:
            return markdown
        self.html[src] = "" if self.reuse.copies(page, self.site.pages.get(src)) else markdown
        return ""

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        own = page.file.src_uri in self.html  # the digest's pages went to the search as the core made them
        content = self.html.pop(page.file.src_uri, None) or content
        if self.search.takes_pages:
            if not own and searched(page.meta):
                self.search.add(page.file.dest_uri, content)
            page.meta["search"] = {"exclude": True}  # Material's own index stays empty: only the bundle uses it
        return content

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        return self.reuse.environment(env)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.site is not None and page.file.src_uri in self.site.pages:
            return self.reuse.output(page, self.site.pages[page.file.src_uri], output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.reuse.finish(self.site.pages)
        # before Material's offline plugin (priority -100) turns the lunr index into a script
        self.search.finish(Path(config.site_dir))

    def on_shutdown(self) -> None:
        self.search.close()

    def on_build_error(self, *, error: Exception) -> None:
        self.reuse = ServeReuse(self.reuse.enabled)
        self.search.cancel()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.settings is not None
        server.watch(str(self.settings.templates_dir))
        server.watch(str(self.settings.content_dir))
        if config.theme.custom_dir:  # the theme overrides (main.html, digest.css) are edited too
            server.watch(config.theme.custom_dir)
        return server

