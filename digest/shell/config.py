"""The plugin's settings in mkdocs.yml, and the core's Settings they give."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig

from digest.pipeline import Settings
from digest.site.feeds import DEFAULT_FEED_ITEMS
from digest.words import SOURCE_LANGUAGE, has_catalogue, words_for


def default_nav(language: str) -> list[dict[str, str]]:
    """The nav when mkdocs.yml sets none: the home page and the section indexes, named in the site's language."""
    _ = words_for(language).gettext
    return [
        {_("Home"): "index.md"},
        {_("Weekly digest"): "digest/index.md"},
        {_("Regions"): "regions/index.md"},
        {_("Actors"): "actors/index.md"},
        {_("Network"): "network/index.md"},
        {_("Themes"): "themes/index.md"},
    ]


class PositiveInt(c.Type):
    """A whole number of at least 1."""

    def __init__(self, default: int):
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"Expected a whole number of at least 1, but received: {value!r}")
        return value


class DigestConfig(base.Config):
    content = c.Type(str, default="content")
    """The content tree (articles/ and the three registries), relative to mkdocs.yml."""
    templates = c.Type(str, default="templates/pages")
    """The Jinja2 templates of the generated pages, relative to mkdocs.yml."""
    feed_items = PositiveInt(default=DEFAULT_FEED_ITEMS)
    """The most items each feed carries (its newest)."""
    language = c.Optional(c.Type(str))
    """The language of digest's own words (a BCP 47 tag); default the theme's `language`."""
    cache = c.Type(bool, default=True)
    """Keep compiled templates between builds, as Material's plugins keep what they make."""
    cache_dir = c.Type(str, default=".cache/plugin/digest")
    """Where, relative to mkdocs.yml."""


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
        language=plugin_config.language or config.theme.get("language") or SOURCE_LANGUAGE,
        template_cache=root / plugin_config.cache_dir if plugin_config.cache else None,
    )


def offline(config: MkDocsConfig) -> bool:
    """Whether this build is the file:// bundle (Material's offline plugin is on)."""
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def nav_sources(nav) -> Iterator[str]:
    """Every page source named in a nav setting (nested lists and {title: source} mappings)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_sources(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_sources(item)


def setting_warnings(settings: Settings) -> Iterator[str]:
    """What is worth fixing in the settings, though a site can be built with them."""
    if not settings.site_url:
        yield ("site_url is not set in mkdocs.yml: feed readers need it for absolute links, so the feeds are "
               "written with links relative to each feed; set site_url to where the site is served")
    if not has_catalogue(settings.language):
        yield (f"digest has no catalogue for the language '{settings.language}': its own words stay English "
               "(README.md, 'Adding a language', says how to add one)")
