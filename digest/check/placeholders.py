"""Placeholders that `digest new` and `digest import` leave for the curator: values starting 'TODO:'.

A draft may keep them (each is a warning, so `digest check` keeps reminding); a published article
may not (each is an error). Knows nothing of files; works on one article's front matter fields.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from digest.read.yaml_lines import KeyPath

MARK = "TODO:"
REFERENCE_FIELDS = ("regions", "actors", "themes")


def placeholder(what: str) -> str:
    """The placeholder text for a value the curator has to write: 'TODO: write the summary'."""
    return f"{MARK} {what}"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(MARK)


def placeholder_problems(fields: dict, draft: bool) -> Iterator[tuple[KeyPath, str, bool]]:
    """(where, message, warning) for each placeholder left in the front matter."""
    for where in _placeholders(fields):
        shown = ".".join(str(part) for part in where)
        if draft:
            yield where, f"'{shown}' is still a placeholder ({MARK} ...): write it before publishing", True
        else:
            yield where, f"'{shown}' is still a placeholder ({MARK} ...): write it, or set 'draft: true'", False


def _placeholders(fields: dict) -> Iterator[KeyPath]:
    for key in ("title", "summary"):
        if is_placeholder(fields.get(key)):
            yield (key,)
    source = fields.get("source")
    if is_placeholder(source):
        yield ("source",)
    elif isinstance(source, dict) and is_placeholder(source.get("name")):
        yield ("source", "name")
    for key in REFERENCE_FIELDS:
        values = fields.get(key)
        for index, value in enumerate(values if isinstance(values, list) else ()):
            if is_placeholder(value):
                yield (key, index)
    quotes = fields.get("quotes")
    for index, quote in enumerate(quotes if isinstance(quotes, list) else ()):
        for key in ("speaker", "text"):
            if isinstance(quote, dict) and is_placeholder(quote.get(key)):
                yield ("quotes", index, key)
