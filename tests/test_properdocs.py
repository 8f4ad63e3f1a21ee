"""ProperDocs, the maintained fork of MkDocs 1.x that keeps plugins, builds the example as MkDocs does:
the same pages, feeds, data and search index, byte for byte, but for the generator tag that names the tool."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from trees import REPO

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def built(tool: str, site: Path) -> dict[str, bytes]:
    """Every file a strict build of the example writes (path -> bytes), generator tags blanked."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", tool, "build", "--strict", "--quiet", "-f", str(REPO / "mkdocs.yml"),
                    "-d", str(site)], check=True, env=env, cwd=REPO)
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"<generator>", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_writes_the_same_site_as_mkdocs(tmp_path):
    mkdocs = built("mkdocs", tmp_path / "mkdocs")
    properdocs = built("properdocs", tmp_path / "properdocs")
    for path in ("articles/hamas-postpones-hostage-release/index.html", "regions/iraq/feed.xml", "feed.json",
                 "data/articles.json", "search/search_index.json", "sitemap.xml"):
        assert path in mkdocs, path
    assert sorted(properdocs) == sorted(mkdocs)
    assert [path for path in mkdocs if properdocs[path] != mkdocs[path]] == []
    home = (tmp_path / "properdocs" / "index.html").read_bytes()
    assert GENERATOR.search(home).group(1).startswith(b"mkdocs-ProperDocs 1.")
