"""`digest import`: a raw article -> a draft with suggestions, its extracted text, and what to tell the curator.

extract -> mentions (regions, actors, themes) -> names no registry knows -> candidate quotes -> reprints
of articles already in the tree. Plans files; writes nothing (the CLI writes, never over a file).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from digest.check.aliases import normalise
from digest.check.placeholders import placeholder
from digest.curate.companions import record_for
from digest.curate.extract import Extracted, extract
from digest.curate.mentions import Mention
from digest.curate.names import Name, find_names
from digest.curate.quotes import Person, candidate_quotes
from digest.curate.reprints import Match, Record, ReprintIndex
from digest.curate.scaffold import Draft, Planned, Workspace, draft_text, scalar, slugify, suggest
from digest.read.tree import display_path

DERIVED_SUFFIX = 3
"""'Iraqi', 'Syrian', 'Middle Eastern': a known name plus at most this many letters is an inflection of it."""
MIN_DERIVED_STEM = 4


@dataclass(frozen=True)
class Unknown:
    name: str
    registry: str
    """'actors.yml' or 'regions.yml' (a name after 'in', 'from'...)."""
    mentions: int
    hint: str = ""
    """'; did you mean ...?' when an entry is close."""


@dataclass(frozen=True)
class Imported:
    files: tuple[Planned, ...]
    unknown: tuple[Unknown, ...] = ()
    reprints: tuple[tuple[str, str, str], ...] = ()
    """(path of the existing article, reason, the also_published YAML to add to it)."""
    notes: tuple[str, ...] = ()
    """What the curator must check: a date or source the input did not give."""

    def report(self) -> list[str]:
        """What to tell the curator after the files are written, one line each."""
        lines = [f"  check: {note}" for note in self.notes]
        for unknown in self.unknown:
            times = f"{unknown.mentions} mention" + ("s" if unknown.mentions != 1 else "")
            lines.append(f"  not in {unknown.registry}: {unknown.name} ({times}){unknown.hint}")
        for path, reason, snippet in self.reprints:
            lines.append(f"  looks like a reprint of {path} ({reason}).")
            lines.append("  If it is the same report, delete the new draft and add this to that article instead:")
            lines += ["    " + line for line in snippet.split("\n")]
        return lines


@dataclass
class Importer:
    workspace: Workspace
    today: dt.date
    _index: ReprintIndex = field(default_factory=ReprintIndex)

    def __post_init__(self) -> None:
        for article in self.workspace.content.articles:
            self._index.add(record_for(article, self.workspace.root))

    def plan(self, data: bytes, input_name: str) -> Imported:
        """Raises extract.ExtractionFailed or scaffold.SlugTaken; reserves the slug for later inputs."""
        extracted = extract(data, input_name)
        file_name = PurePath(input_name).name
        title = extracted.title or placeholder("the article's title")
        slug = slugify(extracted.title or PurePath(input_name).stem) or "imported-article"
        day = extracted.date or self.today
        draft_path, text_path = self.workspace.place(slug, day)
        text = f"{extracted.title}\n\n{extracted.text}" if extracted.title else extracted.text
        mentions = self.workspace.mentions(text)
        names = find_names(text, [(m.start, m.end) for found in mentions.values() for m in found], self._derived)
        draft = Draft(
            title=title,
            date=day,
            date_found=extracted.date is not None,
            source_name=extracted.source_name,
            source_url=extracted.source_url,
            language=extracted.language or "en",
            suggestions=suggest(self.workspace, mentions),
            quotes=[(q.speaker, q.text) for q in candidate_quotes(text, self._people(text, mentions, names))],
            outlets=self._outlets(mentions),
        )
        files = (
            Planned(draft_path, draft_text(draft, slug), "draft"),
            Planned(
                text_path, _kept_text(extracted, file_name), "extracted text, kept for reference and never published"
            ),
        )
        record = Record(
            display_path(draft_path, self.workspace.root),
            title,
            extracted.text,
            extracted.date,
            frozenset(filter(None, [extracted.source_url])),
        )
        reprints = tuple(self._reprint(match, extracted) for match in self._index.similar(record))
        self.workspace.reserve(slug, draft_path)
        self._index.add(record)
        return Imported(files, tuple(self._unknown(names)), reprints, _notes(extracted))

    def _derived(self, run: str) -> bool:
        key = normalise(run)
        return any(
            stem >= MIN_DERIVED_STEM and len(key) - stem <= DERIVED_SUFFIX
            for stem in (matcher.known_prefix(key) for matcher in self.workspace.matchers.values())
        )

    def _unknown(self, names: list[Name]) -> list[Unknown]:
        """Names of two or more words that no alias matches, in order of first mention, with their count."""
        full = [n for n in names if len(n.words) > 1]
        counts = Counter(normalise(n.text) for n in full)
        counts.update(_surname_mentions(names, full))
        found: dict[str, Unknown] = {}
        tables = {"actors.yml": "actors", "regions.yml": "regions"}
        for name in full:
            key = normalise(name.text)
            if key not in found:
                registry = "regions.yml" if name.place else "actors.yml"
                hint = self.workspace.tables[tables[registry]].suggest(name.text)
                found[key] = Unknown(name.text, registry, counts[key], hint)
        return list(found.values())

    def _people(self, text: str, mentions: dict[str, list[Mention]], names: list[Name]) -> list[Person]:
        """Who may be a speaker: actors of kind person, unknown full names, and a surname standing for either."""
        actors = self.workspace.content.registries.actors
        people = [
            Person(m.start, m.end, actors[m.slug].name) for m in mentions["actors"] if actors[m.slug].kind == "person"
        ]
        people += [Person(n.start, n.end, n.text) for n in names if len(n.words) > 1]
        named = sorted(people, key=lambda p: p.start)
        for name in find_names(text):  # every capitalised word, known or not: 'Hussein' after 'Fuad Hussein'
            earlier = [p.name for p in named if p.end <= name.start and p.name.split()[-1] == name.text]
            if len(name.words) == 1 and earlier:
                people.append(Person(name.start, name.end, earlier[-1]))
        return sorted(people, key=lambda p: p.start)

    def _outlets(self, mentions: dict[str, list[Mention]]) -> list[str]:
        actors = self.workspace.content.registries.actors
        return list(dict.fromkeys(actors[m.slug].name for m in mentions["actors"] if actors[m.slug].kind == "media"))

    def _reprint(self, match: Match, extracted: Extracted) -> tuple[str, str, str]:
        existing = self._index.records[match.key]
        name = scalar(extracted.source_name) if extracted.source_name else "...  # the outlet that reprinted it"
        url = scalar(extracted.source_url) if extracted.source_url else "https://...  # the reprint's address"
        snippet = f"also_published:\n  - name: {name}\n    url: {url}"
        return existing.key, match.reason, snippet


def _surname_mentions(names: list[Name], full: list[Name]) -> Counter[str]:
    """A later 'Al-Ghasban' counts as a mention of 'Ghani Al-Ghasban'."""
    last_words = {n.words[-1]: normalise(n.text) for n in full}
    return Counter(last_words[n.text] for n in names if len(n.words) == 1 and n.text in last_words)


def _kept_text(extracted: Extracted, input_name: str) -> str:
    header = [f"Extracted by digest import from {input_name}; kept for reference, never published."]
    if extracted.source_url:
        header.append(f"Address: {extracted.source_url}")
    title = extracted.title or ""
    return "\n".join(header) + "\n\n" + (title + "\n\n" if title else "") + extracted.text.rstrip() + "\n"


def _notes(extracted: Extracted) -> tuple[str, ...]:
    notes = []
    if extracted.title is None:
        notes.append("no title found: write one in 'title'")
    if extracted.date is None:
        notes.append("no date found: the draft has today's date; set the date of the original report")
    if extracted.source_name is None:
        notes.append("no source found: name the outlet in 'source'")
    return tuple(notes)
