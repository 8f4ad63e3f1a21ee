"""YAML text -> plain values plus the line of every value; front matter split that keeps offsets.

Only the YAML core schema is accepted (no Python or custom tags), and a document whose aliases
expand to more than a bounded number of values is refused instead of being expanded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

Path = tuple[Any, ...]
"""Where a value sits in a document: ('quotes', 0, 'text')."""

TAG = "tag:yaml.org,2002:"
MAX_VALUES = 100_000
_SCALARS = yaml.constructor.SafeConstructor()


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


@dataclass(frozen=True)
class Located:
    """A parsed document and the 1-based file line of each value, keyed by its path."""

    value: Any
    lines: dict[Path, int]
    problems: tuple[tuple[int, str], ...] = ()
    """(line, message) for what was read past: a key given twice keeps its first value."""

    def line(self, *path: Any) -> int:
        """The line of the value at path, or of its closest enclosing value."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


@dataclass(frozen=True)
class FrontMatter:
    text: str
    first_line: int
    """File line of the first line of the front matter text (the line after '---')."""
    body: str


def split_front_matter(text: str) -> FrontMatter:
    """Split '---' front matter from the body. Raises YamlProblem when it is missing or unclosed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise YamlProblem(1, "no front matter: the file must start with a line '---', then the fields, then '---'")
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            front = "\n".join(lines[1:number])
            if not front.strip():
                raise YamlProblem(1, "front matter is empty: expected fields such as 'title:' between the '---' lines")
            return FrontMatter(front, 2, "\n".join(lines[number + 1 :]))
    raise YamlProblem(1, "front matter is not closed: no line '---' after the fields")


def load(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document into plain values, recording each value's file line."""
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text, first_line) from None
    except yaml.YAMLError as error:
        raise YamlProblem(first_line, f"invalid YAML: {error}") from None
    lines: dict[Path, int] = {}
    state = _State(first_line)
    value = None if node is None else _convert(node, (), lines, state)
    return Located(value, lines, tuple(state.problems))


@dataclass
class _State:
    first_line: int
    budget: int = MAX_VALUES
    problems: list[tuple[int, str]] = field(default_factory=list)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem:
    mark = error.context_mark or error.problem_mark
    line_index = mark.line if mark else 0
    source_lines = text.split("\n")
    source_line = source_lines[line_index] if line_index < len(source_lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or (
        error.problem and "\\t" in error.problem
    ):
        return YamlProblem(first_line + line_index, "a tab is used for indentation; YAML allows only spaces")
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return YamlProblem(first_line + line_index, f"invalid YAML: {detail}")


def _convert(node: yaml.Node, path: Path, lines: dict[Path, int], state: _State) -> Any:
    state.budget -= 1
    if state.budget < 0:
        raise YamlProblem(state.first_line, "refused: the YAML expands to too many values (aliases nested inside aliases?)")
    line = state.first_line + node.start_mark.line
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, path, lines, state)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, state) for i, item in enumerate(node.value)]
    return _convert_scalar(node, line)


def _convert_mapping(node: yaml.MappingNode, path: Path, lines: dict[Path, int], state: _State) -> dict:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key_line = state.first_line + key_node.start_mark.line
        if key_node.tag == TAG + "merge":
            raise YamlProblem(key_line, "merge keys ('<<') are not supported; write the fields out")
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_line, "a key must be a plain name, got a list or mapping")
        key = _convert_scalar(key_node, key_line)
        key = key if isinstance(key, str) else str(key)
        if key in result:
            state.problems.append((key_line, f"'{key}' is given twice (first at line {lines[path + (key,)]})"))
            continue
        lines[path + (key,)] = key_line
        result[key] = _convert(value_node, path + (key,), lines, state)
        lines[path + (key,)] = key_line
    return result


def _convert_scalar(node: yaml.Node, line: int) -> Any:
    tag = node.tag
    if not tag.startswith(TAG) or tag[len(TAG) :] not in ("str", "int", "float", "bool", "null", "timestamp"):
        shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
        raise YamlProblem(line, f"the tag '{shown}' is not allowed; only plain YAML values are accepted")
    if tag == TAG + "timestamp":
        return node.value  # dates are parsed (and checked) by validation, not by YAML
    if tag == TAG + "str":
        return node.value
    return _SCALARS.construct_object(node)
