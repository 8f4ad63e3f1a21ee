"""Counts as pictures: the geometry of the activity chart (articles per ISO week) and the region tree.

Pure numbers and labels, computed from the Index groups of one page; templates turn them into inline
SVG with links and into a table that carries the same data for screen readers. Knows nothing of
URLs, HTML or MkDocs.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from digest.group.index import Index, week_monday, week_of
from digest.model import Article
from digest.words import ENGLISH, Words

CHAR_WIDTH = 0.58
"""Average advance of a character in em for the system sans-serif: a safe overestimate for layout."""

ACTIVITY_WIDTH, ACTIVITY_HEIGHT = 600, 166
ACTIVITY_PLOT = (46, 12, 590, 128)
"""The plot area (left, top, right, bottom) in the activity chart's user units; axis labels go outside."""
AXIS_FONT = 22
"""The largest font size (user units) the stylesheet gives axis labels: on phones, where the chart shrinks."""
MAX_BAR = 48
MIN_BAR_HEIGHT = 2
"""A week with one article still shows a bar you can see and hit."""

TREE_WIDTH, TREE_ROW, TREE_INDENT = 400, 26, 16
TREE_BARS = (268, 362)
"""Where the count bars of the region tree start and how far the longest reaches."""
TREE_FONT = 15
"""The largest size (user units) the stylesheet gives the tree's labels: on phones."""


@dataclass(frozen=True)
class Tick:
    at: float
    """Position along its axis in user units."""
    label: str
    label_at: float = 0.0
    """Where the label's centre goes: the tick, unless that would push the label off the picture."""


@dataclass(frozen=True)
class Bar:
    week: str
    """ISO week key, '2025-W03'."""
    count: int
    x: float
    y: float
    width: float
    height: float
    slot_x: float
    """The column the week owns on the axis: the whole column is the bar's link target."""
    slot_width: float


@dataclass(frozen=True)
class ActivityChart:
    width: int
    height: int
    plot: tuple[float, float, float, float]
    bars: tuple[Bar, ...]
    """Weeks with articles, oldest first; weeks without any have no bar."""
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    start: dt.date
    """Monday of the first week on the axis: the digest's whole span, so every page's chart lines up."""
    end: dt.date
    """Sunday of the last week on the axis."""
    total: int
    axis_x: float = ACTIVITY_PLOT[0] - 8
    """Where the count labels end: left of the plot, or right of it when time runs right to left."""

    @property
    def busiest(self) -> Bar:
        """The week with the most articles; the latest of equals."""
        return max(reversed(self.bars), key=lambda bar: bar.count)


def activity_chart(articles: Sequence[Article], index: Index, words: Words = ENGLISH) -> ActivityChart | None:
    """Articles per ISO week over the digest's whole span, oldest on the side where the language's
    reading starts (the right in Arabic); None when there is nothing to draw."""
    if not articles or not index.by_week:
        return None
    weeks = list(index.by_week)  # newest first
    first, last = weeks[-1], weeks[0]
    start = week_monday(first)
    span = (week_monday(last) - start).days // 7 + 1
    left, top, right, bottom = ACTIVITY_PLOT
    slot = (right - left) / span
    counts = Counter(week_of(a.date) for a in articles)
    scale_top, y_ticks = _count_axis(max(counts.values()), top, bottom)
    bar_width = min(MAX_BAR, max(1.0, slot * 0.8))
    bars = []
    for key in sorted(counts):
        slot_x = left + (week_monday(key) - start).days / 7 * slot
        height = max(MIN_BAR_HEIGHT, counts[key] / scale_top * (bottom - top))
        bars.append(
            Bar(
                key,
                counts[key],
                rounded(slot_x + (slot - bar_width) / 2),
                rounded(bottom - height),
                rounded(bar_width),
                rounded(height),
                rounded(slot_x),
                rounded(slot),
            )
        )
    x_ticks = _date_ticks(start, span, slot, words)
    chart = ActivityChart(ACTIVITY_WIDTH, ACTIVITY_HEIGHT, ACTIVITY_PLOT, tuple(bars), x_ticks,
                          y_ticks, start, week_monday(last) + dt.timedelta(days=6), len(articles))
    return _mirrored(chart) if words.direction == "rtl" else chart


def _mirrored(chart: ActivityChart) -> ActivityChart:
    """The chart flipped left to right, for a right-to-left language. Text anchors stay: in a
    right-to-left picture 'end' is the left, so each label lands on the mirrored side of its point."""
    width = chart.width

    def flip(x: float) -> float:
        return rounded(width - x)

    left, top, right, bottom = chart.plot
    bars = tuple(dataclasses.replace(bar, x=flip(bar.x + bar.width), slot_x=flip(bar.slot_x + bar.slot_width))
                 for bar in chart.bars)
    ticks = tuple(dataclasses.replace(tick, at=flip(tick.at), label_at=flip(tick.label_at)) for tick in chart.x_ticks)
    plot = (flip(right), top, flip(left), bottom)
    return dataclasses.replace(chart, plot=plot, bars=bars, x_ticks=ticks, axis_x=flip(chart.axis_x))


def _count_axis(peak: int, top: float, bottom: float) -> tuple[int, tuple[Tick, ...]]:
    """A round top value and gridlines at most five steps apart: peak 9 -> 0, 2, 4, 6, 8, 10."""
    step = next(s for s in _nice_steps() if math.ceil(peak / s) <= 5)
    scale_top = step * math.ceil(peak / step)
    ticks = tuple(
        Tick(rounded(bottom - value / scale_top * (bottom - top)), str(value))
        for value in range(0, scale_top + 1, step)
    )
    return scale_top, ticks


def _nice_steps() -> Iterator[int]:
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            yield factor * magnitude
        magnitude *= 10


@functools.lru_cache(maxsize=16)  # every chart of a build spans the same weeks: placed once, not per page
def _date_ticks(start: dt.date, span: int, slot: float, words: Words) -> tuple[Tick, ...]:
    """Dates on the time axis, as many as fit without overlap at the largest label size: weeks by
    their Monday for short spans ('13 Jan'), else month starts ('Nov 2024', 'Dec', 'Jan 2025'), else years."""
    end = start + dt.timedelta(weeks=span)
    mondays = [start + dt.timedelta(weeks=w) for w in range(span)]
    months = list(_month_starts(start, end))
    years = [dt.date(y, 1, 1) for y in range(start.year + 1, end.year + 1) if dt.date(y, 1, 1) < end]
    def at(day: dt.date, days_later: float = 0.0) -> float:
        return ACTIVITY_PLOT[0] + ((day - start).days + days_later) / 7 * slot

    # a week's label sits under its bar; a month's or a year's tick marks its first day
    candidates = [[(at(day, 3.5), words.date(day, "d MMM")) for day in mondays[::n]] for n in (1, 2, 4)]
    candidates += [[(at(day), label) for day, label in _month_labels(months[::n], words)] for n in (1, 2, 3, 6)]
    candidates += [[(at(day), words.date(day, "y")) for day in years[::n]] for n in (1, 2, 5, 10)]
    for placed in candidates:
        ticks = [_tick(x, label) for x, label in placed]
        if ticks and _fits(ticks):
            return tuple(ticks)
    return ()


def _month_labels(days: list[dt.date], words: Words) -> list[tuple[dt.date, str]]:
    """'Nov 2024', 'Dec', 'Jan 2025': the year where it is new."""
    years = [None] + [day.year for day in days]
    return [(day, words.date(day, "MMM y" if day.year != years[i] else "MMM")) for i, day in enumerate(days)]


def _tick(at: float, label: str) -> Tick:
    """A tick whose label is centred on it, moved inwards where it would leave the picture."""
    half = text_width(label, AXIS_FONT) / 2
    return Tick(rounded(at), label, rounded(min(max(at, half + 2), ACTIVITY_WIDTH - half - 2)))


def _month_starts(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = dt.date(start.year, start.month, 1)
    while day < end:
        if day >= start:
            yield day
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _fits(ticks: list[Tick]) -> bool:
    gaps = (
        b.label_at - a.label_at - (text_width(a.label, AXIS_FONT) + text_width(b.label, AXIS_FONT)) / 2
        for a, b in itertools.pairwise(ticks)
    )
    return all(gap >= AXIS_FONT / 2 for gap in gaps)


def text_width(text: str, size: float) -> float:
    """An estimate of rendered text width, for layout only: the real font is the reader's."""
    return len(text) * size * CHAR_WIDTH


def fit_text(text: str, size: float, width: float) -> str:
    """The text, cut with an ellipsis so that it fits the width; the full text goes in a <title>."""
    if text_width(text, size) <= width:
        return text
    keep = max(1, int(width / (size * CHAR_WIDTH)) - 1)
    return text[:keep].rstrip() + "…"


@dataclass(frozen=True)
class TreeRow:
    slug: str
    label: str
    """The region's name, shortened to fit its column (the full name goes in a <title>)."""
    name: str
    count: int
    depth: int
    x: float
    """Where the node's dot sits; its name starts just after it (right of it, or left in a right-to-left tree)."""
    y: float
    branch: tuple[float, float] | None
    """Where the connector from the parent starts: below the previous sibling's connector, or at the
    parent's dot for the first child (so no stretch of line is drawn twice); None for a root."""
    bar_width: float
    label_x: float
    bar_x: float
    """Where the count bar's rectangle starts (its left edge)."""
    count_x: float
    """Where the count starts, just after the bar."""


@dataclass(frozen=True)
class RegionTree:
    width: int
    height: int
    rows: tuple[TreeRow, ...]


def region_tree(index: Index, words: Words = ENGLISH) -> RegionTree | None:
    """The region hierarchy, depth first and by name, each region with its count of articles
    (sub-regions' included, as on its page); mirrored for a right-to-left language, where names
    start on the right and the bars grow leftwards."""
    order = list(_depth_first(index, index.roots, 0))
    if not order:
        return None
    peak = max(len(index.by_region[slug]) for slug, _ in order) or 1
    bar_start, bar_end = TREE_BARS
    last_branch: dict[str, tuple[float, float]] = {}
    rows = []
    for i, (slug, depth) in enumerate(order):
        region = index.registries.regions[slug]
        x, y = 6 + depth * TREE_INDENT, rounded(TREE_ROW * i + TREE_ROW / 2 + 4)
        last_branch[slug] = (x, y)
        branch = None
        if region.parent is not None:
            branch = last_branch[region.parent]
            last_branch[region.parent] = (branch[0], y)
        count = len(index.by_region[slug])
        label = fit_text(region.name, TREE_FONT, bar_start - x - 18)
        bar_width = rounded(count / peak * (bar_end - bar_start))
        count_x = rounded(bar_start + bar_width + 5)
        rows.append(TreeRow(slug, label, region.name, count, depth, x, y, branch, bar_width, x + 9, bar_start, count_x))
    if words.direction == "rtl":
        rows = [_mirrored_row(row) for row in rows]
    return RegionTree(TREE_WIDTH, int(TREE_ROW * len(rows) + 8), tuple(rows))


def _mirrored_row(row: TreeRow) -> TreeRow:
    """A row flipped left to right; its text anchors ('start') then mean the right edge."""

    def flip(x: float) -> float:
        return rounded(TREE_WIDTH - x)

    branch = (flip(row.branch[0]), row.branch[1]) if row.branch else None
    return dataclasses.replace(row, x=flip(row.x), branch=branch, label_x=flip(row.label_x),
                               bar_x=flip(row.bar_x + row.bar_width), count_x=flip(row.count_x))


def _depth_first(index: Index, slugs: Sequence[str], depth: int) -> Iterator[tuple[str, int]]:
    for slug in slugs:
        yield slug, depth
        yield from _depth_first(index, index.children[slug], depth + 1)


def rounded(value: float) -> float:
    """Coordinates to a tenth of a unit: finer than a pixel, and the same digits on every machine."""
    return round(value, 1) + 0.0


def svg_number(value: float) -> str:
    """12.0 -> '12', 12.5 -> '12.5': short coordinates in the markup."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
