"""An actor's statements as its pages show them: who spoke, in which language, and where the quote
stands on its article's page. Knows nothing of templates or files."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.check.aliases import normalise
from digest.group.statements import Statement
from digest.model import Actor, Article, Registries
from digest.site.languages import text_language
from digest.site.urls import page_src

LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Said:
    """A statement on an actor's page."""

    statement: Statement
    member: str | None
    """On a group's page, the slug of the member who spoke; None when the page's own actor spoke."""
    role: str
    """The member's title in the group, from its description ('secretary-general'); '' when it gives none."""
    language: str
    """The quote's language: its article's, or 'ar' for Arabic script in an article in another script."""
    place: str
    """The quote on its article's page: 'articles/x.md#quote-2'."""


def quote_id(number: int) -> str:
    """The id of an article's quote on its page, by its place among the article's quotes: 'quote-2'."""
    return f"quote-{number}"


def quote_ids(article: Article) -> tuple[str, ...]:
    return tuple(quote_id(number) for number in range(1, len(article.quotes) + 1))


def statements_shown(slug: str, statements: tuple[Statement, ...], registries: Registries) -> tuple[Said, ...]:
    """The statements of an actor's page, in order, each saying who spoke when a member did."""
    actors = registries.actors
    return tuple(_said(s, None if s.quote.actor == slug else s.quote.actor, actors[slug], actors) for s in statements)


def _said(statement: Statement, member: str | None, page: Actor, actors: dict[str, Actor]) -> Said:
    article = statement.article
    place = f"{page_src('article', article.slug)}#{quote_id(statement.number)}"
    return Said(
        statement,
        member,
        role(actors[member], page) if member else "",
        text_language(statement.quote.text, article.language),
        place,
    )


def role(member: Actor, group: Actor) -> str:
    """The member's title in the group when the first clause of its description ends 'of GROUP' by
    its name or an alias: 'Secretary-general and founder of Harakat Hezbollah al-Nujaba.' gives
    'secretary-general and founder', 'The armed wing of Hamas.' gives 'armed wing'; else ''."""
    clause = re.split(r"[.,;]", member.description, maxsplit=1)[0].strip()
    title, of, rest = clause.rpartition(" of ")
    names = {normalise(name) for name in (group.slug, group.name, *group.aliases)}
    if not of or normalise(LEADING_ARTICLE.sub("", rest)) not in names:
        return ""
    title = LEADING_ARTICLE.sub("", title)
    # a capital that only starts the sentence goes; an acronym's stays ('IRGC commander')
    return title[:1].lower() + title[1:] if title[1:2].islower() else title
