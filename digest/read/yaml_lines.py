"""YAML text -> plain values plus the line of every value; front matter split that keeps offsets.

Only the YAML core schema is accepted (no Python or custom tags). Before anything is built, the
parser's events are screened: a document nested deeper than MAX_DEPTH or whose aliases would expand
past MAX_ALIAS_VALUES is refused, not loaded. A shallow document without anchors, such as a front
matter, needs no screen (see UNSCREENED_LEVELS).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

KeyPath = tuple[Any, ...]
"""Where a value sits in a document: ('quotes', 0, 'text')."""

TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = ("str", "int", "float", "bool", "null", "timestamp")
_SCALAR_TAGS = frozenset(TAG + name for name in SCALAR_TAGS)
_TEXT_TAGS = frozenset((TAG + "str", TAG + "timestamp"))
_MAP_TAGS = frozenset((TAG + "map",))
_SEQ_TAGS = frozenset((TAG + "seq",))
MAX_DEPTH = 32
"""Content nests three levels deep; far deeper is hostile (and libyaml's composer recurses in C)."""
MAX_ALIAS_VALUES = 10_000
"""Values that aliases may add by repeating anchored ones; a billion-laughs document needs billions."""
UNSCREENED_LEVELS = 200
"""A document without '&' that cannot nest deeper than this is composed and converted without the
screen: with no anchor it holds no alias, and libyaml's composer, which recurses in C (some 340 bytes
of stack a level), survives 200 levels on the smallest thread stack in use (musl's 128 KB). Its depth
is checked as it is converted. One with anything to say is read again behind the screen, which says
the same as always, first things first. A front matter's bound is some 30 to 100."""
_SCALARS = yaml.constructor.SafeConstructor()
EDITOR_LINES = re.compile("[\x85\u2028\u2029]")
"""YAML 1.1 breaks lines at U+0085, U+2028 and U+2029 (text pasted from the web carries them); editors
do not. As spaces, they read as YAML would fold them, and every line number stays the editor's. (A
pattern, not str.translate: translate looks up every character of every file in its table.)"""

FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""A line '---' or '...', maybe followed by whitespace (re's and str.rstrip's are the same characters)."""

_MEANINGS = (
    # (words in libyaml's message, what the curator should read); {char} is the character at fault
    ("while scanning an alias", "'{char}' cannot start a value in YAML: put the value in quotes"),
    ("while scanning an anchor", "'{char}' cannot start a value in YAML: put the value in quotes"),
    ("while scanning a block scalar", "'{char}' cannot start a value in YAML: put the value in quotes"),
    ("cannot start any token", "'{char}' cannot start a value in YAML: put the value in quotes"),
    (
        "found undefined alias",
        "'{char}' starts an alias in YAML, and no '&' anchor has that name: put the value in quotes",
    ),
    (
        "mapping values are not allowed",
        "a ':' here is read as a new field: put the value in quotes (title: \"Iraq: the vote\") or fix the indentation",
    ),
    ("quoted scalar found unexpected end", "a quoted value is not closed: add the closing quote"),
    ("did not find expected ',' or ']'", "a list in [brackets] is not closed: expected ',' or ']'"),
    ("did not find expected ',' or '}'", "a mapping in {{braces}} is not closed: expected ',' or '}}'"),
    ("could not find expected ':'", "expected 'name: value' here: is a ':' missing?"),
    (
        "did not find expected key",
        "expected a 'name: value' line here: check the indentation, or put the whole value in quotes",
    ),
    ("did not find expected '-' indicator", "expected a '- ' list item here: check the indentation"),
    ("but found another document", "a second document (a '---' line) in the file: there must be only one"),
    # libyaml 0.2.5's own limit (PyYAML 6.0.4's wheels): its scanner reads a run of '[' to the end before
    # the screen sees an event, so the refusal is said here in the screen's words
    ("exceeded maximum nesting depth", f"refused: values nested more than {MAX_DEPTH} levels deep"),
)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


@dataclass(frozen=True)
class Located:
    """A parsed document and the 1-based file line of each value, keyed by its path."""

    value: Any
    lines: dict[KeyPath, int]
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
    opening, _, rest = text.partition("\n")
    if opening.rstrip() != "---":
        raise YamlProblem(1, "no front matter: the file must start with a line '---', then the fields, then '---'")
    closing = FRONT_MATTER_END.search(rest)
    if closing is None:
        raise YamlProblem(1, "front matter is not closed: no line '---' after the fields")
    front = rest[: max(closing.start() - 1, 0)]  # without the line break before the closing line
    if not front.strip():
        raise YamlProblem(1, "front matter is empty: expected fields such as 'title:' between the '---' lines")
    return FrontMatter(front, 2, rest[closing.end() + 1 :])


def load(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document into plain values, recording each value's file line."""
    text = EDITOR_LINES.sub(" ", text)
    if "&" not in text and _most_levels(text) <= UNSCREENED_LEVELS:
        located = _unscreened(text, first_line)
        if located is not None:
            return located
    try:
        _screen(text, first_line)
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.reader.ReaderError as error:
        raise _reader_problem(error, text, first_line) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text, first_line) from None
    return _located(node, first_line)


def _most_levels(text: str) -> int:
    """More levels than the document can nest: each opens with a flow bracket, a '-' or '?' indicator,
    or a new line (block mappings nest by indentation)."""
    return sum(map(text.count, ("\n", "[", "{", "-", "?")))


def _unscreened(text: str, first_line: int) -> Located | None:
    """The document, or None when it has anything to say: a syntax error, a refusal, a key given twice."""
    try:
        located = _located(yaml.compose(text, Loader=SafeLoader), first_line)
    except (yaml.YAMLError, YamlProblem):
        return None
    return None if located.problems else located


def _located(node: yaml.Node | None, first_line: int) -> Located:
    lines: dict[KeyPath, int] = {}
    state = _State(first_line)
    value = None if node is None else _convert(node, (), lines, state)
    return Located(value, lines, tuple(state.problems))


@dataclass
class _Open:
    """A collection being screened: how many values and levels it holds so far, aliases expanded."""

    anchor: str | None
    values: int = 1
    depth: int = 1


def _screen(text: str, first_line: int) -> None:
    """Refuse deep nesting, alias bombs and self-containing aliases, counting without expanding.

    The parser's events come lazily, so a hostile document is refused after reading only as much
    of it as it takes to see the problem.
    """
    anchors: dict[str, tuple[int, int]] = {}
    """Anchor -> (values, depth) of what it names."""
    stack: list[_Open] = []
    expanded = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        line = first_line + event.start_mark.line
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(line)
            stack.append(_Open(event.anchor))
        elif isinstance(event, yaml.AliasEvent):
            if any(open_.anchor == event.anchor for open_ in stack):
                raise YamlProblem(line, f"refused: the alias '*{event.anchor}' is inside the value it names")
            values, depth = anchors.get(event.anchor, (1, 0))  # an unknown anchor is the composer's to report
            expanded += values
            if expanded > MAX_ALIAS_VALUES:
                raise YamlProblem(
                    line, f"refused: aliases expand to more than {MAX_ALIAS_VALUES:,} values (an alias bomb?)"
                )
            if len(stack) + depth > MAX_DEPTH:
                raise YamlProblem(line, f"refused: values nested more than {MAX_DEPTH} levels deep (through aliases)")
            _close(stack, anchors, None, values, depth)
        elif isinstance(event, yaml.ScalarEvent):
            _close(stack, anchors, event.anchor, 1, 0)
        elif isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            _close(stack, anchors, done.anchor, done.values, done.depth)


def _close(
    stack: list[_Open], anchors: dict[str, tuple[int, int]], anchor: str | None, values: int, depth: int
) -> None:
    """Count a finished value into its parent, and remember its size when it is anchored."""
    if anchor is not None:
        anchors[anchor] = (values, depth)
    if stack:
        stack[-1].values += values
        stack[-1].depth = max(stack[-1].depth, depth + 1)


def _too_deep(line: int) -> YamlProblem:
    return YamlProblem(line, f"refused: values nested more than {MAX_DEPTH} levels deep")


@dataclass
class _State:
    first_line: int
    problems: list[tuple[int, str]] = field(default_factory=list)


def _reader_problem(error: yaml.reader.ReaderError, text: str, first_line: int) -> YamlProblem:
    """A character YAML does not allow (control characters): said with its line, found by value."""
    character = chr(error.character) if isinstance(error.character, int) else str(error.character)
    index = max(text.find(character), 0)
    return YamlProblem(
        first_line + text.count("\n", 0, index),
        f"the invisible control character U+{ord(character[:1] or ' '):04X} is not allowed in YAML: remove it",
    )


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, first_line: int) -> YamlProblem:
    """libyaml's error in the curator's words, at the line to fix: where an unclosed quote or bracket
    opens, else where the parser stopped."""
    context = error.context or ""
    opening = context.startswith(("while scanning", "while parsing a flow"))
    mark = (error.context_mark if opening else None) or error.problem_mark or error.context_mark
    source_lines = text.split("\n")
    problem_line = error.problem_mark.line if error.problem_mark else 0
    problem_source = source_lines[problem_line] if problem_line < len(source_lines) else ""
    if "\t" in problem_source[: len(problem_source) - len(problem_source.lstrip())] or "tab" in (error.problem or ""):
        return YamlProblem(first_line + problem_line, "a tab is used for indentation; YAML allows only spaces")
    line = mark.line if mark else 0
    source = source_lines[line] if line < len(source_lines) else ""
    char = source[mark.column : mark.column + 1] if mark else ""
    words = f"{context} {error.problem or ''}"
    for found, meaning in _MEANINGS:
        if found in words:
            return YamlProblem(first_line + line, meaning.format(char=char))
    detail = " ".join(part for part in (error.problem, f"({context})" if context else "") if part)
    return YamlProblem(first_line + line, f"invalid YAML: {detail}")


def _convert(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], state: _State) -> Any:
    line = state.first_line + node.start_mark.line
    lines.setdefault(path, line)
    if isinstance(node, yaml.ScalarNode):
        return _convert_scalar(node, line)
    if len(path) >= MAX_DEPTH:  # when the screen ran, it refused this first
        raise _too_deep(line)
    if isinstance(node, yaml.MappingNode):
        _check_tag(node, line, _MAP_TAGS)
        return _convert_mapping(node, path, lines, state)
    _check_tag(node, line, _SEQ_TAGS)
    return [_convert(item, (*path, i), lines, state) for i, item in enumerate(node.value)]


def _check_tag(node: yaml.Node, line: int, allowed: frozenset[str]) -> None:
    tag = node.tag
    if tag not in allowed:
        shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
        raise YamlProblem(line, f"the tag '{shown}' is not allowed; only plain YAML values are accepted")


def _convert_mapping(node: yaml.MappingNode, path: KeyPath, lines: dict[KeyPath, int], state: _State) -> dict:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key_line = state.first_line + key_node.start_mark.line
        if key_node.tag == TAG + "merge":
            raise YamlProblem(key_line, "merge keys ('<<') are not supported; write the fields out")
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_line, "a key must be a plain name, got a list or mapping")
        key = _convert_scalar(key_node, key_line)
        key = key if isinstance(key, str) else str(key)
        key_path = (*path, key)
        if key in result:
            state.problems.append((key_line, f"'{key}' is given twice (first at line {lines[key_path]})"))
            continue
        lines[key_path] = key_line
        result[key] = _convert(value_node, key_path, lines, state)
    return result


def _convert_scalar(node: yaml.Node, line: int) -> Any:
    if node.tag in _TEXT_TAGS:
        return node.value  # dates are parsed (and checked) by validation, not by YAML
    _check_tag(node, line, _SCALAR_TAGS)
    try:
        # The constructor's method itself: construct_object() would keep every node for ever.
        return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)
    except (ValueError, KeyError, IndexError):  # IndexError: PyYAML's int constructor given '' ('n: !!int')
        tag = node.tag[len(TAG) :]
        raise YamlProblem(line, f"'{node.value}' is not a valid !!{tag}: remove the tag or fix the value") from None
