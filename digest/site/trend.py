"""A coverage trend as an entry's page shows it, in the site's language: its word and the counts behind
it, and each compared week with its count, bar and tooltip.

Every region, actor and theme page shows one, and a week with its count recurs on many of them: its
words are made once. Knows nothing of links or HTML; the counting is group.trends', the trend's
sentences site/sentences.py's.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from digest.group.trends import Trend
from digest.site.dates import week_label, week_name, week_short
from digest.site.sentences import trend_detail, trend_word
from digest.words import Words


@dataclass(frozen=True)
class TrendWeek:
    """One compared week: its count and bar, or nothing before the digest's first week."""

    count: str | None
    """The week's articles as the language writes the number; None for a week before the digest began."""
    height: int
    """The bar's height in percent of the busiest compared week's."""
    title: str
    """The tooltip: '2025-W04 (from 20 January 2025): 3 articles'."""
    short: str
    """Under the bar: 'W04'."""


@dataclass(frozen=True)
class TrendHalf:
    """The recent weeks, or the as many weeks before them."""

    name: str
    """'earlier' or 'recent'."""
    weeks: tuple[TrendWeek, ...]
    """Oldest first."""
    caption: str
    """'Last 4 weeks', '4 weeks before'."""
    total: str
    """The half's articles as the language writes the number."""


@dataclass(frozen=True)
class TrendShown:
    direction: str
    """As Trend.direction, for the page's styles."""
    arrow: str
    word: str
    """'more coverage'"""
    detail: str
    """'7 articles in the 4 weeks to 2025-W05, 2 in the 4 weeks before'"""
    halves: tuple[TrendHalf, ...]
    """The earlier weeks, then the recent ones."""
    partial: str
    """Why the earlier weeks are only partly counted, when the digest began inside them; else ''."""


def trend_shown(trend: Trend, words: Words) -> TrendShown | None:
    """How the page shows the trend; None for an entry no article names yet."""
    if trend.direction == "none" or trend.window is None:
        return None
    window = trend.window
    peak = max(*trend.weekly, 1)
    halves = tuple(_half(name, weeks, trend, peak, words) for name, weeks in trend.halves())
    partial = ""
    if window.partial:
        partial = words.ngettext(
            "The digest begins in %(first)s, so the %(num)s week before %(week)s is only partly covered.",
            "The digest begins in %(first)s, so the %(num)s weeks before %(week)s are only partly covered.",
            window.size, first=week_name(window.first, words), week=week_name(window.recent[0], words),
        )
    return TrendShown(trend.direction, trend.arrow, trend_word(trend, words), trend_detail(trend, words), halves,
                    partial)


def _half(name: str, weeks: tuple[tuple[str, int], ...], trend: Trend, peak: int, words: Words) -> TrendHalf:
    window = trend.window
    assert window is not None
    shown = tuple(_week(week, count, week < window.first, peak, words) for week, count in weeks)
    if name == "recent":
        caption = words.ngettext("Last %(num)s week", "Last %(num)s weeks", window.size)
        return TrendHalf(name, shown, caption, words.number(trend.recent))
    caption = words.ngettext("%(num)s week before", "%(num)s weeks before", window.size)
    return TrendHalf(name, shown, caption, words.number(trend.earlier))


# a week with its count recurs on the pages of many entries
@functools.lru_cache(maxsize=8192)
def _week(week: str, count: int, before: bool, peak: int, words: Words) -> TrendWeek:
    label = week_label(week, words)
    if before:
        title = words.gettext("%(week)s: before the digest's first week", week=label)
        return TrendWeek(None, 0, title, week_short(week, words))
    title = words.ngettext("%(week)s: %(num)s article", "%(week)s: %(num)s articles", count, week=label)
    return TrendWeek(words.number(count), round(100 * count / peak), title, week_short(week, words))
