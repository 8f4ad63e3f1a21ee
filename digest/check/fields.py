"""Typed reading of one YAML document's fields, collecting a Problem for every value that is off.

Like MkDocs' config options, but each message carries the line of the value, and says what was
expected and what was found in the curator's words ("got a list", "got text 'iraq'").
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from digest.problems import Problem, describe
from digest.read.yaml_lines import KeyPath, Located

SLUG = re.compile(r"[a-z0-9-]+")
SLUG_RULE = "lowercase letters, digits and hyphens, like 'golan-heights'"
RESERVED_SLUGS = ("index",)
"""'index' is each section's own page (regions/index.md is the region tree)."""
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Invisible characters that pasted text sometimes carries."""


def found(value: Any) -> str:
    """describe() plus the value itself when it is plain: "text 'iraq'", "a number '12'", "a list"."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value)
        return f"{describe(value)} '{text if len(text) <= 40 else text[:37] + '...'}'"
    return describe(value)


def where_in(path: KeyPath) -> str:
    """' in entry 2 of 'quotes'' for a problem inside a value; '' at the top of a document."""
    if not path:
        return ""
    if isinstance(path[-1], int):
        return f" in entry {path[-1] + 1} of '{path[-2]}'" if len(path) > 1 else f" in entry {path[-1] + 1}"
    return f" in '{path[-1]}'"


def slug_problem(value: str) -> str | None:
    """Why value cannot be a slug ('is reserved ...'), or None when it can be one."""
    if value in RESERVED_SLUGS:
        return "is reserved for the section's own page"
    return None if SLUG.fullmatch(value) else f"may contain only {SLUG_RULE}"


@dataclass
class Fields:
    """One document being checked: its path, its values and lines, and the problems found so far."""

    path: str
    document: Located
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: KeyPath, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.path, self.document.line(*where), message, warning))

    def mapping(self, value: Any, where: KeyPath, what: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.problem(where, f"{what} must be a mapping of fields (name: value), got {found(value)}")
        return None

    def unknown_keys(self, mapping: dict, where: KeyPath, known: Iterable[str], what: str) -> None:
        known = tuple(known)
        for key in mapping:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
                self.problem((*where, key), f"unknown field '{key}' in {what}{hint}", warning=True)

    def present(self, mapping: dict, key: str, where: KeyPath, required: bool, hint: str = "") -> bool:
        """Whether mapping has a value for key; a required key that is missing or empty is a problem.

        An optional key left empty ('actors:' with nothing after it) counts as absent.
        """
        if mapping.get(key) is not None:
            return True
        if required:
            hint = f": {hint}" if hint else ""
            if key in mapping:
                self.problem((*where, key), f"'{key}' is empty{where_in(where)}{hint}")
            else:
                self.problem(where, f"'{key}' is required{where_in(where)}{hint}")
        return False

    def text(self, mapping: dict, key: str, where: KeyPath, required: bool = False) -> str | None:
        """A non-empty string field; numbers are taken as their text (a title such as 1984)."""
        if not self.present(mapping, key, where, required):
            return None
        value = mapping[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, bool):
            self.problem(
                (*where, key),
                f"'{key}' must be text, got true/false (yes, no, on and off are too): put the value in quotes",
            )
            return None
        if not isinstance(value, str):
            self.problem((*where, key), f"'{key}' must be text, got {found(value)}")
            return None
        if not value.strip():
            self.problem((*where, key), f"'{key}' is empty{where_in(where)}")
            return None
        self.invisible(value, key, (*where, key))
        return value.strip()

    def invisible(self, value: str, what: str, where: KeyPath) -> None:
        """A warning for an invisible control character (pasted, or a YAML escape such as "\\a")."""
        control = CONTROL.search(value)
        if control:
            self.problem(
                where,
                f"'{what}' contains the invisible control character U+{ord(control.group()):04X}: remove it",
                warning=True,
            )

    def text_list(self, mapping: dict, key: str, where: KeyPath, required: bool = False) -> list[tuple[str, KeyPath]]:
        """A list of strings, each with its own path (for the line of an unknown reference)."""
        if not self.present(mapping, key, where, required, "give a list with at least one entry"):
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.problem((*where, key), f"'{key}' must be a list (like [a, b] or '- a' lines), got {found(value)}")
            return []
        if required and not value:
            self.problem((*where, key), f"'{key}' is empty: give at least one entry")
        items = []
        for index, item in enumerate(value):
            if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
                self.invisible(str(item), key, (*where, key, index))
                items.append((str(item).strip(), (*where, key, index)))
            else:
                self.problem((*where, key, index), f"each entry of '{key}' must be a name, got {found(item)}")
        return items

    def mapping_list(self, mapping: dict, key: str, where: KeyPath, fields: str) -> list[tuple[dict, KeyPath]]:
        """A list of mappings; fields names their fields for messages ('speaker: and text:')."""
        if not self.present(mapping, key, where, False):
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.problem((*where, key), f"'{key}' must be a list of entries with {fields}, got {found(value)}")
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                items.append((item, (*where, key, index)))
            else:
                self.problem((*where, key, index), f"each entry of '{key}' must have {fields}, got {found(item)}")
        return items

    def boolean(self, mapping: dict, key: str, where: KeyPath, default: bool) -> bool:
        value = mapping.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem((*where, key), f"'{key}' must be true or false, got {found(value)}")
            return default
        return value

    def slug(self, value: str, where: KeyPath, what: str) -> bool:
        reason = slug_problem(value)
        if reason:
            self.problem(where, f"{what} '{value}' {reason}")
        return reason is None

    def url(self, mapping: dict, key: str, where: KeyPath, required: bool = False) -> str | None:
        value = self.text(mapping, key, where, required)
        if value is None:
            return None
        if not re.match(r"^https?://[^\s/]+", value):
            self.problem(
                (*where, key), f"'{key}' must be a web address starting with http:// or https://, got '{value}'"
            )
            return None
        return value
