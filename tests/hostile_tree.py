"""A content tree whose every curator string is an attack, and a built site of it.

Shared by the hostile-content tests (tests/test_hostile.py) and the browser test that searches it.
"""
from __future__ import annotations

import json
from pathlib import Path

from trees import content_tree, mkdocs_project

from digest.shell.driver import build

TITLE = "<script>alert(1)</script> & co"
SUMMARY = "Sum <img src=x onerror=alert(2)> & [click](javascript:alert(3)) {: onclick=alert(4)}"
REGION = "Iraq <svg onload=alert(5)>"
ACTOR = 'Evil "quoted" <b onmouseover=alert(6)>group</b>'
THEME = "</title><script>alert(7)</script>"
SOURCE = "<i>The</i> Source & Co"
SPEAKER = "<a href=javascript:alert(8)>Speaker</a>"
QUOTE = "Words </blockquote><script>alert(9)</script>"
ALSO = "<style>body{display:none}</style>Reprint"


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar: JSON's quoting is valid YAML."""
    return json.dumps(value)


REGIONS = (
    f"middle-east: {{name: Middle East, description: {yaml_text('<script>alert(10)</script> desc')}}}\n"
    f"iraq: {{name: {yaml_text(REGION)}, parent: middle-east, "
    f"aliases: [{yaml_text('<img src=x onerror=alert(11)>')}]}}\n"
)
ATTRIBUTE_BREAKER = 'x" onmouseover="alert(13)'
ACTORS = (
    f"evil: {{name: {yaml_text(ACTOR)}, kind: armed-group, based_in: iraq,"
    f" aliases: [{yaml_text('</span><script>alert(12)</script>')}], description: {yaml_text(ATTRIBUTE_BREAKER)}}}\n"
    "other: {name: Other, kind: state, aligned_with: [evil]}\n"
)
THEMES = f"t: {{name: {yaml_text(THEME)}, description: {yaml_text('<iframe src=javascript:alert(14)></iframe>')}}}\n"
BODY = """\
Body <script>alert(15)</script> with <a href="javascript:alert(16)" onclick="alert(17)">a link</a>,
<img src="data:image/png;base64,AAAA" onerror="alert(18)"> and [md](javascript:alert(19)).

**Bold**, *italic*, `code` and [a source](https://example.org/report) stay.

<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name="q"></form>
"""
ARTICLE = f"""---
title: {yaml_text(TITLE)}
date: 2025-01-16
source: {{name: {yaml_text(SOURCE)}, url: "https://example.org/?q=%22%3E%3Cscript%3E"}}
regions: [iraq]
actors: [evil]
themes: [t]
summary: {yaml_text(SUMMARY)}
quotes:
  - {{speaker: {yaml_text(SPEAKER)}, text: {yaml_text(QUOTE)}}}
  - {{speaker: evil, text: Ordinary words.}}
also_published:
  - {{name: {yaml_text(ALSO)}, url: "https://example.com/reprint"}}
---
{BODY}"""


def build_hostile_site(root: Path) -> Path:
    """Build the hostile tree under root with the article in the nav too; returns the site folder."""
    content_tree(root, {"hostile.md": ARTICLE}, regions=REGIONS, actors=ACTORS, themes=THEMES)
    config = mkdocs_project(root)
    with config.open("a", encoding="utf-8") as file:
        file.write("nav:\n  - index.md\n  - articles/hostile.md\n  - regions/index.md\n")
    build(config, site_dir=root / "site", strict=True)
    return root / "site"
