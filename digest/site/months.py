"""A paged listing month by month as its pages show it, in the site's language: each month's heading
(name, count, where it began), and the line of months above the list, by year, each linked to the
place where it begins, whichever page that is. Knows nothing of templates or files; the grouping is
group.months'."""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from digest.group.months import Month, MonthPart, by_month
from digest.model import Article
from digest.site.dates import month_name, month_short
from digest.site.sentences import articles
from digest.words import Words


@dataclass(frozen=True)
class MonthShown:
    """A month of a listing with its words: the same on every page of the listing."""

    month: Month
    anchor: str
    """The id of its first heading: 'month-2025-01'."""
    iso: str
    """For <time datetime>: '2025-01'."""
    name: str
    """'January 2025', 'يناير 2025'."""
    short: str
    """Under its year in the line of months: 'Jan'."""
    count: str
    """'16 articles', on every page."""
    number: str
    """The count alone, in the language's digits: '16'."""
    title: str
    """Name and count, for the line's link: 'January 2025: 16 articles'."""
    target: str
    """Its first heading: 'regions/iraq/page/2.md#month-2025-01'."""


@dataclass(frozen=True)
class Heading:
    """A month's part of one page: its heading, its articles, and what the page break does to it."""

    month: MonthShown
    articles: tuple[Article, ...]
    continued: str
    """'continued from page 1' when the month began on an earlier page; else ''."""
    next_page: str | None
    """The source of the next page when the month goes on at its top; else None."""
    next_number: str
    """That page's number as the language writes it ('2'); '' without one."""


@dataclass(frozen=True)
class Year:
    year: str
    """'2025' in the language's digits."""
    months: tuple[MonthShown, ...]
    """Newest first."""


def month_anchor(month: Month) -> str:
    """The id of a month's first heading in a listing: 'month-2025-01'."""
    return f"month-{month.first:%Y-%m}"


def listing_by_month(
    pages: Sequence[Sequence[Article]], page_src: Callable[[int], str], words: Words
) -> tuple[tuple[Year, ...], tuple[tuple[Heading, ...], ...]]:
    """The line of months of a listing's pages (each newest first) and each page's headings; page_src
    gives the source of a page of the listing by its number, from 1. The line is empty when all the
    listing's articles are of one month."""
    months, parts = by_month(pages)
    shown = {month.first: _shown(month, page_src, words) for month in months}
    headings = tuple(
        tuple(_heading(part, shown[part.month.first], number, page_src, words) for part in page)
        for number, page in enumerate(parts, start=1)
    )
    return month_line(tuple(shown.values()), words), headings


def month_line(months: tuple[MonthShown, ...], words: Words) -> tuple[Year, ...]:
    """The months by year, newest first; none for a single month."""
    if len(months) < 2:
        return ()
    by_year = groupby(months, key=lambda shown: shown.month.first.year)
    return tuple(Year(words.date(group[0].month.first, "y"), group) for group in (tuple(g) for _, g in by_year))


def _shown(month: Month, page_src: Callable[[int], str], words: Words) -> MonthShown:
    anchor = month_anchor(month)
    return MonthShown(month, anchor, *_month_words(month.first, month.count, words), f"{page_src(month.page)}#{anchor}")


# a month with a count recurs in many listings: an actor's, its regions', its themes'
@functools.lru_cache(maxsize=8192)
def _month_words(first: dt.date, count: int, words: Words) -> tuple[str, str, str, str, str, str]:
    """A month's ISO value, name, short name, count, count alone, and name with count."""
    name, counted = month_name(first, words), articles(count, words)
    title = words.gettext("%(month)s: %(count)s", month=name, count=counted)
    return f"{first:%Y-%m}", name, month_short(first, words), counted, words.number(count), title


def _heading(part: MonthPart, shown: MonthShown, number: int, page_src: Callable[[int], str], words: Words) -> Heading:
    continued = words.gettext("continued from page %(number)s", number=words.number(shown.month.page))
    return Heading(
        shown,
        part.articles,
        continued if part.continued else "",
        page_src(number + 1) if part.continues else None,
        words.number(number + 1) if part.continues else "",
    )
