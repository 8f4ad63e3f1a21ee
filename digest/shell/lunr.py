"""The offline bundle's search index (digest/site/offline_search.py), written beside Material's.

Material's search plugin writes search/search_index.json, every page's text, which Material's
offline plugin then inlines into search/search_index.js for every page to load. This turns that
text into a lunr index built ahead of time, search/lunr_index.js, which only the bundle's search
worker loads, and leaves Material's file with its settings and no pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from digest.site.offline_search import offline_index

INDEX_SCRIPT = "search/lunr_index.js"
"""Where the index goes in the site; assets/javascripts/workers/lunr-search.js loads it."""
INDEX_VARIABLE = "__digest_lunr"


def write_offline_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    material = json.loads(path.read_text(encoding="utf-8"))
    index = json.dumps(offline_index(material), ensure_ascii=False, separators=(",", ":"))
    (site_dir / INDEX_SCRIPT).write_text(f"var {INDEX_VARIABLE} = {index};\n", encoding="utf-8")
    path.write_text(json.dumps({**material, "docs": []}, separators=(",", ":")), encoding="utf-8")
