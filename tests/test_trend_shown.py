"""A coverage trend as an entry's page shows it: its words, and each compared week's count, bar and tooltip."""
from __future__ import annotations

from digest.group.trends import Trend, Window
from digest.site.trend import trend_shown
from digest.words import ENGLISH, words_for

WINDOW = Window(recent=("2025-W03", "2025-W04", "2025-W05", "2025-W06"),
                earlier=("2024-W51", "2024-W52", "2025-W01", "2025-W02"), first="2025-W02")


def test_each_week_has_its_count_its_bar_against_the_busiest_and_its_tooltip():
    shown = trend_shown(Trend("more", 7, 2, WINDOW, (0, 0, 0, 2, 1, 4, 0, 2)), ENGLISH)
    assert (shown.word, shown.arrow) == ("more coverage", "↑")
    assert shown.detail == "7 articles in the 4 weeks to 2025-W06, 2 in the 4 weeks before"
    earlier, recent = shown.halves
    assert (earlier.name, earlier.caption, earlier.total) == ("earlier", "4 weeks before", "2")
    assert (recent.name, recent.caption, recent.total) == ("recent", "Last 4 weeks", "7")
    assert [(w.count, w.height, w.short) for w in recent.weeks] == [
        ("1", 25, "W03"), ("4", 100, "W04"), ("0", 0, "W05"), ("2", 50, "W06")
    ]
    assert recent.weeks[1].title == "2025-W04 (from 20 January 2025): 4 articles"


def test_weeks_before_the_digest_began_have_no_count_and_the_note_says_why():
    shown = trend_shown(Trend("more", 7, 2, WINDOW, (0, 0, 0, 2, 1, 4, 0, 2)), ENGLISH)
    before = shown.halves[0].weeks[0]
    assert (before.count, before.height) == (None, 0)
    assert before.title == "2024-W51 (from 16 December 2024): before the digest's first week"
    assert shown.partial == "The digest begins in 2025-W02, so the 4 weeks before 2025-W03 are only partly covered."
    covered = Window(WINDOW.recent, WINDOW.earlier, first="2024-W51")
    assert trend_shown(Trend("steady", 2, 2, covered, (1, 0, 0, 1, 1, 0, 0, 1)), ENGLISH).partial == ""


def test_an_entry_no_article_names_has_no_trend_to_show():
    assert trend_shown(Trend("none", 0, 0, WINDOW, (0,) * 8), ENGLISH) is None
    assert trend_shown(Trend("none", 0, 0, None), ENGLISH) is None


def test_the_words_are_the_site_language():
    shown = trend_shown(Trend("less", 1, 3, WINDOW, (0, 0, 0, 3, 1, 0, 0, 0)), words_for("ar"))
    assert shown.halves[1].caption == "آخر 4 أسابيع"
