"""Dates and ISO weeks as the site writes them: '24 January 2025', '2025-W04 (from 20 January 2025)'."""
from __future__ import annotations

import datetime as dt
import functools

from markupsafe import Markup

from digest.group.index import week_monday


def long_date(day: dt.date | dt.datetime) -> str:
    """'24 January 2025', the way readers write dates, whatever the machine's locale."""
    months = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def week_span(key: str) -> str:
    """The dates of an ISO week: '13–19 January 2025', '27 January – 2 February 2025'."""
    monday = week_monday(key)
    sunday = monday + dt.timedelta(days=6)
    if monday.year != sunday.year:
        return f"{long_date(monday)} – {long_date(sunday)}"
    if monday.month != sunday.month:
        return f"{long_date(monday).rsplit(' ', 1)[0]} – {long_date(sunday)}"
    return f"{monday.day}–{long_date(sunday)}"


@functools.lru_cache(maxsize=4096)
def time_tag(value: dt.date | dt.datetime) -> Markup:
    """<time datetime="2025-01-24">24 January 2025</time>; a day is formatted once however many listings show it."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return Markup(f'<time datetime="{day.isoformat()}">{long_date(day)}</time>')


def week_label(key: str) -> str:
    monday = week_monday(key)
    return f"{key} (from {long_date(monday)})"
