"""MkDocs builds run from Python (the CLI's build and bundle, the tests): mkdocs.yml loaded and checked,
the digest plugin's settings read, Material's offline plugin added for a file:// bundle."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import get_plugins

from digest.pipeline import Settings
from digest.shell.config import settings_for

IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker/shim.js"
"""Lets search run from file:// (the theme overrides ship it); Material's offline plugin would
otherwise load it from unpkg.com."""


class BuildFailed(Exception):
    pass


def load_settings(config_file: Path, content: Path | None = None) -> Settings:
    """The core's settings as mkdocs.yml gives them, with the content tree optionally replaced."""
    config = _load(config_file, content)
    return settings_for(config, config.plugins["digest"].config)


def configured_site_dir(config_file: Path) -> Path:
    """Where builds go: mkdocs.yml's site_dir, absolute (MkDocs resolves it beside mkdocs.yml)."""
    return Path(_load(config_file, None).site_dir)


def build(
    config_file: Path, content: Path | None = None, site_dir: Path | None = None, strict: bool = True,
    offline: bool = False,
) -> None:
    """A MkDocs build with the digest plugin; raises BuildFailed with MkDocs' words on failure.

    offline: a build for file:// (pages end in .html, search works without a server).
    """
    try:
        config = _load(
            config_file, content, strict=strict, site_dir=str(site_dir) if site_dir else None,
            use_directory_urls=False if offline else None,
        )
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
    try:
        config = load_config(str(config_file), **{k: v for k, v in overrides.items() if v is not None})
    except MkDocsException as error:  # MkDocs has logged what is wrong with the file
        raise BuildFailed(f"{config_file}: {error}") from None
    if "digest" not in config.plugins:
        raise BuildFailed(f"{config_file} does not enable the digest plugin (plugins: - digest)")
    if content is not None:
        config.plugins["digest"].config.content = str(content.resolve())
    return config
