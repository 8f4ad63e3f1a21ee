"""The MkDocs shell: the only module that imports mkdocs. It runs the core and hands MkDocs its pages.

The content tree is MkDocs' docs_dir, so `mkdocs serve` watches it and copies its images; the
Markdown articles and registries themselves are replaced by the generated pages.
"""
from __future__ import annotations

import dataclasses
import html
import os
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger, get_plugins
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from digest.memo import BuildCache
from digest.pipeline import Settings, Site, build_site
from digest.problems import ContentError, Problem
from digest.shell.config import DigestConfig, default_nav, settings_for
from digest.shell.lunr import rewrite_offline_index
from digest.shell.pagefind import write_index
from digest.site.feeds import DEFAULT_FEED_ITEMS
from digest.site.search import search_body, searched
from digest.site.urls import page_src
from digest.words import has_catalogue

log = get_plugin_logger(__name__)

SOURCE_SUFFIXES = (".md", ".yml", ".yaml", ".txt")
"""Content files that are input, never published as they are (notes and extracted texts included)."""

DEFAULT_NAV = [
    {"Home": "index.md"},
    {"Weekly digest": "digest/index.md"},
    {"Regions": "regions/index.md"},
    {"Actors": "actors/index.md"},
    {"Network": "network/index.md"},
    {"Themes": "themes/index.md"},
]


class PositiveInt(c.Type):
    """A whole number of at least 1."""

    def __init__(self, default: int):
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"Expected a whole number of at least 1, but received: {value!r}")
        return value


IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker/shim.js"
"""Lets search run from file:// (the theme overrides ship it); Material's offline plugin would
otherwise load it from unpkg.com."""


class DigestConfig(base.Config):
    content = c.Type(str, default="content")
    """The content tree (articles/ and the three registries), relative to mkdocs.yml."""
    templates = c.Type(str, default="templates/pages")
    """The Jinja2 templates of the generated pages, relative to mkdocs.yml."""
    feed_items = PositiveInt(default=DEFAULT_FEED_ITEMS)
    """The most items each feed carries (its newest)."""


def settings_for(config: MkDocsConfig, plugin_config: DigestConfig) -> Settings:
    root = Path(config.config_file_path or ".").resolve().parent
    return Settings(
        content_dir=root / plugin_config.content,
        templates_dir=root / plugin_config.templates,
        root=root,
        site_name=config.site_name,
        directory_urls=config.use_directory_urls,
        site_url=config.site_url,
        feed_items=plugin_config.feed_items,
    )


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
        """Generated page source path -> its HTML, from on_page_read_source to on_page_content."""
        self.cache = BuildCache()
        self.reuse = ServeReuse(enabled=False)
        self.search_language: str | None = None
        """The language of the served site's search index (Pagefind); None in the offline bundle,
        which keeps Material's own search."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.cache = BuildCache()
        # `serve --dirty` keeps MkDocs' own reuse (and the search plugin's, which would count ours twice)
        self.reuse = ServeReuse(enabled=self.serving and not dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = settings_for(config, self.config)
        if not self.settings.content_dir.is_dir():
            raise PluginError(f"digest: the content folder {self.settings.content_dir} does not exist")
        if not self.settings.site_url:
            log.warning("site_url is not set in mkdocs.yml: feed readers need it for absolute links, so the feeds "
                        "are written with links relative to each feed; set site_url to where the site is served")
        if not has_catalogue(self.settings.language):
            log.warning(f"digest has no catalogue for the language '{self.settings.language}': its own words stay "
                        "English (README.md, 'Adding a language', says how to add one)")
        config.docs_dir = str(self.settings.content_dir)
        if config.nav is None:
            config.nav = default_nav(self.settings.language)
        self._choose_search(config)
        return config

    def _choose_search(self, config: MkDocsConfig) -> None:
        """Pagefind for a served site (main.html then points Material's search box at its worker);
        Material's own lunr search for the offline bundle, where nothing can be fetched in pieces."""
        self.search_language = None if _offline(config) else config.theme.get("language") or "en"
        config.extra["digest_pagefind"] = self.search_language is not None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Build the core before MkDocs cleans site/, so bad content never costs the previous site."""
        assert self.settings is not None
        config.extra["digest_problems"] = []
        try:
            # only a server builds again; a one-off build lets the parsed files go once the core is done
            self.site = build_site(self.settings, self.cache if self.serving else None)
        except ContentError as error:
            self._failed(error.problems, config, "the content has problems")
        except Exception as error:  # a template's own error, or an expression of it that fails on the content
            if not isinstance(error, jinja2.TemplateError) and not _template_frames(error):
                raise
            self._failed([template_problem(error, self.settings)], config, "a page template has a problem")
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
            self.site = _problems_site(problems)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        kept = [f for f in files if not _is_source(f)]
        in_nav = set(_nav_sources(config.nav))
        generated = [
            self.reuse.file(config, src, text, InclusionLevel.UNDEFINED if src in in_nav else InclusionLevel.NOT_IN_NAV)
            for src, text in self.site.pages.items()
        ]
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
        saves converting every listing and article again, and on_page_content hands the HTML back."""
        if page.file.src_uri not in self.html:
            return markdown
        self.html[page.file.src_uri] = markdown
        return ""

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        content = self.html.pop(page.file.src_uri, None) or content
        if self.search_language is not None:
            if searched(page.meta):
                content = search_body(content)
            page.meta["search"] = {"exclude": True}  # Material's own index stays empty: only the bundle uses it
        return content

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.site is not None and page.file.src_uri in self.site.pages:
            self.reuse.keep(page, self.site.pages[page.file.src_uri], output)
        return output

    @event_priority(-50)  # after the search plugin has written its index, before the offline plugin reads it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.reuse.finish(self.site.pages)
        if self.search_language is None:
            rewrite_offline_index(Path(config.site_dir))
        else:
            started = time.perf_counter()
            count = write_index(Path(config.site_dir), self.search_language)
            log.info(f"search: {count} pages indexed by Pagefind in {time.perf_counter() - started:.2f} s")

    def on_build_error(self, *, error: Exception) -> None:
        self.reuse = ServeReuse(self.reuse.enabled)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.settings is not None
        server.watch(str(self.settings.templates_dir))
        server.watch(str(self.settings.content_dir))
        if config.theme.custom_dir:  # the theme overrides (main.html, digest.css) are edited too
            server.watch(config.theme.custom_dir)
        return server


@dataclass(frozen=True)
class _Written:
    """A page as the last serve build wrote it."""

    source: str
    """The page source it was built from."""
    dest_uri: str
    url: str
    html: bytes


class ServeReuse:
    """While serving (not `--dirty`): a page whose source did not change since the last build is
    copied from that build instead of going through Markdown, the theme and the search plugin again,
    and its search entries are carried over into the new index.

    MkDocs rebuilds the whole site after every save, and the theme alone takes milliseconds a page;
    an article edit changes only the pages that show that article. Everything is forgotten when the
    configuration, the theme overrides or the content problems change. `mkdocs build` reuses nothing.
    """

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self.written: dict[str, _Written] = {}
        self.surroundings: tuple | None = None
        self.reused_urls: set[str] = set()

    def start(self, config: MkDocsConfig) -> None:
        self.reused_urls = set()
        if not self.enabled:
            return
        surroundings = _surroundings(config)
        if surroundings != self.surroundings:
            self.written.clear()
        self.surroundings = surroundings

    def file(self, config: MkDocsConfig, src: str, text: str, inclusion: InclusionLevel) -> File:
        """The page to build, or its copy from the last build (never for nav pages: the nav links them)."""
        written = self.written.get(src)
        if written is None or written.source != text or inclusion is not InclusionLevel.NOT_IN_NAV:
            return File.generated(config, src, content="", inclusion=inclusion)  # text: see on_page_read_source
        self.reused_urls.add(written.url)
        return File.generated(config, written.dest_uri, content=written.html)

    def keep(self, page: Page, source: str, output: str) -> None:
        if not self.enabled:
            return
        html = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        self.written[page.file.src_uri] = _Written(source, page.file.dest_uri, page.file.url, html)

    def finish(self, pages: dict[str, str]) -> None:
        """Forget pages that are gone."""
        if not self.enabled:
            return
        for src in self.written.keys() - pages.keys():
            del self.written[src]
        log.debug(f"serve: {len(self.reused_urls)} unchanged pages copied from the last build")


def _surroundings(config: MkDocsConfig) -> tuple:
    """What a page's HTML depends on besides its source: mkdocs.yml, the theme overrides, the problems."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    stamps = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    return stamps, tuple(config.extra.get("digest_problems", []))


def _offline(config: MkDocsConfig) -> bool:
    """Whether this build is the file:// bundle (Material's offline plugin is on)."""
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def _nav_sources(nav) -> Iterator[str]:
    """Every page source named in a nav setting (nested lists and {title: source} mappings)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_sources(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_sources(item)


def _is_source(file: File) -> bool:
    if file.generated_by is not None:
        return False
    name = file.src_uri.rsplit("/", 1)[-1]
    return name.startswith(".") or file.src_uri.lower().endswith(SOURCE_SUFFIXES)


def _template_frames(error: BaseException) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]


def template_problem(error: Exception, settings: Settings) -> Problem:
    """TEMPLATE:LINE: message, at the innermost line of a page template that the error passed through."""
    path, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if path is None:
        frames = _template_frames(error)
        path, line = (frames[-1].filename, frames[-1].lineno) if frames else (str(settings.templates_dir), 1)
    shown = Path(os.path.relpath(path, settings.root)).as_posix()
    message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
    return Problem(shown, line or 1, message)


def _problems_site(problems: list[Problem]) -> Site:
    """While serving content that never built: one page listing the problems."""
    lines = "\n".join(html.escape(str(p)) for p in problems)
    page = f'---\n{{"title": "Content problems"}}\n---\n\n<h1>Content problems</h1>\n<pre>{lines}</pre>\n'
    return Site(content=None, index=None, pages={"index.md": page})  # type: ignore[arg-type]


def load_settings(config_file: Path, content: Path | None = None) -> Settings:
    """The core's settings as mkdocs.yml gives them, with the content tree optionally replaced."""
    config = _load(config_file, content)
    return settings_for(config, config.plugins["digest"].config)


def configured_site_dir(config_file: Path) -> Path:
    """Where builds go: mkdocs.yml's site_dir, absolute (MkDocs resolves it beside mkdocs.yml)."""
    return Path(_load(config_file, None).site_dir)


def build(config_file: Path, content: Path | None = None, site_dir: Path | None = None, strict: bool = True,
          offline: bool = False) -> None:
    """A MkDocs build with the digest plugin; raises BuildFailed with MkDocs' words on failure.

    offline: a build for file:// (pages end in .html, search works without a server).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        config = _load(config_file, content, strict=strict, site_dir=str(site_dir) if site_dir else None,
                       use_directory_urls=False if offline else None)
        if offline:
            _add_offline_plugin(config)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        if offline:
            _check_polyfills(config)
    except MkDocsException as error:
        raise BuildFailed(str(error)) from None


class BuildFailed(Exception):
    pass


def _add_offline_plugin(config: MkDocsConfig) -> None:
    """Material's offline plugin (search index as a script, for file://), with our local shim.

    Only the bundle gets it, so `mkdocs build` and `serve` keep directory URLs. The shim goes into
    extra.polyfills first: the offline plugin adds its CDN copy only when none is named there.
    """
    polyfills = list(config.extra.get("polyfills", []))
    if not any("iframe-worker" in str(script) for script in polyfills):
        config.extra["polyfills"] = [*polyfills, IFRAME_WORKER_SHIM]
    offline = config.plugins.get("material/offline")
    if offline is None:
        offline = get_plugins()["material/offline"].load()()
        offline.load_config({})
        config.plugins["material/offline"] = offline
    offline.config.enabled = True
    # instant navigation fetches pages, which file:// does not allow
    config.theme["features"] = [f for f in config.theme.get("features", []) if not f.startswith("navigation.instant")]


def _check_polyfills(config: MkDocsConfig) -> None:
    """An offline site must carry every polyfill itself: a missing file or a URL would need a network."""
    for script in config.extra.get("polyfills", []):
        path = str(script)
        if "://" in path or path.startswith("//"):
            raise BuildFailed(f"extra.polyfills names {path}: an offline bundle cannot load scripts from other hosts")
        if not Path(config.site_dir, path).is_file():
            raise BuildFailed(f"extra.polyfills names {path}, but the theme (custom_dir) has no such file")


def _load(config_file: Path, content: Path | None, **overrides) -> MkDocsConfig:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), **{k: v for k, v in overrides.items() if v is not None})
    except MkDocsException as error:  # MkDocs has logged what is wrong with the file
        raise BuildFailed(f"{config_file}: {error}") from None
    if "digest" not in config.plugins:
        raise BuildFailed(f"{config_file} does not enable the digest plugin (plugins: - digest)")
    if content is not None:
        config.plugins["digest"].config.content = str(content.resolve())
    return config
