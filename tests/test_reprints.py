"""Reprint detection: the same report under another outlet's name, and different reports kept apart."""
from __future__ import annotations

import datetime as dt

from trees import article, content_tree, mkdocs_project

from digest.cli import main
from digest.curate.reprints import Record, ReprintIndex, likely_reprints, url_key

ORIGINAL = """Two of the armed groups that fired drones at Israel during the Gaza war said on Thursday that
they would stop their attacks for as long as the ceasefire holds. In a statement posted on its
channels, the first group said it was suspending operations to protect the truce and to deny Israel
any excuse to resume the war, while warning that its fighters remained ready. A second group issued a
shorter statement along the same lines a few hours later. Officials in Baghdad welcomed the pause
and said the government was still talking to the factions about bringing their weapons under state
control, a process they described as slow and delicate. Analysts said the announcement was expected,
since the groups had tied their campaign to the war in Gaza from the start."""

REPRINT = """This story first appeared on a partner site.

Two of the armed groups that fired drones at Israel during the Gaza war said on Thursday that they
would halt their attacks for as long as the ceasefire holds. In a statement posted on its channels,
the first group said it was suspending operations to protect the truce and to deny Israel any excuse
to resume the war, while warning that its fighters remained ready. A second group issued a shorter
statement along the same lines a few hours later. Officials in Baghdad welcomed the pause and said
the government was still talking to the factions about bringing their weapons under state control,
a process they described as slow and delicate.

SHARE: Facebook Twitter"""

SAME_TOPIC = """Iraq's government said on Thursday that it had opened talks with the armed factions about
their future after the Gaza ceasefire. The foreign minister, speaking in London, said the groups
could either hand in their weapons or join the official security forces, and that Baghdad would not
let the country be drawn into a wider war. He said the talks were at an early stage and that no
deadline had been set. The factions, which fired drones at Israel during the war, have announced a
pause in their attacks while the truce holds."""


def test_a_reprint_is_found_by_its_text_and_an_article_on_the_same_topic_is_not():
    index = ReprintIndex()
    index.add(Record("original", "Iraqi armed groups pause attacks on Israel", ORIGINAL, dt.date(2025, 1, 16)))
    index.add(Record("topic", "Baghdad opens talks with the factions", SAME_TOPIC, dt.date(2025, 1, 16)))
    [match] = index.similar(Record("new", "Militias in Iraq put drone campaign on hold", REPRINT))
    assert match.key == "original"
    assert match.reason.endswith("% of the text is the same")
    assert int(match.reason.split("%")[0]) >= 80


def test_near_identical_titles_match_within_a_few_days_only():
    index = ReprintIndex()
    index.add(
        Record("a", "Iraqi factions halt attacks on Israel after the Gaza ceasefire deal", "", dt.date(2025, 1, 16))
    )
    near = Record("b", "Iraqi factions halt attacks on Israel following Gaza ceasefire", "", dt.date(2025, 1, 17))
    later = Record("c", "Iraqi factions halt attacks on Israel following Gaza ceasefire", "", dt.date(2025, 2, 20))
    assert [m.key for m in index.similar(near)] == ["a"]
    assert index.similar(near)[0].reason == "the titles are 84% alike"
    assert index.similar(later) == []
    assert [m.key for m in index.similar(Record("d", later.title, ""))] == ["a"]  # no date: any date


def test_different_titles_on_the_same_story_do_not_match():
    index = ReprintIndex()
    index.add(Record("a", "Fourth hostage exchange takes place in Gaza", "", dt.date(2025, 2, 1)))
    assert index.similar(Record("b", "Rafah crossing reopens for the wounded", "", dt.date(2025, 2, 1))) == []


def test_the_same_address_is_the_same_report():
    index = ReprintIndex()
    index.add(Record("a", "One title", "", urls=frozenset({"https://www.example.org/story/"})))
    [match] = index.similar(Record("b", "Another title", "", urls=frozenset({"http://example.org/story?utm_source=x"})))
    assert match.reason == "both name the address http://example.org/story?utm_source=x"


def test_each_pair_is_reported_once_on_the_later_article():
    records = [
        Record("b.md", "Militias in Iraq put drone campaign on hold", REPRINT, dt.date(2025, 1, 17)),
        Record("a.md", "Iraqi armed groups pause attacks on Israel", ORIGINAL, dt.date(2025, 1, 16)),
        Record("c.md", "Baghdad opens talks with the factions", SAME_TOPIC, dt.date(2025, 1, 16)),
    ]
    assert [(a.key, b.key) for a, b, _ in likely_reprints(records)] == [("a.md", "b.md")]


def test_check_warns_about_two_published_reports_and_strict_fails(tmp_path, capsys):
    root = content_tree(
        tmp_path,
        {
            "2025/01/first.md": article(
                "Iraqi factions halt attacks on Israel after the Gaza ceasefire deal", "2025-01-16"
            ),
            "2025/01/second.md": article(
                "Iraqi factions halt attacks on Israel following Gaza ceasefire", "2025-01-17"
            ),
            "2025/01/third.md": article("Baghdad talks with the factions", "2025-01-17"),
        },
    )
    args = ["--content", str(root / "content"), "-f", str(mkdocs_project(root))]
    assert main(["check", *args]) == 0
    err = capsys.readouterr().err
    assert err == (
        "content/articles/2025/01/second.md:1: warning: looks like the same report as "
        "content/articles/2025/01/first.md "
        "(the titles are 84% alike); if it is a reprint, list it under that article's also_published and delete this "
        "file\n"
    )
    assert main(["check", "--strict", *args]) == 1


def test_kept_source_texts_are_compared(tmp_path, capsys):
    root = content_tree(
        tmp_path,
        {
            "2025/01/first.md": article("Iraqi armed groups pause attacks", "2025-01-16"),
            "2025/01/first.source.txt": ORIGINAL,
            "2025/01/second.md": article("Militias put drone campaign on hold", "2025-01-20"),
            "2025/01/second.source.txt": REPRINT,
        },
    )
    assert main(["check", "--content", str(root / "content"), "-f", str(mkdocs_project(root))]) == 0
    assert (
        "second.md:1: warning: looks like the same report as content/articles/2025/01/first.md ("
        in capsys.readouterr().err
    )


def test_an_address_is_the_same_page_without_tracking_but_not_with_another_id():
    same = url_key("https://www.example.org/news.php?b=2&id=7&utm_source=feed&fbclid=x#top")
    assert same == url_key("http://example.org/news.php?id=7&b=2")
    assert url_key("https://example.org/news.php?id=7") != url_key("https://example.org/news.php?id=8")
    assert url_key("https://example.org/a/") == "example.org/a"
