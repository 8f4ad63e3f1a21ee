"""The MkDocs shell: the only module that imports mkdocs. It runs the core and hands MkDocs its pages.

The content tree is MkDocs' docs_dir, so `mkdocs serve` watches it and copies its images; the
Markdown articles and registries themselves are replaced by the generated pages.
"""
from __future__ import annotations

import html
import os
import traceback
from pathlib import Path

import jinja2

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger, get_plugins
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .feeds import DEFAULT_FEED_ITEMS
from .pipeline import Settings, Site, build_site
from .problems import ContentError, Problem
from .urls import page_src

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
        self.html: dict[str, str] = {}
        """Page source -> its HTML, between on_page_markdown and on_page_content."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = settings_for(config, self.config)
        if not self.settings.content_dir.is_dir():
            raise PluginError(f"digest: the content folder {self.settings.content_dir} does not exist")
        if not self.settings.site_url:
            log.warning("site_url is not set in mkdocs.yml: feed readers need it for absolute links, so the feeds "
                        "are written with links relative to each feed; set site_url to where the site is served")
        config.docs_dir = str(self.settings.content_dir)
        if config.nav is None:
            config.nav = DEFAULT_NAV
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Build the core before MkDocs cleans site/, so bad content never costs the previous site."""
        assert self.settings is not None
        config.extra["digest_problems"] = []
        try:
            self.site = build_site(self.settings)
        except ContentError as error:
            self._failed(error.problems, config, "the content has problems")
            return
        except jinja2.TemplateError as error:
            self._failed([template_problem(error, self.settings)], config, "a page template has a problem")
            return
        for warning in self.site.warnings:
            log.info(str(warning))
        self.dates = {page_src("article", a.slug): a.date.isoformat() for a in self.site.index.articles}
        self.newest = max(self.dates.values(), default=None)

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
        in_nav = {path for item in DEFAULT_NAV for path in item.values()}
        generated = [
            File.generated(config, src, content=text, inclusion=InclusionLevel.UNDEFINED if src in in_nav else InclusionLevel.NOT_IN_NAV)
            for src, text in self.site.pages.items()
        ]
        generated += [File.generated(config, path, content=data) for path, data in self.site.files.items()]
        return Files(kept + generated)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """An article page changed on its date, any other page with the newest article."""
        page.update_date = self.dates.get(page.file.src_uri) or self.newest or page.update_date
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages are HTML already (see render.py): MkDocs gets nothing to convert, which
        saves converting every listing and article again, and on_page_content hands the HTML back."""
        if self.site is not None and page.file.src_uri in self.site.pages:
            self.html[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.html.pop(page.file.src_uri, content)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.settings is not None
        server.watch(str(self.settings.templates_dir))
        server.watch(str(self.settings.content_dir))
        return server


def _is_source(file: File) -> bool:
    if file.generated_by is not None:
        return False
    name = file.src_uri.rsplit("/", 1)[-1]
    return name.startswith(".") or file.src_uri.lower().endswith(SOURCE_SUFFIXES)


def template_problem(error: jinja2.TemplateError, settings: Settings) -> Problem:
    """TEMPLATE:LINE: message, at the innermost line of a page template that the error passed through."""
    path, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if path is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        path, line = (frames[-1].filename, frames[-1].lineno) if frames else (str(settings.templates_dir), 1)
    shown = Path(os.path.relpath(path, settings.root)).as_posix()
    return Problem(shown, line or 1, error.message or type(error).__name__)


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
