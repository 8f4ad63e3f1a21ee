"""Problems found in content: where each is, and what is wrong. Knows no files and no YAML."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})
"""A line break inside a quoted value or a file name would split a problem over two lines."""


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    """Relative to the project root, with forward slashes."""
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """PATH:LINE: message, on one line whatever the values in it hold."""
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}".translate(ONE_LINE)


class ContentError(Exception):
    """Raised once, with every problem found, when content is not valid."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def describe(value: object) -> str:
    """The user's word for a YAML value's type: 'a list', 'a number', 'text'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
