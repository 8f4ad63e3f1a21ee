"""Typed reading of one YAML document's fields, collecting a Problem for every value that is off.

Like MkDocs' config options, but each message carries the line of the value.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .problems import Problem, describe
from .yamlsrc import Located, Path

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_RULE = "lowercase letters, digits and single hyphens (like 'golan-heights')"


@dataclass
class Fields:
    """One document being checked: its path, its values and lines, and the problems found so far."""

    path: str
    document: Located
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: Path, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.path, self.document.line(*where), message, warning))

    def mapping(self, value: Any, where: Path, what: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.problem(where, f"{what} must be a mapping of fields (name: value), got {describe(value)}")
        return None

    def unknown_keys(self, mapping: dict, where: Path, known: Iterable[str], what: str) -> None:
        known = tuple(known)
        for key in mapping:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
                self.problem(where + (key,), f"unknown field '{key}' in {what}{hint}", warning=True)

    def text(self, mapping: dict, key: str, where: Path, required: bool = False) -> str | None:
        """A non-empty string field; numbers are taken as their text (a title such as 1984)."""
        if key not in mapping or mapping[key] is None:
            if required:
                self.problem(where, f"'{key}' is required")
            return None
        value = mapping[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(where + (key,), f"'{key}' must be text, got {describe(value)}")
            return None
        if not value.strip():
            self.problem(where + (key,), f"'{key}' is empty")
            return None
        return value.strip()

    def text_list(self, mapping: dict, key: str, where: Path, required: bool = False) -> list[tuple[str, Path]]:
        """A list of strings, each with its own path (for the line of an unknown reference)."""
        if key not in mapping or mapping[key] is None:
            if required:
                self.problem(where, f"'{key}' is required: give a list with at least one entry")
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.problem(where + (key,), f"'{key}' must be a list (like [a, b] or '- a' lines), got {describe(value)}")
            return []
        if required and not value:
            self.problem(where + (key,), f"'{key}' is empty: give at least one entry")
        items = []
        for index, item in enumerate(value):
            if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
                items.append((str(item).strip(), where + (key, index)))
            else:
                self.problem(where + (key, index), f"each entry of '{key}' must be a name, got {describe(item)}")
        return items

    def mapping_list(self, mapping: dict, key: str, where: Path) -> list[tuple[dict, Path]]:
        if key not in mapping or mapping[key] is None:
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.problem(where + (key,), f"'{key}' must be a list, got {describe(value)}")
            return []
        items = []
        for index, item in enumerate(value):
            item_mapping = self.mapping(item, where + (key, index), f"each entry of '{key}'")
            if item_mapping is not None:
                items.append((item_mapping, where + (key, index)))
        return items

    def boolean(self, mapping: dict, key: str, where: Path, default: bool) -> bool:
        value = mapping.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(where + (key,), f"'{key}' must be true or false, got {describe(value)} {value!r}")
            return default
        return value

    def slug(self, value: str, where: Path, what: str) -> bool:
        if SLUG.match(value):
            return True
        self.problem(where, f"{what} '{value}' may contain only {SLUG_RULE}")
        return False

    def url(self, mapping: dict, key: str, where: Path, required: bool = False) -> str | None:
        value = self.text(mapping, key, where, required)
        if value is None:
            return None
        if not re.match(r"^https?://[^\s/]+", value):
            self.problem(where + (key,), f"'{key}' must be a web address starting with http:// or https://, got '{value}'")
            return None
        return value
