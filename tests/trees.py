"""Small content trees written in the test: registries, articles, settings and a mkdocs.yml for them.

A plain module (not conftest.py) so that tests import its helpers by a name no other module has.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

from digest.pipeline import Settings

REPO = Path(__file__).resolve().parent.parent

REGIONS = """\
middle-east: {name: Middle East}
levant: {name: Levant, parent: middle-east}
syria: {name: Syria, parent: levant, aliases: [سوريا]}
golan-heights: {name: Golan Heights, parent: syria, aliases: [Golan, الجولان]}
iraq: {name: Iraq, parent: middle-east, aliases: [Irak, العراق]}
"""
ACTORS = """\
islamic-resistance-in-iraq: {name: Islamic Resistance in Iraq, kind: armed-group}
harakat-al-nujaba:
  name: Harakat al-Nujaba
  kind: armed-group
  aliases: [Al-Nujaba, النجباء]
  member_of: [islamic-resistance-in-iraq]
  based_in: iraq
kataib-hezbollah:
  name: Kata'ib Hezbollah
  kind: armed-group
  aliases: [Kataib Hezbollah, كتائب حزب الله]
  member_of: [islamic-resistance-in-iraq]
  aligned_with: [harakat-al-nujaba]
akram-al-kaabi: {name: Akram al-Kaabi, kind: person, member_of: [harakat-al-nujaba]}
"""
THEMES = """\
ceasefire: {name: Ceasefire}
armed-factions: {name: Armed factions, aliases: [militias]}
"""


def article(
    title: str = "A report", date: str = "2025-01-16", regions: str = "[iraq]", extra: str = "", body: str = "Notes.\n"
) -> str:
    """An article file's text; `extra` is more front matter lines."""
    return (
        f"---\ntitle: {title}\ndate: {date}\nsource: The New Arab\nregions: {regions}\n"
        f"summary: A summary in the curator's words.\n{extra}---\n{body}"
    )


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write files (relative path -> text) under root; text is dedented. Returns root."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def content_tree(
    root: Path, articles: dict[str, str], regions: str = REGIONS, actors: str = ACTORS, themes: str = THEMES
) -> Path:
    """A content tree with the small registries above and the given articles (name -> text)."""
    files = {"content/regions.yml": regions, "content/actors.yml": actors, "content/themes.yml": themes}
    files.update({f"content/articles/{name}": text for name, text in articles.items()})
    return write_tree(root, files)


def settings_for(root: Path) -> Settings:
    return Settings(
        content_dir=root / "content", templates_dir=REPO / "templates" / "pages", root=root, site_name="Test digest"
    )


def mkdocs_project(root: Path, site_url: str = "https://example.org/digest/") -> Path:
    """Write a mkdocs.yml beside root/content that uses this repository's templates; returns its path."""
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: Test digest\nsite_url: {site_url}\ndocs_dir: content\n"
        f"theme:\n  name: material\n  custom_dir: {REPO / 'templates' / 'overrides'}\n  font: false\n"
        f"plugins:\n  - search:\n      lang: [en, ar]\n  - digest:\n      templates: {REPO / 'templates' / 'pages'}\n",
        encoding="utf-8",
    )
    return config
