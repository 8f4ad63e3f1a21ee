"""Content tree -> raw articles and registries, each with the line of every value. No judgement."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from digest.memo import Memo, file_stamp
from digest.problems import Problem
from digest.read.yaml_lines import Located, YamlProblem, load, split_front_matter

REGISTRIES = ("regions", "actors", "themes")
ARTICLES_DIR = "articles"
V = TypeVar("V")


@dataclass(frozen=True)
class RawArticle:
    path: str
    """Relative to the project root, for messages."""
    stem: str
    """File name without '.md': the default slug."""
    front: Located
    body: str


@dataclass
class RawContent:
    articles: list[RawArticle] = field(default_factory=list)
    registries: dict[str, tuple[str, Located]] = field(default_factory=dict)
    """Registry name -> (path, document); a missing registry file is absent."""
    problems: list[Problem] = field(default_factory=list)


def display_path(path: Path, root: Path) -> str:
    """The path as problems show it: relative to the project root, with '/' between its parts."""
    text, base = str(path), str(root) + os.sep
    inside = text[len(base):] if text.startswith(base) else os.path.relpath(path, root)  # most files are inside
    return inside.replace(os.sep, "/")


def read_content(content_dir: Path, root: Path, files: Memo | None = None) -> RawContent:
    """Every registry and article; with `files`, a file unchanged since the last build is not parsed again."""
    memo = files if files is not None else Memo(keep=False)
    raw = RawContent()
    for name in REGISTRIES:
        path = content_dir / f"{name}.yml"
        if path.is_file():
            shown, document, problems = _memoised(memo, path, root, _read_registry)
            raw.problems += problems
            if document is not None:
                raw.registries[name] = (shown, document)
        elif path.with_suffix(".yaml").is_file():
            shown = display_path(path.with_suffix(".yaml"), root)
            raw.problems.append(Problem(shown, 1, f"registries are read from '{path.name}': rename the file"))
    for path in article_paths(content_dir):
        article, problems = _memoised(memo, path, root, _read_article)
        raw.problems += problems
        if article is not None:
            raw.articles.append(article)
    return raw


def _memoised(memo: Memo, path: Path, root: Path, read: Callable[[Path, Path], V]) -> V:
    """read(path, root), or what it gave the last build for the file as it is now (mkdocs serve)."""
    if not memo.keep:
        return read(path, root)  # without a stat of every file
    return memo.get(_file_key(path, root), partial(read, path, root))


def _file_key(path: Path, root: Path) -> tuple:
    """A file's identity for the memo (problems show its path relative to root)."""
    return (file_stamp(path), str(root))


def article_paths(content_dir: Path) -> list[Path]:
    """Every article file, sorted; hidden files and folders are skipped."""
    found = []
    for folder, dirs, files in os.walk(content_dir / ARTICLES_DIR):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files if f.endswith(".md") and not f.startswith(".")]
    return sorted(found)


def read_text(path: Path) -> str:
    """UTF-8 with or without BOM, any line ending -> text with '\\n' lines.

    Raises YamlProblem when the file cannot be read or is not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as error:  # a dangling link, no permission
        raise YamlProblem(1, f"the file cannot be read: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(1, "the file is UTF-16, not UTF-8: save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlProblem(
            line,
            f"the file is not UTF-8: byte 0x{data[error.start]:02X} at column {column} cannot be read; save it as "
            "UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_registry(path: Path, root: Path) -> tuple[str, Located | None, list[Problem]]:
    shown = display_path(path, root)
    try:
        document = load(read_text(path))
    except YamlProblem as problem:
        return shown, None, [Problem(shown, problem.line, problem.message)]
    return shown, document, [Problem(shown, line, message) for line, message in document.problems]


def _read_article(path: Path, root: Path) -> tuple[RawArticle | None, list[Problem]]:
    shown = display_path(path, root)
    try:
        text = read_text(path)
        if not text.strip():
            raise YamlProblem(1, "the file is empty: an article starts with front matter between '---' lines")
        front = split_front_matter(text)
        document = load(front.text, front.first_line)
    except YamlProblem as problem:
        return None, [Problem(shown, problem.line, problem.message)]
    problems = [Problem(shown, line, message) for line, message in document.problems]
    return RawArticle(shown, path.name[: -len(".md")], document, front.body), problems
