"""What each actor said: the quotes of published articles by the actor their speaker resolves to.

A group also holds its members' quotes (actors whose member_of names it, one level). Knows nothing
of pages or URLs; one pass over the articles into a dict keyed by slug.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from digest.model import Article, Quote, Registries


@dataclass(frozen=True)
class Statement:
    """One quote, with the article it comes from."""

    quote: Quote
    article: Article
    number: int
    """Its place among the article's quotes, from 1: it names the quote on the article's page."""


def statements_by_actor(articles: Iterable[Article], registries: Registries) -> dict[str, tuple[Statement, ...]]:
    """Every actor slug -> the statements of it and of its members, in the articles' order (newest
    first), then in each article's order; empty when none."""
    groups: dict[str, list[Statement]] = {slug: [] for slug in registries.actors}
    for article in articles:
        for number, quote in enumerate(article.quotes, start=1):
            if quote.actor is None:
                continue
            statement = Statement(quote, article, number)
            for slug in dict.fromkeys((quote.actor, *registries.actors[quote.actor].member_of)):
                groups[slug].append(statement)
    return {slug: tuple(items) for slug, items in sorted(groups.items())}
