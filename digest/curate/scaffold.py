"""New drafts: a slug from a title, a free place in the tree, and a front matter with every field in place.

`digest new` and `digest import` both plan their files here. A slug already used anywhere in the tree
(as a file name or a `slug:` field) is refused with the file that holds it, so nothing is overwritten.
Writes nothing: the CLI writes what is planned, and refuses to replace a file that appeared meanwhile.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from digest.check.aliases import AliasTable
from digest.check.articles import validate
from digest.check.placeholders import placeholder
from digest.curate.companions import companion_path
from digest.curate.mentions import Matcher, Mention, matchers, ranked, times, words
from digest.curate.reprints import url_key
from digest.model import Content, Registries
from digest.problems import ContentError, errors_in
from digest.read.tree import ARTICLES_DIR, RawArticle, display_path, read_content
from digest.site.urls import slugify

REFERENCE_HINTS = {
    "regions": "at least one region of regions.yml, e.g. iraq",
    "actors": "actors of actors.yml",
    "themes": "themes of themes.yml",
}


class SlugTaken(Exception):
    pass


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str
    what: str
    """For the report: 'draft' or 'extracted text'."""


@dataclass(frozen=True)
class Suggested:
    slug: str
    name: str
    mentions: int


@dataclass(frozen=True)
class Draft:
    title: str
    date: dt.date
    date_found: bool
    """False when the date is today's because the input gave none: the draft says so."""
    source_name: str | None = None
    source_url: str | None = None
    language: str = "en"
    suggestions: dict[str, list[Suggested]] = field(default_factory=dict)
    """Registry name -> entries mentioned, most mentioned first."""
    quotes: list[tuple[str | None, str]] = field(default_factory=list)
    """(speaker or None, verbatim text)."""
    outlets: list[str] = field(default_factory=list)
    """Media actors the text names: hints for a source it does not state."""


@dataclass
class Workspace:
    """What a new draft must know of the content tree: registries, articles, and the slugs taken."""

    content_dir: Path
    root: Path
    content: Content
    matchers: dict[str, Matcher]
    tables: dict[str, AliasTable]
    taken: dict[str, str]
    """Slug -> the file that uses it, relative to the root."""
    addresses: dict[str, str] = field(default_factory=dict)
    """reprints.url_key of every source.url and also_published url, drafts included -> the file naming it."""

    @classmethod
    def load(cls, content_dir: Path, root: Path, today: dt.date) -> Workspace:
        """Raises ContentError when the registries have errors; problems in articles do not matter here."""
        raw = read_content(content_dir, root)
        content, problems = validate(raw, today)
        registry_errors = [p for p in errors_in(problems) if p.path.endswith(".yml")]
        if registry_errors:
            raise ContentError(registry_errors)
        taken = {}
        for article in raw.articles:
            slug = article.front.value.get("slug") if isinstance(article.front.value, dict) else None
            taken.setdefault(slug if isinstance(slug, str) else article.stem, article.path)
            taken.setdefault(article.stem, article.path)
        tables = _tables(content.registries)
        return cls(content_dir, root, content, matchers(content.registries), tables, taken, _addresses(raw.articles))

    def place(self, slug: str, day: dt.date) -> tuple[Path, Path]:
        """(draft path, extracted text path) for a new slug; raises SlugTaken naming the file that has it."""
        folder = self.content_dir / ARTICLES_DIR / f"{day:%Y}" / f"{day:%m}"
        paths = (folder / f"{slug}.md", companion_path(folder / f"{slug}.md"))
        if slug in self.taken:
            raise SlugTaken(f"the slug '{slug}' is already used by {self.taken[slug]}")
        for path in paths:
            if path.exists():
                raise SlugTaken(f"{display_path(path, self.root)} already exists")
        return paths

    def mentions(self, text: str) -> dict[str, list[Mention]]:
        """Registry name -> every mention of its entries in the text."""
        tokens = words(text)
        return {name: matcher.find(text, tokens) for name, matcher in self.matchers.items()}

    def holder(self, url: str) -> str | None:
        """The file that already names this address (as the same page: see reprints.url_key), if any."""
        return self.addresses.get(url_key(url))

    def reserve(self, slug: str, path: Path, urls: tuple[str, ...] = ()) -> None:
        self.taken[slug] = display_path(path, self.root)
        for url in urls:
            self.addresses.setdefault(url_key(url), self.taken[slug])


def _addresses(articles: list[RawArticle]) -> dict[str, str]:
    """Read from the front matter as written, so that a draft with errors still counts."""
    found: dict[str, str] = {}
    for article in articles:
        front = article.front.value if isinstance(article.front.value, dict) else {}
        also = front.get("also_published")
        for entry in [front.get("source"), *(also if isinstance(also, list) else [])]:
            url = entry.get("url") if isinstance(entry, dict) else None
            if isinstance(url, str) and url.strip():
                found.setdefault(url_key(url), article.path)
    return found


def _tables(registries: Registries) -> dict[str, AliasTable]:
    """Alias tables for suggestions, rebuilt from the valid entries."""
    tables = {}
    for name in ("regions", "actors", "themes"):
        table = tables[name] = AliasTable()
        for slug, entry in getattr(registries, name).items():
            table.add_slug(slug, entry.name)
        for slug, entry in getattr(registries, name).items():
            for alias in (entry.name, *entry.aliases):
                table.add_alias(slug, alias)
    return tables


def suggest(workspace: Workspace, mentions: dict[str, list[Mention]]) -> dict[str, list[Suggested]]:
    """Registry name -> the entries mentioned, most mentioned first."""
    registries = workspace.content.registries
    entries = {"regions": registries.regions, "actors": registries.actors, "themes": registries.themes}
    return {
        name: [Suggested(slug, entries[name][slug].name, count) for slug, count in ranked(found)]
        for name, found in mentions.items()
    }


def plan_new(workspace: Workspace, title: str, today: dt.date, slug: str | None = None) -> Planned:
    """`digest new`: a draft dated today, with the entries its title mentions already suggested."""
    slug = slug or slugify(title)
    if not slug:
        raise SlugTaken(f"cannot make a slug from the title {title!r}: give one with --slug")
    path, _ = workspace.place(slug, today)
    draft = Draft(title=title, date=today, date_found=True, suggestions=suggest(workspace, workspace.mentions(title)))
    return Planned(path, draft_text(draft, slug), "draft")


def draft_text(draft: Draft, slug: str) -> str:
    """The article file: front matter with every field of the contract, and an empty body for the curator's notes."""
    lines = ["---", f"title: {scalar(draft.title)}"]
    lines.append(
        f"date: {draft.date.isoformat()}"
        + ("" if draft.date_found else "  # not found in the text: today's date; set the date of the original report")
    )
    lines += _source_lines(draft)
    lines.append(f"language: {draft.language}")
    for name in ("regions", "actors", "themes"):
        lines += _reference_lines(name, draft.suggestions.get(name, []))
    lines.append(
        f"summary: {scalar(placeholder('one paragraph in your own words: what happened, who did it, why it matters'))}"
    )
    lines += _quote_lines(draft.quotes)
    lines += [
        "also_published: []  # reprints of the same report: - {name: ..., url: https://...}",
        f"slug: {slug}",
        "draft: true",
        "---",
    ]
    return "\n".join(lines) + "\n"


def _source_lines(draft: Draft) -> list[str]:
    if draft.source_name:
        name = scalar(draft.source_name)
    else:
        hint = f"  # the text names: {', '.join(draft.outlets)}" if draft.outlets else ""
        name = scalar(placeholder("the outlet that published the report")) + hint
    url = f"url: {scalar(draft.source_url)}" if draft.source_url else "url:  # optional: https://..."
    return ["source:", f"  name: {name}", f"  {url}"]


def _reference_lines(name: str, suggested: list[Suggested]) -> list[str]:
    if not suggested:
        if name == "regions":
            return ["regions:", f"  - {scalar(placeholder(REFERENCE_HINTS[name]))}"]
        return [f"{name}: []  # {REFERENCE_HINTS[name]}"]
    width = max(len(s.slug) for s in suggested)
    lines = [f"{name}:  # mentioned in the text, most first: keep what the article is about"]
    for item in suggested:
        lines.append(f"  - {item.slug.ljust(width)}  # {item.name}: {times(item.mentions)}")
    return lines


def _quote_lines(quotes: list[tuple[str | None, str]]) -> list[str]:
    if not quotes:
        return ["quotes: []  # - {speaker: ..., text: ...}"]
    lines = ["quotes:  # candidates, verbatim from the text: keep the telling ones, check each speaker"]
    for speaker, text in quotes:
        lines.append(f"  - speaker: {scalar(speaker or placeholder('who said this'))}")
        lines.append(f"    text: {scalar(text)}")
    return lines


def scalar(value: str) -> str:
    """One YAML scalar on one line, quoted only when YAML needs it."""
    dumped = yaml.safe_dump(" ".join(value.split()), allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
