"""What changed: coverage trends per region, actor and theme, and what each ISO week named first.

Measures curated coverage (how many articles the digest keeps), not events. "Now" is the ISO week of
the newest published article, never the clock, so the same content always gives the same trends.
Knows nothing of pages, URLs or templates.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from digest.group.index import Index, week_monday, week_of
from digest.model import REGISTRY_KINDS, Article

WINDOW_WEEKS = 4
"""The recent window and the one before it, in ISO weeks."""
MOST_NAMED = 5
"""At most this many of each kind in a week's "most named"."""
MOST_NAMED_MIN = 2
"""Named in fewer of the week's articles is not "most named": with one article, everything ties."""
KINDS = tuple(REGISTRY_KINDS)
"""'regions', 'actors', 'themes'."""

ARROWS = {"more": "↑", "less": "↓", "steady": "→", "new": "★", "quiet": "–", "none": "–"}


@dataclass(frozen=True)
class Window:
    """The weeks a trend compares: the last WINDOW_WEEKS ISO weeks of the content and those before."""

    recent: tuple[str, ...]
    """Week keys, oldest first; the last is "now", the newest article's week."""
    earlier: tuple[str, ...]
    first: str
    """The content's first week: when it is after earlier[0], the earlier window is only partly covered."""

    @property
    def now(self) -> str:
        return self.recent[-1]

    @property
    def size(self) -> int:
        """Weeks in each of the two compared periods."""
        return len(self.recent)

    @property
    def weeks(self) -> tuple[str, ...]:
        return self.earlier + self.recent

    @property
    def recent_days(self) -> tuple[dt.date, dt.date]:
        return _days(self.recent)

    @property
    def partial(self) -> bool:
        """The digest began inside the compared weeks, so the earlier count covers fewer weeks."""
        return self.first > self.earlier[0]


@dataclass(frozen=True)
class Trend:
    direction: str
    """more, less, steady, new (nothing before the recent window), quiet or none (site.sentences words them)."""
    recent: int
    earlier: int
    window: Window | None
    """None when the content has no published article."""
    weekly: tuple[int, ...] = ()
    """Articles per week of window.weeks, oldest first."""
    latest_week: str | None = None
    """The week of the newest article naming the entry."""

    def halves(self) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
        """('earlier', ((week, count), ...)), ('recent', ...): the week-by-week counts behind the trend."""
        assert self.window is not None
        counts = tuple(zip(self.window.weeks, self.weekly, strict=True))
        return (("earlier", counts[:WINDOW_WEEKS]), ("recent", counts[WINDOW_WEEKS:]))

    @property
    def arrow(self) -> str:
        return ARROWS[self.direction]

    @property
    def change(self) -> int:
        return self.recent - self.earlier


@dataclass(frozen=True)
class WeekNews:
    """What one ISO week named: per kind (regions, actors, themes), slugs by name."""

    first: dict[str, tuple[str, ...]]
    """Named for the first time in the content this week."""
    most: dict[str, tuple[tuple[str, int], ...]]
    """The most named this week with their article counts, most first."""


@dataclass(frozen=True)
class Trends:
    window: Window | None
    by_kind: dict[str, dict[str, Trend]]
    """'regions' | 'actors' | 'themes' -> slug -> trend; regions count their sub-regions' articles."""
    weeks: dict[str, WeekNews]
    """Week key -> what it named, for every week with articles."""
    size: int = WINDOW_WEEKS
    """Weeks in each of the two compared periods, for templates."""

    def of(self, kind: str, slug: str) -> Trend:
        return self.by_kind[kind][slug]

    def ranked(self, kind: str) -> list[tuple[str, Trend]]:
        """Entries covered in the compared weeks, biggest rise first, then the most recent coverage."""
        covered = [(slug, t) for slug, t in self.by_kind[kind].items() if t.recent or t.earlier]
        return sorted(covered, key=lambda item: (-item[1].change, -item[1].recent, item[0]))

    def uncovered(self, kind: str) -> int:
        """How many entries have no article in the compared weeks."""
        return sum(1 for t in self.by_kind[kind].values() if not (t.recent or t.earlier))


def build_trends(index: Index) -> Trends:
    window = _window(index)
    by_kind = {
        kind: {slug: trend(articles, window) for slug, articles in group.items()}
        for kind, group in groups(index).items()
    }
    return Trends(window, by_kind, _week_news(index))


def groups(index: Index) -> dict[str, dict[str, tuple[Article, ...]]]:
    """Each kind's articles by slug, as its pages list them (regions with their sub-regions)."""
    return {"regions": index.by_region, "actors": index.by_actor, "themes": index.by_theme}


def trend(articles: tuple[Article, ...], window: Window | None) -> Trend:
    """The trend of one entry's articles (any order) over the window."""
    if window is None or not articles:
        return Trend("none", 0, 0, window)
    weeks = Counter(week_of(a.date) for a in articles)
    weekly = tuple(weeks[w] for w in window.weeks)
    recent, earlier = sum(weekly[WINDOW_WEEKS:]), sum(weekly[:WINDOW_WEEKS])
    first, latest = min(weeks), max(weeks)
    return Trend(direction(recent, earlier, first >= window.recent[0]), recent, earlier, window, weekly, latest)


def direction(recent: int, earlier: int, new: bool) -> str:
    """A difference of one article, or of a tenth of the larger count, is steady: small counts are noisy."""
    if new:
        return "new"
    if not (recent or earlier):
        return "quiet"
    if abs(recent - earlier) <= max(1, max(recent, earlier) // 10):
        return "steady"
    return "more" if recent > earlier else "less"


def _window(index: Index) -> Window | None:
    if not index.by_week:
        return None
    now, first = next(iter(index.by_week)), min(index.by_week)
    weeks = tuple(_weeks_back(now, 2 * WINDOW_WEEKS))[::-1]
    return Window(recent=weeks[WINDOW_WEEKS:], earlier=weeks[:WINDOW_WEEKS], first=first)


def _weeks_back(key: str, count: int) -> Iterator[str]:
    """key and the count - 1 ISO weeks before it, newest first."""
    monday = week_monday(key)
    for back in range(count):
        yield week_of(monday - dt.timedelta(weeks=back))


def _week_news(index: Index) -> dict[str, WeekNews]:
    """One pass, oldest week first: an entry is new in the week of the first article naming it."""
    seen: dict[str, set[str]] = {kind: set() for kind in KINDS}
    news = {}
    for key in sorted(index.by_week):
        articles = index.by_week[key]
        first: dict[str, list[str]] = {}
        counts: dict[str, Counter[str]] = {}
        for kind in KINDS:
            counts[kind] = Counter(slug for a in articles for slug in dict.fromkeys(getattr(a, kind)))
            first[kind] = [slug for slug in counts[kind] if slug not in seen[kind]]
            seen[kind].update(first[kind])
        news[key] = WeekNews(
            first={kind: _by_name(index, kind, first[kind]) for kind in KINDS},
            most={kind: _most_named(index, kind, counts[kind]) for kind in KINDS},
        )
    return dict(sorted(news.items(), reverse=True))


def _by_name(index: Index, kind: str, slugs: list[str]) -> tuple[str, ...]:
    registry = getattr(index.registries, kind)
    return tuple(sorted(slugs, key=lambda slug: (registry[slug].name.casefold(), slug)))


def _most_named(index: Index, kind: str, counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    registry = getattr(index.registries, kind)
    ranked = sorted(
        (s for s, n in counts.items() if n >= MOST_NAMED_MIN),
        key=lambda s: (-counts[s], registry[s].name.casefold(), s),
    )
    return tuple((slug, counts[slug]) for slug in ranked[:MOST_NAMED])


def _days(weeks: tuple[str, ...]) -> tuple[dt.date, dt.date]:
    """The first week's Monday and the last week's Sunday."""
    return week_monday(weeks[0]), week_monday(weeks[-1]) + dt.timedelta(days=6)

