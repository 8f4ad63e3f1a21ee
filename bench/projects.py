"""The two projects the benchmark builds: a digest of N synthetic articles, and its floor.

The digest project takes the repository's mkdocs.yml (theme, extensions, plugins as users have
them) and points it at a generated content tree. The floor is the same Material configuration
without the digest plugin, over as many short Markdown pages as the digest site has: what MkDocs
itself costs for that many pages. Both keep the navigation small (the digest's default nav has five
entries; the floor's has five too): a nav of thousands of entries would be rendered into every page
and measure the theme, not the generator.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml
from generate import generate, paragraph

REPO = Path(__file__).resolve().parent.parent
FLOOR_NAV = ["index.md", "a/index.md", "b/index.md", "c/index.md", "d/index.md"]


def repository_config() -> dict:
    """The repository's mkdocs.yml as plain values (MkDocs' loader resolves its !ENV tags)."""
    from mkdocs.utils.yaml import get_yaml_loader

    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader(yaml.SafeLoader))


def digest_project(folder: Path, n: int) -> Path:
    """folder/content with n articles and folder/mkdocs.yml; returns the config file."""
    if folder.exists():
        shutil.rmtree(folder)
    generate(folder / "content", n)
    config = repository_config()
    config.update(site_name=f"Benchmark digest of {n} articles", docs_dir="content", site_dir="site")
    config["theme"]["custom_dir"] = str(REPO / "templates" / "overrides")
    config["plugins"] = [_digest_plugin(p) for p in config["plugins"]]
    config.pop("nav", None)
    return _write_config(folder, config)


def _digest_plugin(entry):
    if entry == "digest" or (isinstance(entry, dict) and "digest" in entry):
        return {"digest": {"content": "content", "templates": str(REPO / "templates" / "pages")}}
    return entry


def floor_project(folder: Path, pages: int) -> Path:
    """folder/docs with `pages` short pages in a plain Material project; returns the config file."""
    if folder.exists():
        shutil.rmtree(folder)
    rng = random.Random(pages)
    names = FLOOR_NAV + [f"{'abcd'[i % 4]}/page-{i:05d}.md" for i in range(pages - len(FLOOR_NAV))]
    for i, name in enumerate(names):
        path = folder / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Page {i}\n\n{paragraph(rng, 50, [])}\n", encoding="utf-8")
    config = repository_config()
    config.update(site_name=f"Plain MkDocs floor of {pages} pages", docs_dir="docs", site_dir="site",
                  nav=FLOOR_NAV, not_in_nav="*")
    config["theme"].pop("custom_dir", None)
    config["plugins"] = [p for p in config["plugins"] if _digest_plugin(p) is p]
    return _write_config(folder, config)


def _write_config(folder: Path, config: dict) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
