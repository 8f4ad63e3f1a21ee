"""YAML text -> plain values plus the line of every value; front matter split that keeps offsets.

Only the YAML core schema is accepted (no Python or custom tags). libyaml parses the text once; its
events are screened as they come, and a document nested deeper than MAX_DEPTH or whose aliases
would expand past MAX_ALIAS_VALUES is refused, not loaded. The same events are built into values:
no node tree, and no second parse to get one.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

KeyPath = tuple[Any, ...]
"""Where a value sits in a document: ('quotes', 0, 'text')."""

TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = ("str", "int", "float", "bool", "null", "timestamp")
MAX_DEPTH = 32
"""Content nests three levels deep; far deeper is hostile (and libyaml's composer, unused here, recurses in C)."""
MAX_ALIAS_VALUES = 10_000
"""Values that aliases may add by repeating anchored ones; a billion-laughs document needs billions."""
_SCALARS = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()
ComposerError = yaml.composer.ComposerError
_STR = TAG + "str"
EDITOR_LINES = re.compile("[\x85\u2028\u2029]")
"""YAML 1.1 breaks lines at U+0085, U+2028 and U+2029 (text pasted from the web carries them); editors
do not. As spaces, they read as YAML would fold them, and every line number stays the editor's. (A
pattern, not str.translate: translate looks up every character of every file in its table.)"""

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
    text = EDITOR_LINES.sub(" ", text)
    try:
        return _Reader(first_line).read(yaml.parse(text, Loader=SafeLoader))
    except yaml.reader.ReaderError as error:
        raise _reader_problem(error, text, first_line) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text, first_line) from None


_KEY = object()
"""A mapping's next value is a key."""
_IN_KEY = object()
"""A mapping's key is a list or mapping (refused), still being read."""
_PAST = object()
"""A mapping's next value is read past: its key is given twice, or was refused."""


@dataclass
class _Sink:
    """What reading values records, in the order met: the line of each, keys given twice, refusals.

    The document has one; a value read past (the second of a key given twice) has its own, which
    matters only to an alias of an anchor inside it.
    """

    lines: list[tuple[KeyPath, int]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    refusals: list[YamlProblem] = field(default_factory=list)


@dataclass(frozen=True)
class _Anchored:
    """A value an anchor names, and what reading it recorded: an alias repeats both."""

    value: Any
    tag: str
    line: int
    path: KeyPath
    record: _Sink
    scalar: bool


@dataclass
class _Open:
    """A collection being read: its value so far and where it sits; for the screen, how many values
    and levels it holds so far, aliases expanded."""

    anchor: str | None
    value: Any
    path: KeyPath = ()
    sink: _Sink = field(default_factory=_Sink)
    line: int = 0
    tag: str = ""
    marks: tuple[int, int, int] = (0, 0, 0)
    """The lengths of the sink's lists when it opened: what it records comes after."""
    values: int = 1
    depth: int = 1
    key: Any = None
    """A mapping's key whose value comes next, or _KEY, _IN_KEY, _PAST; None in a list."""
    key_lines: dict[str, int] = field(default_factory=dict)


class _Reader:
    """The parser's events, taken once each: screened as they come, and built into plain values.

    The screen refuses at once, so a hostile document is refused after reading only as much of it
    as it takes to see the problem. What the composer would refuse (an undefined alias, an anchor
    given twice, a second document) and what the values break (tags, merge keys, list keys) is
    kept, and raised only once the whole text has parsed: a syntax error anywhere comes first, then
    the composer's, then the first refusal of a value.
    """

    def __init__(self, first_line: int):
        self.first_line = first_line
        self.stack: list[_Open] = []
        self.sizes: dict[str, tuple[int, int]] = {}
        """Anchor -> (values, depth) of what it names, for the screen."""
        self.expanded = 0
        self.anchors: dict[str, _Anchored] = {}
        self.document = _Sink()
        self.value: Any = None
        self.done = False
        """The first document is complete."""
        self.failure: yaml.MarkedYAMLError | None = None
        """The composer's refusal; nothing more is built after it."""

    def read(self, events: Iterable[yaml.Event]) -> Located:
        """The document's value and lines; raises the first refusal once every event is taken."""
        takers = self._TAKERS
        for event in events:
            takers[type(event)](self, event)
        if self.failure is not None:
            raise self.failure
        if self.document.refusals:
            raise self.document.refusals[0]
        return Located(self.value, dict(self.document.lines), tuple(self.document.problems))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        line = self.first_line + event.start_mark.line
        self._count(event.anchor, 1, 0)
        if self.failure is not None or self._anchor_taken(event):
            return
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        value, refusal = None, None
        try:
            value = _scalar_value(tag, event.value, line)
        except YamlProblem as problem:
            refusal = problem
        if event.anchor is not None:
            record = _Sink(refusals=[refusal] if refusal else [])
            self.anchors[event.anchor] = _Anchored(value, tag, line, (), record, scalar=True)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.key is _KEY:
            self._key(parent, tag, line, True, value, refusal)
            return
        _, sink = self._child(parent, line)
        if refusal is not None:
            sink.refusals.append(refusal)
        self._place(parent, value)

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        line = self.first_line + event.start_mark.line
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(line, f"refused: values nested more than {MAX_DEPTH} levels deep")
        mapping = isinstance(event, yaml.MappingStartEvent)
        frame = _Open(event.anchor, {} if mapping else [], key=_KEY if mapping else None)
        if self.failure is None and not self._anchor_taken(event):
            tag = event.tag
            if tag is None or tag == "!":
                tag = _RESOLVER.resolve(yaml.MappingNode if mapping else yaml.SequenceNode, None, event.implicit)
            parent = self.stack[-1] if self.stack else None
            if parent is not None and parent.key is _KEY:
                self._key(parent, tag, line, False)
                parent.key = _IN_KEY
            frame.path, frame.sink = self._child(parent, line)
            frame.line, frame.tag = line, tag
            frame.marks = (len(frame.sink.lines), len(frame.sink.problems), len(frame.sink.refusals))
            try:
                _check_tag(tag, line, ("map",) if mapping else ("seq",))
            except YamlProblem as problem:
                frame.sink.refusals.append(problem)
        self.stack.append(frame)

    def _end(self, event: yaml.CollectionEndEvent) -> None:
        done = self.stack.pop()
        self._count(done.anchor, done.values, done.depth)
        if self.failure is not None:
            return
        if done.anchor is not None:
            lines, problems, refusals = done.marks
            sink = done.sink
            record = _Sink(sink.lines[lines:], sink.problems[problems:], sink.refusals[refusals:])
            self.anchors[done.anchor] = _Anchored(done.value, done.tag, done.line, done.path, record, scalar=False)
        self._place(self.stack[-1] if self.stack else None, done.value)

    def _alias(self, event: yaml.AliasEvent) -> None:
        """Refuse self-containing aliases and alias bombs, counting without expanding; then repeat
        the value and what reading it recorded."""
        line = self.first_line + event.start_mark.line
        if any(open_.anchor == event.anchor for open_ in self.stack):
            raise YamlProblem(line, f"refused: the alias '*{event.anchor}' is inside the value it names")
        values, depth = self.sizes.get(event.anchor, (1, 0))  # an unknown anchor is the composer's to report
        self.expanded += values
        if self.expanded > MAX_ALIAS_VALUES:
            raise YamlProblem(
                line, f"refused: aliases expand to more than {MAX_ALIAS_VALUES:,} values (an alias bomb?)"
            )
        if len(self.stack) + depth > MAX_DEPTH:
            raise YamlProblem(line, f"refused: values nested more than {MAX_DEPTH} levels deep (through aliases)")
        self._count(None, values, depth)
        if self.failure is not None:
            return
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self.failure = ComposerError(None, None, "found undefined alias", event.start_mark)
            return
        parent = self.stack[-1] if self.stack else None
        record = anchored.record
        if parent is not None and parent.key is _KEY:
            refusal = record.refusals[0] if record.refusals else None
            self._key(parent, anchored.tag, anchored.line, anchored.scalar, anchored.value, refusal)
            return
        path, sink = self._child(parent, anchored.line)
        cut = len(anchored.path)
        sink.lines += [((*path, *inner[cut:]), inner_line) for inner, inner_line in record.lines]
        sink.problems += record.problems
        sink.refusals += record.refusals
        self._place(parent, copy.deepcopy(anchored.value))

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        if self.done and self.failure is None:
            self.failure = ComposerError(
                "expected a single document in the stream", None, "but found another document", event.start_mark
            )

    def _document_end(self, event: yaml.DocumentEndEvent) -> None:
        self.done = True

    def _stream(self, event: yaml.StreamStartEvent | yaml.StreamEndEvent) -> None:
        pass

    def _count(self, anchor: str | None, values: int, depth: int) -> None:
        """Count a finished value into its parent, and remember its size when it is anchored."""
        if anchor is not None:
            self.sizes[anchor] = (values, depth)
        if self.stack:
            parent = self.stack[-1]
            parent.values += values
            parent.depth = max(parent.depth, depth + 1)

    def _anchor_taken(self, event: yaml.NodeEvent) -> bool:
        """A second anchor of one name is the composer's refusal."""
        anchor = event.anchor
        if anchor is None or (anchor not in self.anchors and all(open_.anchor != anchor for open_ in self.stack)):
            return False
        self.failure = ComposerError(
            "found duplicate anchor; first occurrence", None, "second occurrence", event.start_mark
        )
        return True

    def _key(
        self, mapping: _Open, tag: str, line: int, scalar: bool, key: Any = None, refusal: YamlProblem | None = None
    ) -> None:
        """A key of the mapping: refused, read past when given twice, or the place of the next value."""
        mapping.key = _PAST
        if tag == TAG + "merge":
            refusal = YamlProblem(line, "merge keys ('<<') are not supported; write the fields out")
        elif not scalar:
            refusal = YamlProblem(line, "a key must be a plain name, got a list or mapping")
        if refusal is not None:
            mapping.sink.refusals.append(refusal)
            return
        key = key if isinstance(key, str) else str(key)
        first = mapping.key_lines.get(key)
        if first is not None:
            mapping.sink.problems.append((line, f"'{key}' is given twice (first at line {first})"))
            return
        mapping.key = key
        mapping.key_lines[key] = line
        mapping.sink.lines.append(((*mapping.path, key), line))

    def _child(self, parent: _Open | None, line: int) -> tuple[KeyPath, _Sink]:
        """Where a new value sits, and its sink; records its line unless its key did."""
        if parent is None:
            self.document.lines.append(((), line))
            return (), self.document
        if isinstance(parent.value, list):
            path = (*parent.path, len(parent.value))
            parent.sink.lines.append((path, line))
            return path, parent.sink
        if parent.key is _IN_KEY or parent.key is _PAST:
            return parent.path, _Sink()
        return (*parent.path, parent.key), parent.sink

    def _place(self, parent: _Open | None, value: Any) -> None:
        """A finished value into its parent."""
        if parent is None:
            self.value = value
        elif isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key is _IN_KEY:
            parent.key = _PAST
        elif parent.key is _PAST:
            parent.key = _KEY
        else:
            parent.value[parent.key] = value
            parent.key = _KEY

    _TAKERS: ClassVar[dict[type, Callable[[_Reader, Any], None]]] = {
        yaml.ScalarEvent: _scalar,
        yaml.MappingStartEvent: _start,
        yaml.SequenceStartEvent: _start,
        yaml.MappingEndEvent: _end,
        yaml.SequenceEndEvent: _end,
        yaml.AliasEvent: _alias,
        yaml.DocumentStartEvent: _document,
        yaml.DocumentEndEvent: _document_end,
        yaml.StreamStartEvent: _stream,
        yaml.StreamEndEvent: _stream,
    }


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


def _check_tag(tag: str, line: int, allowed: tuple[str, ...]) -> None:
    if not tag.startswith(TAG) or tag[len(TAG) :] not in allowed:
        shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
        raise YamlProblem(line, f"the tag '{shown}' is not allowed; only plain YAML values are accepted")


def _scalar_value(tag: str, text: str, line: int) -> Any:
    if tag == _STR:
        return text
    _check_tag(tag, line, SCALAR_TAGS)
    name = tag[len(TAG) :]
    if name in ("str", "timestamp"):
        return text  # dates are parsed (and checked) by validation, not by YAML
    try:
        return _SCALARS.yaml_constructors[tag](_SCALARS, yaml.ScalarNode(tag, text))
    except (ValueError, KeyError, IndexError):  # IndexError: an empty value ('n: !!int')
        raise YamlProblem(line, f"'{text}' is not a valid !!{name}: remove the tag or fix the value") from None
