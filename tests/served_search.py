"""What the served site's search index (Pagefind's, under site/pagefind/) holds, read back for tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
"""Pagefind's files are gzip, then this, then the data (a fragment's is JSON)."""


def part_fragments(index: Path) -> dict[str, dict]:
    """The fragments of one part of the index (the folder holding its fragment/): page location
    ('articles/x/', '' for the home page) -> its fragment: url, content (the text indexed, as plain
    text), meta (title), word_count."""
    found = {}
    for path in sorted((index / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE) :])
        found[fragment["url"].removeprefix("/")] = fragment
    return found


def parts(site: Path) -> list[Path]:
    """The folders of the index's parts, the first (site/pagefind/ itself) first, as parts.json lists them."""
    index = site / "pagefind"
    return [index] + [index / name for name in json.loads((index / "parts.json").read_text(encoding="utf-8"))]


def fragments(site: Path) -> dict[str, dict]:
    """The fragments of every part of the site's index, by page location (see part_fragments)."""
    return {location: fragment for part in parts(site) for location, fragment in part_fragments(part).items()}
