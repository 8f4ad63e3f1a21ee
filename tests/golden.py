"""The example site's generated output, committed under tests/golden/ and compared by test_golden.py.

golden/pages/ holds the page sources digest hands MkDocs (before the theme), golden/files/ the feeds and
data files. After a change that alters them on purpose, write them again and review the diff:

    python3 tests/golden.py && git diff --stat tests/golden
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from digest.pipeline import build_site
from digest.shell.driver import load_settings

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
SITE_URL = "https://example.github.io/digest/"
"""mkdocs.yml's own default, fixed here so that SITE_URL in the environment changes nothing."""


def example_output() -> dict[str, bytes]:
    """What the example content builds to, by path under golden/."""
    settings = dataclasses.replace(load_settings(REPO / "mkdocs.yml"), site_url=SITE_URL)
    site = build_site(settings)
    output = {f"pages/{src}": text.encode("utf-8") for src, text in site.pages.items()}
    output.update({f"files/{path}": data for path, data in site.files.items()})
    return output


def committed() -> dict[str, bytes]:
    """The golden output as committed, by path under golden/."""
    return {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}


def write() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, data in example_output().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    write()
