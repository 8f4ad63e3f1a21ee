"""Candidate quotes: the quoted passages of a text, each with the nearest named speaker.

The speaker is the person named nearest to the quote within its paragraph, outside quotation marks;
'he' or 'she' there stands for the last person named before it. When the paragraph names nobody, the
quote goes to the last person named before it. Short quoted phrases (titles, scare quotes) are not
quotes. The caller says who the people are; this module knows nothing of registries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTED = re.compile(r"“([^“”]+)”|«\s*([^«»]+?)\s*»|\"([^\"\n]+)\"")
PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
MIN_WORDS = 6


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str
    """How the speaker is written in the draft: the registry name, or the full name in the text."""


@dataclass(frozen=True)
class Quote:
    text: str
    """Verbatim from the text, without the trailing comma that hands over to 'he said'."""
    speaker: str | None


def candidate_quotes(text: str, people: list[Person]) -> list[Quote]:
    """Each quote of at least MIN_WORDS words, in text order, with its speaker (None if nobody is named)."""
    spans = [(m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in QUOTED.finditer(text)]
    outside = sorted((p for p in people if not _quoted(p.start, p.end, spans)), key=lambda p: p.start)
    pronouns = [m for m in PRONOUN.finditer(text) if not _quoted(m.start(), m.end(), spans)]
    quotes = []
    for start, end, words in spans:
        if len(words.split()) < MIN_WORDS:
            continue
        quotes.append(Quote(words.strip().rstrip(",;: "), _speaker(text, start, end, outside, pronouns)))
    return quotes


def _speaker(text: str, start: int, end: int, people: list[Person], pronouns: list[re.Match]) -> str | None:
    first, last = _paragraph(text, start, end)
    candidates: list[tuple[int, int, str | None]] = []  # (distance, position, name or None for a pronoun)
    for person in people:
        if first <= person.start and person.end <= last:
            candidates.append((_distance(person.start, person.end, start, end), person.start, person.name))
    for pronoun in pronouns:
        if first <= pronoun.start() < last:
            candidates.append((_distance(pronoun.start(), pronoun.end(), start, end), pronoun.start(), None))
    if not candidates:
        return _last_named(people, start)
    _, position, name = min(candidates, key=lambda c: (c[0], c[1]))
    return name if name is not None else _last_named(people, position)


def _last_named(people: list[Person], before: int) -> str | None:
    named = [p.name for p in people if p.end <= before]
    return named[-1] if named else None


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(b_start - a_end, a_start - b_end, 0)


def _quoted(start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(s <= start and end <= e for s, e, _ in spans)
