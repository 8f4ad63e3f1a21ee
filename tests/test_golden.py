"""The example builds exactly the committed golden output: a refactoring changes no page, feed or data file."""

from __future__ import annotations

import difflib

from golden import committed, example_output

REGENERATE = "if the change is meant, run `python3 tests/golden.py` and review `git diff tests/golden`"


def test_the_example_builds_the_committed_pages_feeds_and_data():
    built, kept = example_output(), committed()
    assert sorted(built) == sorted(kept), REGENERATE
    changed = [path for path in sorted(built) if built[path] != kept[path]]
    if changed:
        first = changed[0]
        diff = difflib.unified_diff(
            kept[first].decode("utf-8", "replace").splitlines(),
            built[first].decode("utf-8", "replace").splitlines(),
            f"golden/{first}",
            "built",
            lineterm="",
            n=1,
        )
        shown = "\n".join(list(diff)[:40])
        raise AssertionError(f"{len(changed)} file(s) differ, first {first}:\n{shown}\n{REGENERATE}")


def test_the_golden_output_has_every_kind_of_file():
    kept = committed()
    for path in ("pages/index.md", "pages/regions/iraq.md", "files/feed.xml", "files/data/articles.csv"):
        assert path in kept
