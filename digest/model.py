"""The content model: frozen dataclasses for articles and registries. No I/O, no validation."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from digest.words import N_


@dataclass(frozen=True)
class Label:
    """How the site names a kind of entry, in English: the catalogues translate it where it is shown."""

    one: str
    """An entry's kind on its page, a table's column: 'State', 'Region'."""
    many: str
    """The heading over entries of the kind: 'States', 'Regions'."""


ACTOR_KINDS = {
    "state": Label(N_("State"), N_("States")),
    "armed-group": Label(N_("Armed group"), N_("Armed groups")),
    "political-party": Label(N_("Political party"), N_("Political parties")),
    "government": Label(N_("Government"), N_("Governments")),
    "person": Label(N_("Person"), N_("People")),
    "organisation": Label(N_("Organisation"), N_("Organisations")),
    "media": Label(N_("Media"), N_("Media outlets")),
    "other": Label(N_("Other"), N_("Other")),
}
"""Every kind of actor, in the order the registry documents them and the actors page lists them."""
REGISTRY_KINDS = {
    "regions": Label(N_("Region"), N_("Regions")),
    "actors": Label(N_("Actor"), N_("Actors")),
    "themes": Label(N_("Theme"), N_("Themes")),
}
"""The three registries by the names of their files and sections."""


@dataclass(frozen=True)
class Region:
    slug: str
    name: str
    parent: str | None = None
    """Slug of the enclosing region; None for a root such as middle-east."""
    aliases: tuple[str, ...] = ()
    description: str = ""
    iso: str | None = None
    """ISO 3166-1 alpha-3 code of the country the region is ('IRQ'), whichever form the registry gives."""
    coordinates: tuple[float, float] | None = None
    """(latitude, longitude) in decimal degrees: where maps put a place that is not a country."""


@dataclass(frozen=True)
class Actor:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    aligned_with: tuple[str, ...] = ()
    based_in: str | None = None
    """Slug of a region."""
    description: str = ""


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Registries:
    regions: dict[str, Region] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    actor: str | None = None
    """Slug of the actor the speaker resolves to; None when the speaker is free text."""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    published: dt.datetime
    """When the original reporting appeared; timezone-aware (a bare date is midnight UTC)."""
    source: Source
    regions: tuple[str, ...]
    summary: str
    path: str
    """Path of the Markdown file, relative to the project root, for messages."""
    actors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    language: str = "en"
    quotes: tuple[Quote, ...] = ()
    also_published: tuple[Source, ...] = ()
    draft: bool = False
    body: str = ""

    @property
    def date(self) -> dt.date:
        return self.published.date()

    @property
    def newest_first(self) -> tuple[float, str]:
        """Sort key: newest first, then by slug, so that the order is total."""
        return (-self.published.timestamp(), self.slug)


@dataclass(frozen=True)
class Content:
    """Everything valid that was read: the registries and every article, drafts included."""

    registries: Registries
    articles: tuple[Article, ...]

    @property
    def published(self) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if not a.draft)
