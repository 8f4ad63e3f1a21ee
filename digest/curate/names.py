"""Names a text gives to people, groups and places: runs of capitalised words in running text.

Latin script only: Arabic has no capitals, so Arabic text yields no names. A run may hold particles
inside a name ('Council of Representatives', 'Akram al-Kaabi'); a possessive ends it ('Iraq’s'); a
title, role or calendar word splits it ('Foreign Minister Fuad Hussein' gives 'Fuad Hussein'). A word
capitalised only because it starts a sentence ('However', 'Speaking') is left out when it is a common
function word or the text also writes it in lowercase. Title-case headings are skipped. Knows nothing
of registries: the caller passes the spans it already knows and how to tell a derived word ('Iraqi').
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_](?:[\w’'‘-]*\w)?")
PARTICLES = frozenset(["of", "al", "el", "bin", "ibn", "abu", "abd", "de", "del", "da", "van", "von"])
"""Lowercase words that may stand inside a name, between capitalised words."""
SPLITTERS = frozenset(
    [
        "minister",
        "ministry",
        "president",
        "vice",
        "prime",
        "foreign",
        "interior",
        "defence",
        "defense",
        "secretary",
        "general",
        "deputy",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "commander",
        "head",
        "king",
        "queen",
        "prince",
        "crown",
        "emir",
        "ambassador",
        "envoy",
        "senator",
        "governor",
        "mayor",
        "director",
        "colonel",
        "lieutenant",
        "captain",
        "mr",
        "mrs",
        "ms",
        "dr",
        "professor",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "to",
        "with",
        "without",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "where",
        "after",
        "before",
        "since",
        "until",
        "amid",
        "among",
        "despite",
        "during",
        "however",
        "meanwhile",
        "moreover",
        "notably",
        "still",
        "also",
        "then",
        "there",
        "here",
        "according",
        "speaking",
        "asked",
        "not",
        "no",
        "yes",
        "all",
        "some",
        "many",
        "most",
        "several",
        "both",
        "each",
        "every",
        "one",
        "two",
        "three",
    ]
)
PLACE_WORDS = frozenset(["in", "at", "from", "near", "across", "inside", "outside", "around", "towards"])
"""Words that, just before a name, make it a place."""
OPENING_QUOTES = "\"“‘'«"
POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    words: tuple[str, ...]
    place: bool
    """Preceded by a place word ('in', 'from'): more likely a place than an actor."""


def find_names(
    text: str,
    known: Iterable[tuple[int, int]] = (),
    derived: Callable[[str], bool] = lambda run: False,
) -> list[Name]:
    """Every name in the text outside the known spans; derived(text) says a word or run is an inflection
    of a known name ('Iraqi', 'Middle Eastern'), which is then left out too."""
    covered = sorted(known)
    lowercase = {m.group() for m in WORD.finditer(text) if m.group()[0].islower()}
    found = []
    for run in _runs(text, lowercase):
        if derived(" ".join(w.group() for w in run)):
            continue
        for piece in _split(run, covered, derived):
            found.append(_name(text, piece))
    return found


def _runs(text: str, lowercase: set[str]) -> Iterator[list[re.Match]]:
    """Runs of capitalised words (with particles inside), per line, skipping title-case headings."""
    for line in re.finditer(r"[^\n]+", text):
        words = list(WORD.finditer(text, line.start(), line.end()))
        if _is_heading(words, line.group()):
            continue
        run: list[re.Match] = []
        for index, word in enumerate(words):
            joined = (
                bool(run)
                and text[run[-1].end() : word.start()] in (" ", "\u00a0")
                and not POSSESSIVE.search(run[-1].group())
            )
            if not joined and run:
                yield _trimmed(run)
                run = []
            if (_capitalised(word.group()) and not _sentence_word(text, word, lowercase)) or (
                run and word.group() in PARTICLES and index + 1 < len(words) and _capitalised(words[index + 1].group())
            ):
                run.append(word)
            elif run:
                yield _trimmed(run)
                run = []
        if run:
            yield _trimmed(run)


def _split(
    run: list[re.Match], covered: list[tuple[int, int]], derived: Callable[[str], bool]
) -> Iterator[list[re.Match]]:
    """Pieces of a run between known spans, titles and derived words."""
    piece: list[re.Match] = []
    for word in [*run, None]:
        if (
            word is None
            or _inside(word, covered)
            or POSSESSIVE.sub("", word.group()).casefold() in SPLITTERS
            or derived(word.group())
        ):
            piece = _trimmed(piece)
            if piece:
                yield piece
            piece = []
        else:
            piece.append(word)


def _name(text: str, piece: list[re.Match]) -> Name:
    start, end = piece[0].start(), piece[-1].end()
    surface = POSSESSIVE.sub("", text[start:end])
    before = re.findall(r"\w+", text[max(0, start - 20) : start])
    return Name(
        surface,
        start,
        start + len(surface),
        tuple(surface.split()),
        bool(before) and before[-1].casefold() in PLACE_WORDS,
    )


def _trimmed(run: list[re.Match]) -> list[re.Match]:
    """Without particles at either end."""
    while run and run[-1].group() in PARTICLES:
        run = run[:-1]
    while run and run[0].group() in PARTICLES:
        run = run[1:]
    return run


def _capitalised(word: str) -> bool:
    """'Hussein', 'Al-Ghasban', and a particle glued to a capitalised name: 'al-Kaabi'."""
    head, _, rest = word.partition("-")
    return word[0].isupper() or (head in PARTICLES and rest[:1].isupper())


def _sentence_word(text: str, word: re.Match, lowercase: set[str]) -> bool:
    """A word capitalised only because it starts a sentence."""
    index = word.start()
    while index > 0 and text[index - 1] != "\n" and (text[index - 1].isspace() or text[index - 1] in "(["):
        index -= 1
    quoted = index > 0 and text[index - 1] in OPENING_QUOTES
    if index > 0 and not quoted and text[index - 1] not in ".!?:;\n":
        return False
    plain = word.group().casefold()
    return plain in FUNCTION_WORDS or plain in lowercase


def _inside(word: re.Match, spans: list[tuple[int, int]]) -> bool:
    return any(start <= word.start() and word.end() <= end for start, end in spans)


def _is_heading(words: list[re.Match], line: str) -> bool:
    """A short title-case line without sentence punctuation: its capitals say nothing about names."""
    if not words or len(words) > 12 or line.rstrip()[-1:] in ".!?”\"":
        return False
    capitals = sum(1 for w in words if w.group()[0].isupper())
    return len(words) > 2 and capitals / len(words) >= 0.6
