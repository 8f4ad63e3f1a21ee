"""The activity chart as a page shows it: the geometry of pictures.charts, and for each bar the words
the page says of it in the site's language and its coordinates as SVG writes them.

A chart has a bar for every week an entry was written about (a hundred and more for a busy actor),
each said four ways (link label, tooltip, table row): made here once per chart, so the template
only places them. Knows nothing of links or HTML.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from digest.group.index import Index
from digest.model import Article
from digest.pictures.charts import ActivityChart, Bar, activity_chart, svg_number
from digest.site.dates import week_name, week_span, week_title
from digest.words import Words


@dataclass(frozen=True)
class WeekBar:
    """One week's bar: its words and its coordinates, ready to place."""

    week: str
    """ISO week key, '2025-W03', for the link to its page and <time datetime>."""
    name: str
    """'2025-W03'"""
    dates: str
    """'13–19 January 2025'"""
    count: str
    """The number of articles as the language writes it."""
    label: str
    """The accessible name of the bar's link: 'Week 2025-W03, 13–19 January 2025: 4 articles'."""
    title: str
    """The bar's tooltip: '13–19 January 2025: 4 articles'."""
    x: str
    y: str
    width: str
    height: str
    slot_x: str
    slot_width: str


@dataclass(frozen=True)
class Activity:
    chart: ActivityChart
    bars: tuple[WeekBar, ...]
    """Oldest first, as chart.bars."""

    @property
    def newest_first(self) -> tuple[WeekBar, ...]:
        return self.bars[::-1]


def activity(articles: Sequence[Article], index: Index, words: Words) -> Activity | None:
    """The chart of these articles per week (pictures.charts.activity_chart), None when it has nothing to draw."""
    chart = activity_chart(articles, index, words)
    return None if chart is None else Activity(chart, tuple(_week_bar(bar, words) for bar in chart.bars))


# every chart spans the digest's weeks: a week with the same count on the same scale is the same bar
@functools.lru_cache(maxsize=8192)
def _week_bar(bar: Bar, words: Words) -> WeekBar:
    return WeekBar(bar.week, *_week_words(bar.week, bar.count, words), svg_number(bar.x), svg_number(bar.y),
                   svg_number(bar.width), svg_number(bar.height), svg_number(bar.slot_x), svg_number(bar.slot_width))


# a week with a count recurs on many charts: an actor's, its regions', the home page's
@functools.lru_cache(maxsize=8192)
def _week_words(week: str, count: int, words: Words) -> tuple[str, str, str, str, str]:
    """A bar's name, dates, count, link label and tooltip."""
    dates = week_span(week, words)
    label = words.ngettext("%(week)s, %(dates)s: %(num)s article", "%(week)s, %(dates)s: %(num)s articles",
                           count, week=week_title(week, words), dates=dates)
    title = words.ngettext("%(dates)s: %(num)s article", "%(dates)s: %(num)s articles", count, dates=dates)
    return week_name(week, words), dates, words.number(count), label, title
