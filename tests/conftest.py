"""Fixtures shared by the unit and integration tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from trees import article, content_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A valid content tree with two articles."""
    return content_tree(
        tmp_path,
        {
            "2025/01/nujaba-halts.md": article(
                "Nujaba halts attacks", "2025-01-16", "[golan-heights]", "actors: [النجباء]\nthemes: [ceasefire]\n"
            ),
            "2025/01/baghdad-talks.md": article(
                "Baghdad talks", "2025-01-09", "[iraq]", "actors: [Kata'ib Hezbollah]\n"
            ),
        },
    )
