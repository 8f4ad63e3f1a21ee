"""Listings read month by month: headings with counts across page breaks, and the line of months."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from trees import article, content_tree, settings_for

from digest.pipeline import build_site
from digest.site.pages import PAGE_SIZE

FEBRUARY, JANUARY, DECEMBER = 5, PAGE_SIZE, 5
"""January fills the rest of page 1 (PAGE_SIZE - 5 articles) and runs onto page 2."""


def dated(day: dt.date, n: int) -> str:
    return article(f"Report {n}", day.isoformat(), "[iraq]")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    days = (
        [dt.date(2025, 2, 1 + i) for i in range(FEBRUARY)]
        + [dt.date(2025, 1, 31 - i % 31) for i in range(JANUARY)]
        + [dt.date(2024, 12, 1 + i) for i in range(DECEMBER)]
    )
    return content_tree(
        tmp_path_factory.mktemp("months"), {f"a{n:03d}.md": dated(day, n) for n, day in enumerate(days)}
    )


def headings(page: str) -> list[tuple[str, str]]:
    """(id or '', text) of each month heading."""
    found = re.findall(r'<h[23] class="digest-month" data-search-exclude(?: id="([^"]+)")?>(.*?)</h[23]>', page)
    return [(anchor, re.sub(r"<[^>]+>", "", text)) for anchor, text in found]


def line(page: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="digest-months".*?</nav>', page, re.S).group()
    return re.findall(r'(?:<strong>(\d{4})</strong>|<a href="([^"]+)")', nav)


def test_month_headings_carry_the_months_count_and_say_where_a_month_runs_on(root):
    pages = build_site(settings_for(root)).pages
    first, second = pages["regions/iraq.md"], pages["regions/iraq/page/2.md"]
    assert headings(first) == [
        ("month-2025-02", "February 2025 5 articles"),
        ("month-2025-01", "January 2025 50 articles"),
    ]
    assert (
        '<p class="digest-meta digest-month__more" data-search-exclude>'
        'January 2025 continues on <a href="page/2/">page 2</a>.</p>' in first
    )
    assert headings(second) == [
        ("", "January 2025 50 articles continued from page 1"),
        ("month-2024-12", "December 2024 5 articles"),
    ]
    assert "continues on" not in second
    assert len(re.findall(r'class="digest-list__title"', first)) == PAGE_SIZE
    assert len(re.findall(r'class="digest-list__title"', second)) == FEBRUARY + JANUARY + DECEMBER - PAGE_SIZE


def test_the_line_of_months_links_each_month_where_it_begins_from_every_page(root):
    pages = build_site(settings_for(root)).pages
    assert line(pages["regions/iraq.md"]) == [
        ("2025", ""),
        ("", "#month-2025-02"),
        ("", "#month-2025-01"),
        ("2024", ""),
        ("", "page/2/#month-2024-12"),
    ]
    assert line(pages["regions/iraq/page/2.md"]) == [
        ("2025", ""),
        ("", "../../#month-2025-02"),
        ("", "../../#month-2025-01"),
        ("2024", ""),
        ("", "#month-2024-12"),
    ]
    assert (
        'title="January 2025: 50 articles">Jan <span class="digest-count">50</span></a>'
        in pages["regions/iraq.md"]
    )
    assert line(pages["regions/middle-east/page/2.md"]) == line(pages["regions/iraq/page/2.md"])  # sub-regions' too


def test_the_line_works_in_the_offline_bundle(root):
    pages = build_site(dataclasses.replace(settings_for(root), directory_urls=False)).pages
    assert [href for _, href in line(pages["regions/iraq/page/2.md"]) if href] == [
        "../../iraq.html#month-2025-02",
        "../../iraq.html#month-2025-01",
        "#month-2024-12",
    ]
    assert [href for _, href in line(pages["regions/iraq.md"]) if href][-1] == "iraq/page/2.html#month-2024-12"


def test_one_month_has_headings_but_no_line_and_an_empty_listing_neither(tmp_path):
    root = content_tree(tmp_path, {"one.md": article("One", "2025-01-16", "[iraq]", "actors: [Al-Nujaba]\n")})
    pages = build_site(settings_for(root)).pages
    for src in ("regions/iraq.md", "actors/harakat-al-nujaba.md", "themes/ceasefire.md"):
        assert "digest-months" not in pages[src], src
    assert headings(pages["actors/harakat-al-nujaba.md"]) == [("month-2025-01", "January 2025 1 article")]
    assert headings(pages["themes/ceasefire.md"]) == []
    empty = '<p class="digest-empty" data-search-exclude>No articles on Ceasefire yet.</p>'
    assert empty in pages["themes/ceasefire.md"]


def test_an_arabic_site_names_its_months_and_counts_them_in_arabic(root):
    pages = build_site(dataclasses.replace(settings_for(root), language="ar")).pages
    first, second = pages["regions/iraq.md"], pages["regions/iraq/page/2.md"]
    assert headings(first) == [("month-2025-02", "فبراير 2025 5 مقالات"), ("month-2025-01", "يناير 2025 50 مقالًا")]
    assert (
        '<p class="digest-meta digest-month__more" data-search-exclude>'
        'يتواصل يناير 2025 في <a href="page/2/">الصفحة 2</a>.</p>' in first
    )
    assert headings(second) == [("", "يناير 2025 50 مقالًا تتمة من الصفحة 1"), ("month-2024-12", "ديسمبر 2024 5 مقالات")]
    assert line(first)[0] == ("2025", "")
    assert 'title="يناير 2025: 50 مقالًا">يناير <span class="digest-count">50</span></a>' in first
    assert 'aria-label="أشهر هذه القائمة"' in first
