"""Articles that look like the same report, found without comparing every pair.

Three signals, each with an index so that 3,000 articles cost a fraction of a second:
- the same address (a source or also_published URL): a dict of URL -> articles;
- near-identical text: each text becomes a set of hashed 4-word shingles; an inverted index from
  shingle to articles gives the few articles that share any, and only those are compared exactly
  (the share of the smaller text's shingles found in the other: a reprint may be cut or extended);
- near-identical titles (rapidfuzz, the normalised titles' edit-distance ratio) among the articles
  dated within a few days of each other (all of them when a date is unknown).
Knows nothing of files or front matter: the caller gives one Record per article.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

from courlan import normalize_url
from rapidfuzz import fuzz

SHINGLE = 4
TEXT_SHARE = 0.5
"""Share of the smaller text's shingles that must appear in the other."""
MIN_SHINGLES = 12
"""Texts shorter than this (in shingles) are too short to judge by text."""
COMMON_SHINGLE = 50
"""A shingle found in more articles than this is boilerplate ('according to a statement'): not indexed."""
TITLE_RATIO = 80
TITLE_DAYS = 3
WORD = re.compile(r"[^\W_]+")
MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
"""Accents, harakat and tatweel, which resolve.normalise ignores too."""
Features = tuple[frozenset[int], str]


@dataclass(frozen=True)
class Record:
    key: str
    """What the caller calls the article: its path."""
    title: str
    text: str
    day: dt.date | None = None
    urls: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    key: str
    """The other article's key."""
    reason: str
    """Why they look alike, for people: 'the titles are 84% alike'."""


@dataclass
class ReprintIndex:
    records: dict[str, Record] = field(default_factory=dict)
    _shingles: dict[str, frozenset[int]] = field(default_factory=dict)
    _postings: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    _urls: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _titles: dict[str, str] = field(default_factory=dict)
    _by_day: list[tuple[dt.date, str]] = field(default_factory=list)
    _undated: list[str] = field(default_factory=list)

    def add(self, record: Record, features: Features | None = None) -> None:
        shingles, title = features or features_of(record)
        self.records[record.key] = record
        self._shingles[record.key] = shingles
        for shingle in shingles:
            self._postings[shingle].append(record.key)
        for url in record.urls:
            self._urls[url_key(url)].append(record.key)
        self._titles[record.key] = title
        if record.day is None:
            self._undated.append(record.key)
        else:
            bisect.insort(self._by_day, (record.day, record.key))

    def similar(self, record: Record, features: Features | None = None) -> list[Match]:
        """The indexed articles (other than record itself) that look like the same report, most alike first."""
        shingles, title = features or features_of(record)
        found: dict[str, tuple[int, str]] = {}
        for url in record.urls:
            for key in self._urls.get(url_key(url), ()):
                found.setdefault(key, (300, f"both name the address {url}"))
        for key, share in self._text_matches(shingles):
            found.setdefault(key, (200 + round(share * 100), f"{round(share * 100)}% of the text is the same"))
        for key in self._dated_near(record.day):
            ratio = fuzz.ratio(title, self._titles[key], score_cutoff=TITLE_RATIO)
            if ratio:
                found.setdefault(key, (round(ratio), f"the titles are {round(ratio)}% alike"))
        found.pop(record.key, None)
        return [
            Match(key, reason) for key, (_, reason) in sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
        ]

    def _text_matches(self, shingles: frozenset[int]) -> list[tuple[str, float]]:
        if len(shingles) < MIN_SHINGLES:
            return []
        postings = (self._postings.get(shingle, ()) for shingle in shingles)
        shared = Counter(chain.from_iterable(p for p in postings if len(p) <= COMMON_SHINGLE))
        matches = []
        for key, count in shared.items():
            smaller = min(len(shingles), len(self._shingles[key]))
            if smaller >= MIN_SHINGLES and count / smaller >= TEXT_SHARE:
                matches.append((key, count / smaller))
        return matches

    def _dated_near(self, day: dt.date | None) -> list[str]:
        if day is None:
            return [key for _, key in self._by_day] + self._undated
        low = bisect.bisect_left(self._by_day, (day - dt.timedelta(days=TITLE_DAYS), ""))
        high = bisect.bisect_right(self._by_day, (day + dt.timedelta(days=TITLE_DAYS), "\uffff"))
        return [key for _, key in self._by_day[low:high]] + self._undated


def likely_reprints(records: list[Record]) -> list[tuple[Record, Record, str]]:
    """Each pair of records that look like the same report, once: (earlier, later, reason), in key order."""
    index = ReprintIndex()
    pairs = []
    for record in sorted(records, key=lambda r: (r.day or dt.date.min, r.key)):
        features = features_of(record)
        for match in index.similar(record, features)[:1]:
            pairs.append((index.records[match.key], record, match.reason))
        index.add(record, features)
    return sorted(pairs, key=lambda pair: (pair[1].key, pair[0].key))


def features_of(record: Record) -> Features:
    """(hashed word shingles of the text, normalised title): what the index compares."""
    words = _words(record.text)
    shingles = frozenset(hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1))
    return shingles, " ".join(_words(record.title))


def _words(text: str) -> list[str]:
    """Casefolded words without accents or harakat; one pass over the text, not one per word."""
    return WORD.findall(MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold())


def url_key(url: str) -> str:
    """The same page whatever its scheme, 'www.', port 80/443, trailing slash, fragment, order of parameters
    or tracking parameters (courlan's list: utm_*, fbclid, ref...); '?id=2' and '?id=3' stay apart."""
    with contextlib.suppress(ValueError):  # an address courlan cannot parse is compared as written
        url = normalize_url(url.strip())
    url = re.sub(r"^https?://(?:www\.)?", "", url.split("#")[0], flags=re.IGNORECASE)
    return url.rstrip("/").lower()
