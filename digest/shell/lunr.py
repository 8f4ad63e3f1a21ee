"""The offline bundle's search index: Material's own (lunr, loaded whole, which works from file://),
rewritten in place once Material's search plugin has written it (digest/site/search.py says how)."""

from __future__ import annotations

import json
from pathlib import Path

from digest.site.search import offline_index


def rewrite_offline_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        index = offline_index(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
