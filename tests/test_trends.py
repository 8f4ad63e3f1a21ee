"""Coverage trends and what each week named first, on a content tree written for them.

The tree's newest published article is in 2025-W10, so the recent window is W07-W10 and the one
before W03-W06. Iraq rises, the Golan Heights fall, Kata'ib Hezbollah holds steady, Akram al-Kaabi
is new, armed factions were named only in W01, and nothing names the Islamic Resistance in Iraq.
"""
from __future__ import annotations

import re
from html import unescape

import pytest
from trees import article, content_tree, settings_for

from digest.group.index import build_index
from digest.group.trends import build_trends, direction
from digest.pipeline import build_site, check
from digest.site.sentences import trend_sentence, trend_word
from digest.words import ENGLISH


def art(date: str, regions: str, actors: str = "[]", themes: str = "[]", extra: str = "") -> str:
    return article(f"Report of {date}", date, regions, f"actors: {actors}\nthemes: {themes}\n{extra}")


ARTICLES = {
    "a01.md": art("2025-01-01", "[syria]", themes="[militias]"),  # W01
    "e1.md": art("2025-01-14", "[iraq, golan-heights]", "[Kataib Hezbollah]"),  # W03
    "e2.md": art("2025-01-22", "[Golan]", "[kataib-hezbollah]"),  # W04
    "e3.md": art("2025-01-29", "[Irak, الجولان]", "[كتائب حزب الله]"),  # W05
    "e4.md": art("2025-02-05", "[golan-heights]"),  # W06
    "r1.md": art("2025-02-12", "[iraq]", "[kataib-hezbollah]"),  # W07
    "r2.md": art("2025-02-19", "[iraq, golan-heights]", "[kataib-hezbollah, akram-al-kaabi]"),  # W08
    "r3.md": art("2025-02-26", "[iraq]", "[kataib-hezbollah]"),  # W09
    "r4.md": art("2025-03-03", "[iraq]", "[akram-al-kaabi]"),  # W10
    "r5.md": art("2025-03-09T23:30:00+03:00", "[iraq]"),  # W10 (Sunday in Baghdad)
    "later-draft.md": art("2025-03-20", "[iraq]", "[harakat-al-nujaba]", extra="draft: true\n"),  # W12, unpublished
}


@pytest.fixture(scope="module")
def trends(tmp_path_factory):
    content, _ = check(settings_for(content_tree(tmp_path_factory.mktemp("trends"), ARTICLES)))
    return build_trends(build_index(content))


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    return build_site(settings_for(content_tree(tmp_path_factory.mktemp("site"), ARTICLES))).pages


def text(html: str) -> str:
    """A page's words without tags, entities or repeated spaces."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_now_is_the_newest_published_article_week_not_the_clock_or_a_draft(trends):
    window = trends.window
    assert window.now == "2025-W10"
    assert window.recent == ("2025-W07", "2025-W08", "2025-W09", "2025-W10")
    assert window.earlier == ("2025-W03", "2025-W04", "2025-W05", "2025-W06")
    assert window.first == "2025-W01" and not window.partial


@pytest.mark.parametrize(("kind", "slug", "sentence"), [
    ("regions", "iraq", "more coverage: 5 articles in the 4 weeks to 2025-W10, 2 in the 4 weeks before"),
    ("regions", "golan-heights", "less coverage: 1 article in the 4 weeks to 2025-W10, 4 in the 4 weeks before"),
    ("actors", "kataib-hezbollah", "steady: 3 articles in the 4 weeks to 2025-W10, 3 in the 4 weeks before"),
    ("actors", "akram-al-kaabi", "new: 2 articles in the 4 weeks to 2025-W10, none before"),
    ("themes", "armed-factions", "no recent coverage: no articles in the 8 weeks to 2025-W10; the latest in 2025-W01"),
    ("actors", "islamic-resistance-in-iraq", "no coverage yet"),
    ("actors", "harakat-al-nujaba", "no coverage yet"),  # named only by the draft
    # A region counts its sub-regions' articles, as its page lists them: 5 against 4 is steady.
    ("regions", "middle-east", "steady: 5 articles in the 4 weeks to 2025-W10, 4 in the 4 weeks before"),
    ("regions", "syria", "less coverage: 1 article in the 4 weeks to 2025-W10, 4 in the 4 weeks before"),
])
def test_trend_sentences(trends, kind, slug, sentence):
    assert trend_sentence(trends.of(kind, slug), ENGLISH) == sentence


def test_trend_numbers_word_and_arrow(trends):
    iraq = trends.of("regions", "iraq")
    assert (iraq.direction, trend_word(iraq, ENGLISH), iraq.arrow, iraq.change) == ("more", "more coverage", "↑", 3)
    assert iraq.weekly == (1, 0, 1, 0, 1, 1, 1, 2)
    golan = trends.of("regions", "golan-heights")
    assert (golan.direction, golan.arrow, golan.recent, golan.earlier) == ("less", "↓", 1, 4)
    assert trends.of("actors", "akram-al-kaabi").arrow == "★"
    assert trends.of("actors", "kataib-hezbollah").arrow == "→"


@pytest.mark.parametrize(("recent", "earlier", "new", "expected"), [
    (7, 2, False, "more"), (2, 7, False, "less"), (3, 3, False, "steady"),
    (1, 0, False, "steady"), (0, 1, False, "steady"),  # one article says little
    (2, 0, False, "more"), (0, 2, False, "less"),
    (22, 20, False, "steady"), (23, 20, False, "more"),  # up to a tenth of the larger count is steady
    (0, 0, False, "quiet"), (1, 0, True, "new"),
])
def test_direction_rule(recent, earlier, new, expected):
    assert direction(recent, earlier, new) == expected


def test_ranked_puts_the_biggest_rise_first_and_leaves_out_the_uncovered(trends):
    # Ties (the three falls of 3) go to the most recent coverage, then to the slug.
    assert [slug for slug, _ in trends.ranked("regions")] == ["iraq", "middle-east", "golan-heights", "levant", "syria"]
    assert [slug for slug, _ in trends.ranked("actors")] == ["akram-al-kaabi", "kataib-hezbollah"]
    assert trends.uncovered("actors") == 2
    assert trends.uncovered("themes") == 2  # armed factions only in W01, ceasefire never


def test_new_this_week_lists_what_the_content_names_for_the_first_time(trends):
    assert trends.weeks["2025-W01"].first == {"regions": ("syria",), "actors": (), "themes": ("armed-factions",)}
    assert trends.weeks["2025-W03"].first == {
        "regions": ("golan-heights", "iraq"),
        "actors": ("kataib-hezbollah",),
        "themes": (),
    }
    assert trends.weeks["2025-W05"].first == {"regions": (), "actors": (), "themes": ()}
    assert trends.weeks["2025-W08"].first == {"regions": (), "actors": ("akram-al-kaabi",), "themes": ()}
    assert "2025-W12" not in trends.weeks  # the draft's week


def test_most_named_needs_two_articles_in_the_week(trends):
    assert trends.weeks["2025-W10"].most == {"regions": (("iraq", 2),), "actors": (), "themes": ()}
    assert trends.weeks["2025-W08"].most == {"regions": (), "actors": (), "themes": ()}


def test_most_named_is_by_count_then_name_and_at_most_five(tmp_path):
    regions = "".join(
        f"{slug}: {{name: {name}}}\n"
        for slug, name in zip("abcdefg", ("Golf", "Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"), strict=True)
    )
    week = {"1.md": art("2025-01-14", "[a, b, c, d, e, f, g]"), "2.md": art("2025-01-15", "[a, b, c, d, e, f, g]"),
            "3.md": art("2025-01-16", "[a, b]")}
    content, _ = check(
        settings_for(content_tree(tmp_path, week, regions=regions, actors="someone: {name: Someone, kind: person}\n"))
    )
    most = build_trends(build_index(content)).weeks["2025-W03"].most["regions"]
    assert most == (("b", 3), ("a", 3), ("g", 2), ("f", 2), ("e", 2))  # Foxtrot before Golf, then Alpha, Bravo, Charlie


def test_no_articles_means_no_window_and_no_trend(tmp_path):
    content, _ = check(settings_for(content_tree(tmp_path, {})))
    trends = build_trends(build_index(content))
    assert trends.window is None and trends.weeks == {}
    assert trend_sentence(trends.of("regions", "iraq"), ENGLISH) == "no coverage yet"


def test_a_young_digest_says_its_earlier_weeks_are_partly_covered(tmp_path):
    content, _ = check(settings_for(content_tree(tmp_path, {
        "a.md": art("2025-01-29", "[iraq]"), "b.md": art("2025-02-26", "[iraq]"), "c.md": art("2025-03-05", "[iraq]"),
    })))
    window = build_trends(build_index(content)).window
    assert (window.first, window.now, window.partial) == ("2025-W05", "2025-W10", True)


def test_region_actor_and_theme_pages_show_the_trend_and_say_what_it_measures(pages):
    iraq = text(pages["regions/iraq.md"])
    assert "↑ more coverage: 5 articles in the 4 weeks to 2025-W10, 2 in the 4 weeks before." in iraq
    assert "not of events" in iraq
    assert "4 weeks before: 2" in iraq and "Last 4 weeks: 5" in iraq
    assert "★ new: 2 articles in the 4 weeks to 2025-W10, none before." in text(pages["actors/akram-al-kaabi.md"])
    assert "no recent coverage: no articles in the 8 weeks to 2025-W10; the latest in 2025-W01." in text(
        pages["themes/armed-factions.md"]
    )
    assert 'id="coverage"' not in pages["themes/ceasefire.md"]  # nothing to compare: the page says it has no articles


def test_index_pages_list_the_change_biggest_rise_first(pages):
    regions = pages["regions/index.md"]
    start = regions.index('<table class="digest-trends">')
    table = regions[start : regions.index("</table>", start)]
    assert re.findall(r'href="([a-z-]+)/"', table) == ["iraq", "middle-east", "golan-heights", "levant", "syria"]
    assert '<td data-value="3">+3</td>' in table and '<td data-value="-3">-3</td>' in table
    # the sort control, an asset; the built order stands without it
    assert '<script src="../assets/javascripts/digest-trends.js"></script>' in regions
    actors = text(pages["actors/index.md"])
    assert "2 other actors had no articles in these 8 weeks." in actors
    themes = pages["themes/index.md"]
    assert (
        '<table class="digest-trends">' not in themes
        and "<script>" not in themes
        and "2 other themes had no articles in these 8 weeks." in text(themes)
    )


def test_week_page_shows_new_this_week_linked(pages):
    week = pages["digest/2025-W03.md"]
    news = week[week.index('id="new-this-week"'):week.index("<h2><a")]
    assert 'href="../../regions/golan-heights/">Golan Heights</a>, <a href="../../regions/iraq/">Iraq</a>' in news
    assert 'href="../../actors/kataib-hezbollah/">Kata&#39;ib Hezbollah</a>' in news
    assert "Themes" not in news
    assert "Named this week for the first time in the digest." in text(news)
    assert "Everything this week's articles name was in the digest before." in text(pages["digest/2025-W05.md"])
    assert (
        'Most named this week</h3>\n<dl class="digest-facets digest-news">\n<dt>Regions</dt><dd><a '
        'href="../../regions/iraq/">Iraq</a> <span class="digest-count"'
        in pages["digest/2025-W10.md"]
    )
    assert "This is the digest's first week, so everything it names is new to it." in text(pages["digest/2025-W01.md"])
