"""A paged listing's articles by calendar month: each month's count on all pages, the page where it
begins, and the part of it each page holds. Knows nothing of URLs or templates."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.model import Article


def month_of(day: dt.date) -> dt.date:
    """A month by its first day: 2025-01-16 -> 2025-01-01."""
    return day.replace(day=1)


@dataclass(frozen=True)
class Month:
    first: dt.date
    """Its first day."""
    count: int
    """The listing's articles in the month, on every page."""
    page: int
    """The page where it begins, from 1."""


@dataclass(frozen=True)
class MonthPart:
    """A month's articles on one page: all of them, or those before or after a page break."""

    month: Month
    articles: tuple[Article, ...]
    continued: bool
    """The month began before this part (on an earlier page)."""
    continues: bool
    """The month goes on at the top of the next page."""


def by_month(pages: Sequence[Sequence[Article]]) -> tuple[tuple[Month, ...], tuple[tuple[MonthPart, ...], ...]]:
    """The months of a listing's pages (each newest first), newest first, and the parts of each page.

    An article's month is that of its date in its own offset, as its listing entry shows it."""
    runs = [_runs(page) for page in pages]
    counts = Counter(month_of(article.date) for page in pages for article in page)
    begins: dict[dt.date, int] = {}
    for number, page_runs in enumerate(runs, start=1):
        for first, _ in page_runs:
            begins.setdefault(first, number)
    months = {first: Month(first, counts[first], page) for first, page in begins.items()}
    seen: set[dt.date] = set()
    parts = []
    for number, page_runs in enumerate(runs):
        following = runs[number + 1][0][0] if number + 1 < len(runs) and runs[number + 1] else None
        page_parts = []
        for place, (first, articles) in enumerate(page_runs):
            last = place == len(page_runs) - 1
            page_parts.append(MonthPart(months[first], articles, first in seen, last and following == first))
            seen.add(first)
        parts.append(tuple(page_parts))
    return tuple(months.values()), tuple(parts)


def _runs(articles: Sequence[Article]) -> list[tuple[dt.date, tuple[Article, ...]]]:
    """Consecutive articles of the same month, in order."""
    runs: list[tuple[dt.date, list[Article]]] = []
    for article in articles:
        first = month_of(article.date)
        if runs and runs[-1][0] == first:
            runs[-1][1].append(article)
        else:
            runs.append((first, [article]))
    return [(first, tuple(items)) for first, items in runs]
