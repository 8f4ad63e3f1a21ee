"""Results one build can hand to the next: `mkdocs serve` rebuilds after every edit, and most
files and article bodies have not changed since the last build.

A Memo only remembers what the latest build asked for, so a long serving session does not grow.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

V = TypeVar("V")


def file_stamp(path: Path) -> tuple:
    """A file's identity for a memo key: a save changes its modification time, size or inode. A file
    that cannot be read (a dangling link) has no stamp beside its path; a fixed link has one again."""
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)


class Memo(Generic[V]):
    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        """False: remember nothing (a one-off build would only hold its results twice)."""
        self._previous: dict[Hashable, V] = {}
        self._current: dict[Hashable, V] = {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value kept for key, or compute() when neither this build nor the last had it."""
        if not self.keep:
            return compute()
        if key in self._current:
            return self._current[key]
        value = self._previous[key] if key in self._previous else compute()
        self._current[key] = value
        return value

    def next_build(self) -> None:
        """Forget what the build that just ended did not use."""
        self._previous, self._current = self._current, {}


@dataclass
class BuildCache:
    """What the core keeps between builds: parsed files by path and (mtime, size, inode), rendered
    article bodies by their text, and output (pages, feeds) by what it shows (see
    render.Renderer.template_text and feeds.FeedWriter.files).
    BuildCache(keep=False) keeps nothing, for a build that has no next."""

    keep: bool = True
    files: Memo = field(init=False)
    bodies: Memo = field(init=False)
    output: Memo = field(init=False)
    shared: Any = field(init=False, default=None)
    """What all output depends on, as output_for was last given it."""

    def __post_init__(self) -> None:
        self.files, self.bodies, self.output = Memo(self.keep), Memo(self.keep), Memo(self.keep)

    def output_for(self, shared: Any) -> Memo:
        """The output memo, emptied when what all output depends on (settings, templates, registries) changed."""
        if shared != self.shared:
            self.output, self.shared = Memo(self.keep), shared
        return self.output

    def next_build(self) -> None:
        self.files.next_build()
        self.bodies.next_build()
        self.output.next_build()
