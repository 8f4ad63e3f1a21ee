"""What the served site's search index (Pagefind's, under site/pagefind/) holds, read back for tests."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
"""Pagefind's files are gzip, then this, then the data (a fragment's is JSON)."""


def fragments(site: Path) -> dict[str, dict]:
    """Page location ('articles/x/', '' for the home page) -> its fragment: url, content (the text
    indexed, as plain text), meta (title), word_count."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE) :])
        found[fragment["url"].removeprefix("/")] = fragment
    return found
