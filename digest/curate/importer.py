"""`digest import`: a raw article -> a draft with suggestions, its extracted text, and what to tell the curator.

extract -> mentions (regions, actors, themes) -> names no registry knows -> candidate quotes -> reprints
of articles already in the tree. An address the tree already names (drafts included) is refused.
Plans files; writes nothing (the CLI writes, never over a file, then keeps what it wrote).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from digest.check.aliases import normalise
from digest.check.placeholders import placeholder
from digest.curate.companions import record_for
from digest.curate.extract import Extracted, ExtractionFailed, extract
from digest.curate.fetch import PAGE_TYPES, Answer, Fetcher, FetchFailed
from digest.curate.mentions import Mention, times
from digest.curate.names import Name, find_names
from digest.curate.quotes import Person, candidate_quotes
from digest.curate.reprints import Match, Record, ReprintIndex
from digest.curate.scaffold import Draft, Planned, SlugTaken, Workspace, draft_text, scalar, suggest
from digest.read.tree import display_path
from digest.site.urls import slugify

DERIVED_SUFFIX = 3
"""'Iraqi', 'Syrian', 'Middle Eastern': a known name plus at most this many letters is an inflection of it."""
MIN_DERIVED_STEM = 4


class AlreadyInTree(Exception):
    def __init__(self, holder: str) -> None:
        super().__init__(f"already in the tree as {holder}")
        self.holder = holder


FAILURES = (OSError, ExtractionFailed, SlugTaken, FetchFailed, AlreadyInTree)
"""What stops one input and not the others: each says what happened, for people."""


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
    slug: str = ""
    record: Record | None = None
    """The new article as reprint detection sees it, for the inputs after it."""
    urls: tuple[str, ...] = ()
    """Its addresses: the source's, and every address asked for on the way to it."""

    def report(self) -> list[str]:
        """What to tell the curator after the files are written, one line each."""
        lines = [f"  check: {note}" for note in self.notes]
        for unknown in self.unknown:
            lines.append(f"  not in {unknown.registry}: {unknown.name} ({times(unknown.mentions)}){unknown.hint}")
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
        """A saved file or standard input; raises ExtractionFailed, SlugTaken or AlreadyInTree."""
        return self._plan(extract(data, input_name), PurePath(input_name).name, PurePath(input_name).stem, ())

    def plan_answer(self, answer: Answer, title: str | None = None, day: dt.date | None = None) -> Imported:
        """A fetched page; title and day (a feed item's) stand in for what the page does not say."""
        self.refuse_known(answer.asked)
        extracted = extract(answer.body, answer.url, answer.content_type, answer.url)
        extracted = replace(extracted, title=extracted.title or title, date=extracted.date or day)
        return self._plan(extracted, answer.url, PurePath(answer.url.split("?")[0]).stem, answer.asked)

    def refuse_known(self, urls: tuple[str, ...]) -> None:
        """Raises AlreadyInTree naming the file when the tree already has one of these addresses."""
        for url in urls:
            holder = self.workspace.holder(url)
            if holder:
                raise AlreadyInTree(holder)

    def plan_address(
        self, url: str, fetcher: Fetcher, title: str | None = None, day: dt.date | None = None
    ) -> Imported:
        """Fetch the page at url (unless the tree has it already) and plan its draft; raises FetchFailed too."""
        self.refuse_known((url,))
        return self.plan_answer(fetcher.get(url, PAGE_TYPES), title, day)

    def keep(self, imported: Imported) -> None:
        """After the CLI wrote the files: later inputs see the new slug, its addresses and its text."""
        self.workspace.reserve(imported.slug, imported.files[0].path, imported.urls)
        if imported.record is not None:
            self._index.add(imported.record)

    def _plan(self, extracted: Extracted, input_name: str, stem: str, asked: tuple[str, ...]) -> Imported:
        urls = tuple(dict.fromkeys(filter(None, [extracted.source_url, *asked])))
        self.refuse_known(urls)
        title = extracted.title or placeholder("the article's title")
        slug = slugify(extracted.title or stem) or "imported-article"
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
                text_path, _kept_text(extracted, input_name), "extracted text, kept for reference and never published"
            ),
        )
        shown = display_path(draft_path, self.workspace.root)
        record = Record(shown, title, extracted.text, extracted.date, frozenset(urls))
        reprints = tuple(self._reprint(match, extracted) for match in self._index.similar(record))
        return Imported(files, tuple(self._unknown(names)), reprints, _notes(extracted), slug, record, urls)

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
