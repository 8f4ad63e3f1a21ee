"""Dates, months and ISO weeks as the site writes them, in its language: '24 January 2025', '24 يناير 2025',
'January 2025', '2025-W04', 'الأسبوع 4 من 2025'. The values of <time datetime> stay ISO whatever the language."""
from __future__ import annotations

import datetime as dt
import functools
import html

from markupsafe import Markup

from digest.group.index import week_monday
from digest.words import ENGLISH, Words


def long_date(day: dt.date | dt.datetime, words: Words = ENGLISH) -> str:
    """'24 January 2025': day, month name, year, whatever the machine's locale."""
    return words.date(day, "d MMMM y")


def month_name(day: dt.date, words: Words = ENGLISH) -> str:
    """A month and its year in the language's order: 'January 2025', 'يناير 2025' (CLDR skeleton yMMMM)."""
    return words.skeleton(day.replace(day=1), "yMMMM")  # one value a month, formatted once (words.py)


def month_short(day: dt.date, words: Words = ENGLISH) -> str:
    """The month alone, as it stands under its year in a line of months: 'Jan' (CLDR stand-alone LLL)."""
    return words.date(day, "LLL")


def week_span(key: str, words: Words = ENGLISH) -> str:
    """The dates of an ISO week: '13–19 January 2025', '27 January – 2 February 2025'."""
    monday = week_monday(key)
    sunday = monday + dt.timedelta(days=6)
    if monday.year != sunday.year:
        return f"{long_date(monday, words)} – {long_date(sunday, words)}"
    if monday.month != sunday.month:
        return f"{words.date(monday, 'd MMMM')} – {long_date(sunday, words)}"
    return f"{words.date(monday, 'd')}–{long_date(sunday, words)}"


@functools.lru_cache(maxsize=4096)
def time_tag(value: dt.date | dt.datetime, words: Words = ENGLISH) -> Markup:
    """<time datetime="2025-01-24">24 January 2025</time>; a day is formatted once however many listings show it."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return Markup(f'<time datetime="{day.isoformat()}">{long_date(day, words)}</time>')


def week_tag(key: str, words: Words = ENGLISH) -> Markup:
    """<time datetime="2025-W03">13–19 January 2025</time>"""
    return Markup(f'<time datetime="{html.escape(key)}">{html.escape(week_span(key, words), quote=False)}</time>')


def week_name(key: str, words: Words = ENGLISH) -> str:
    """An ISO week as readers of the language name it: '2025-W04', 'الأسبوع 4 من 2025'."""
    year, week = _parts(key)
    return words.gettext("%(year)s-W%(week)02d", year=year, week=week)


def week_title(key: str, words: Words = ENGLISH) -> str:
    """A week page's title: 'Week 2025-W04'."""
    year, week = _parts(key)
    return words.gettext("Week %(year)s-W%(week)02d", year=year, week=week)


def week_short(key: str, words: Words = ENGLISH) -> str:
    """A week under its bar in a small chart: 'W04'."""
    return words.gettext("W%(week)02d", week=_parts(key)[1])


def week_label(key: str, words: Words = ENGLISH, titled: bool = False) -> str:
    """'2025-W04 (from 20 January 2025)'; titled: 'Week 2025-W04 (from 20 January 2025)'."""
    name = (week_title if titled else week_name)(key, words)
    return words.gettext("%(week)s (from %(date)s)", week=name, date=long_date(week_monday(key), words))


def _parts(key: str) -> tuple[str, int]:
    """'2025-W04' -> ('2025', 4)."""
    year, week = key.split("-W")
    return year, int(week)
