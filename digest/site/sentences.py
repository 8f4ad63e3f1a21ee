"""The sentences the site writes about its numbers, in its language: a trend's word and detail
('more coverage: 7 articles in the 4 weeks to 2025-W05, 2 in the 4 weeks before'), counts of
articles and weeks, the entries a coverage table leaves out. Knows nothing
of templates or pages; the counting is group.trends'."""
from __future__ import annotations

from digest.group.trends import WINDOW_WEEKS, Trend
from digest.site.dates import week_name
from digest.words import Words


def trend_word(trend: Trend, words: Words) -> str:
    """'more coverage', 'steady', ... for a trend's direction."""
    _ = words.gettext
    return {"more": _("more coverage"), "less": _("less coverage"), "steady": _("steady"), "new": _("new"),
            "quiet": _("no recent coverage"), "none": _("no coverage yet")}[trend.direction]


def trend_detail(trend: Trend, words: Words) -> str:
    """The counts behind the word and the weeks they cover; '' without any."""
    if trend.window is None or trend.direction == "none":
        return ""
    now = week_name(trend.window.now, words)
    if trend.direction == "quiet":
        latest = week_name(trend.latest_week or "", words)
        return words.gettext("no articles in the %(weeks)s to %(now)s; the latest in %(latest)s",
                             weeks=weeks(2 * WINDOW_WEEKS, words), now=now, latest=latest)
    recent, window = articles(trend.recent, words), weeks(WINDOW_WEEKS, words)
    if trend.direction == "new":
        return words.gettext("%(recent)s in the %(weeks)s to %(now)s, none before",
                             recent=recent, weeks=window, now=now)
    if trend.earlier:
        earlier = words.gettext("%(count)s in the %(weeks)s before", count=words.number(trend.earlier), weeks=window)
    else:
        earlier = words.gettext("none in the %(weeks)s before", weeks=window)
    return words.gettext("%(recent)s in the %(weeks)s to %(now)s, %(earlier)s",
                         recent=recent, weeks=window, now=now, earlier=earlier)


def trend_sentence(trend: Trend, words: Words) -> str:
    """'more coverage: 7 articles in the 4 weeks to 2025-W05, 2 in the 4 weeks before'."""
    word, detail = trend_word(trend, words), trend_detail(trend, words)
    return words.gettext("%(word)s: %(detail)s", word=word, detail=detail) if detail else word


def articles(count: int, words: Words) -> str:
    """'no articles', '1 article', '7 articles'."""
    if count == 0:
        return words.gettext("no articles")
    return words.ngettext("%(num)s article", "%(num)s articles", count)


def weeks(count: int, words: Words) -> str:
    """'4 weeks'."""
    return words.ngettext("%(num)s week", "%(num)s weeks", count)


def uncovered(kind: str, count: int, weeks_counted: int, words: Words) -> str:
    """'12 other regions had no articles in these 8 weeks.', for 'regions', 'actors' or 'themes'."""
    span = weeks(weeks_counted, words)
    if kind == "regions":
        return words.ngettext("%(num)s other region had no articles in these %(weeks)s.",
                              "%(num)s other regions had no articles in these %(weeks)s.", count, weeks=span)
    if kind == "actors":
        return words.ngettext("%(num)s other actor had no articles in these %(weeks)s.",
                              "%(num)s other actors had no articles in these %(weeks)s.", count, weeks=span)
    return words.ngettext("%(num)s other theme had no articles in these %(weeks)s.",
                          "%(num)s other themes had no articles in these %(weeks)s.", count, weeks=span)
