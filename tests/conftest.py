"""Fixtures shared by the unit and integration tests."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import LocalWeb
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


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalWeb]:
    """A web server on 127.0.0.1 whose paths answer as the test sets them; no proxy is asked."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = LocalWeb()
    yield server
    server.close()


@pytest.fixture(scope="session")
def arabic_site(tmp_path_factory) -> Path:
    """The example content built in Arabic, as `SITE_LANGUAGE=ar mkdocs build` builds it."""
    from trees import REPO

    from digest.shell.driver import build

    site = tmp_path_factory.mktemp("arabic") / "site"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_LANGUAGE", "ar")
        build(REPO / "mkdocs.yml", site_dir=site, strict=True)
    return site
