"""Every registry alias mentioned in a text, in one pass: a trie of normalised aliases walked over words.

A run of words matches an alias when the words, normalised (resolve.normalise) and joined, equal the
normalised alias, so 'Kata’ib Hezbollah', 'KATAIB-HEZBOLLAH' and 'kataib hezbollah' all match the alias
'Kata'ib Hezbollah', and 'Iraq’s' matches 'Iraq'. At each word the longest match wins and the scan
resumes after it, so 'Kata'ib Hezbollah' is not also counted as 'Hezbollah'. Two rules keep common
words out: an alias written in capitals (an acronym: US, PA, KH) matches only capitals, and words are
joined only across a space or one joining mark (-, ', .), never across a comma or a line break. An
Arabic word may carry a one-letter prefix (و، ف، ب، ك، ل, as in والنجباء). Knows nothing of files.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from digest.check.aliases import normalise
from digest.model import Registries
from digest.words import ENGLISH

WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed])+")
"""Letters and digits, with the combining marks (accents, harakat) and tatweel they carry."""
JOINING_GAP = re.compile(r"[ \t\u00a0]+|[-‐‑–'’‘ʼ.]")
ARABIC_PREFIXES = ("و", "ف")
ARABIC_PARTICLES = ("ب", "ك", "ل")
_END = ""
"""Trie key of a node's match: (slug, capitals_only)."""


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    key: str
    """The word normalised: casefolded letters and digits only."""


@dataclass(frozen=True)
class Mention:
    slug: str
    start: int
    end: int
    """Character offsets of the matched words in the text."""


def words(text: str) -> list[Word]:
    found = (Word(m.start(), m.end(), normalise(m.group())) for m in WORD.finditer(text))
    return [w for w in found if w.key]


class Matcher:
    """The aliases of one registry, matched against texts."""

    def __init__(self, aliases: Iterable[tuple[str, str]]):
        """aliases: (slug, alias) pairs; an alias already taken keeps its first slug, as in resolve."""
        self._root: dict = {}
        for slug, alias in aliases:
            key = normalise(alias)
            if key:
                node = self._root
                for char in key:
                    node = node.setdefault(char, {})
                node.setdefault(_END, (slug, _is_acronym(alias)))

    @classmethod
    def for_registry(cls, entries: dict) -> Matcher:
        """A matcher over every entry's slug, name and aliases (Region, Actor or Theme values)."""
        return cls((slug, alias) for slug, entry in entries.items() for alias in (slug, entry.name, *entry.aliases))

    def find(self, text: str, tokens: list[Word] | None = None) -> list[Mention]:
        tokens = words(text) if tokens is None else tokens
        found, index = [], 0
        while index < len(tokens):
            match = self._longest_at(text, tokens, index)
            if match is None:
                index += 1
                continue
            slug, last = match
            found.append(Mention(slug, tokens[index].start, tokens[last].end))
            index = last + 1
        return found

    def known_prefix(self, key: str) -> int:
        """Length of the longest alias key that key starts with (0 if none): 'iraqi' -> 4 ('iraq')."""
        node, longest = self._root, 0
        for length, char in enumerate(key, start=1):
            node = node.get(char)
            if node is None:
                break
            if _END in node:
                longest = length
        return longest

    def _longest_at(self, text: str, tokens: list[Word], first: int) -> tuple[str, int] | None:
        best = None
        for start_key in _variants(tokens[first].key):
            node, index, key = self._root, first, start_key
            while node is not None:
                node = _walk(node, key)
                if node is not None and _END in node:
                    slug, capitals_only = node[_END]
                    capitals = not capitals_only or _in_capitals(text[tokens[first].start : tokens[index].end])
                    if capitals and (best is None or index > best[1]):
                        best = (slug, index)
                index += 1
                if index == len(tokens) or not _joined(text, tokens[index - 1], tokens[index]):
                    break
                key = tokens[index].key
        return best


def matchers(registries: Registries) -> dict[str, Matcher]:
    """Registry name ('regions', 'actors', 'themes') -> its matcher."""
    return {
        "regions": Matcher.for_registry(registries.regions),
        "actors": Matcher.for_registry(registries.actors),
        "themes": Matcher.for_registry(registries.themes),
    }


def times(count: int) -> str:
    """'3 mentions', for the curator (the curation tools speak English)."""
    return ENGLISH.ngettext("%(num)s mention", "%(num)s mentions", count)


def ranked(mentions: Iterable[Mention]) -> list[tuple[str, int]]:
    """(slug, count), most mentioned first; ties go to the entry mentioned first."""
    mentions = list(mentions)
    counts = Counter(m.slug for m in mentions)
    first = {}
    for mention in mentions:
        first.setdefault(mention.slug, mention.start)
    return sorted(counts.items(), key=lambda item: (-item[1], first[item[0]], item[0]))


def _walk(node: dict, key: str) -> dict | None:
    for char in key:
        node = node.get(char)
        if node is None:
            return None
    return node


def _variants(key: str) -> Iterator[str]:
    """The word, then the word without an Arabic conjunction and/or preposition prefix."""
    for base in (key, *_without(key, ARABIC_PREFIXES)):
        yield base
        yield from _without(base, ARABIC_PARTICLES)
        if base.startswith("لل") and len(base) > 3:
            yield "ال" + base[2:]  # li + al- drops the alif: للعراق


def _without(key: str, prefixes: tuple[str, ...]) -> Iterator[str]:
    if len(key) > 3 and key[0] in prefixes:
        yield key[1:]


def _joined(text: str, before: Word, after: Word) -> bool:
    return JOINING_GAP.fullmatch(text, before.end, after.start) is not None


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _in_capitals(surface: str) -> bool:
    return not any(c.islower() for c in surface)
