"""Every reader: Arabic runs right to left where it appears, and dates read as people write them,
with the machine-readable form in <time datetime>."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from trees import article, content_tree, mkdocs_project, settings_for

from digest.pipeline import build_site
from digest.shell.driver import build
from digest.site.dates import long_date, month_name, week_span
from digest.site.languages import is_rtl, language_attrs, script_attrs, ui_attrs

ARABIC_ARTICLE = article(
    "فصائل عراقية تعلق هجماتها",
    "2025-01-16",
    "[العراق]",
    "language: ar\nactors: [النجباء]\nquotes:\n  - {speaker: Akram al-Kaabi, text: أصابعنا على الزناد}\n",
    body="ملاحظة تحريرية.\n\n- نقطة أولى\n",
).replace("A summary in the curator's words.", "ملخص بكلمات المحرر.")
ENGLISH_ARTICLE = article(
    "Factions pause attacks", "2024-12-31", "[golan-heights]",
    "actors: [Kata'ib Hezbollah]\nquotes:\n  - {speaker: النجباء, text: أصابعنا على الزناد}\n",
)


@pytest.fixture
def site(tmp_path):
    return build_site(settings_for(content_tree(tmp_path, {"ar.md": ARABIC_ARTICLE, "en.md": ENGLISH_ARTICLE})))


def test_language_and_direction_attributes():
    assert script_attrs("النجباء", within="en") == ' lang="ar" dir="rtl"'
    assert script_attrs("Al-Nujaba", within="en") == ""
    assert script_attrs("النجباء", within="ar") == ""
    assert script_attrs("Akram al-Kaabi", within="ar") == ' lang="en" dir="ltr"'
    assert language_attrs("ar", site="en") == ' lang="ar" dir="rtl"'
    assert language_attrs("fr-CA", site="en") == ' lang="fr-CA" dir="ltr"'
    assert language_attrs("en", site="en") == ""
    assert language_attrs("en", site="ar") == ' lang="en" dir="ltr"' and language_attrs("ar", site="ar") == ""
    assert ui_attrs("ar", site="en") == ' lang="en" dir="ltr"' and ui_attrs("fr", site="en") == ' lang="en"'
    assert ui_attrs("en", site="en") == ""
    assert ui_attrs("en", site="ar") == ' lang="ar" dir="rtl"' and ui_attrs("ar", site="ar") == ""
    assert is_rtl("fa-IR") and is_rtl("az-Arab") and not is_rtl("en-GB")


def test_an_arabic_article_is_laid_out_right_to_left_with_the_sites_words_left_to_right(site):
    page = site.pages["articles/ar.md"]
    opening = page[page.index("<article"):]
    assert opening.startswith(
        '<article class="digest-article" lang="ar" dir="rtl">\n<h1>فصائل عراقية تعلق هجماتها</h1>'
    )
    assert '<p class="digest-meta" lang="en" dir="ltr"><time datetime="2025-01-16">16 January 2025</time>' in page
    assert '<p class="digest-summary">ملخص بكلمات المحرر.</p>' in opening, (
        "the summary inherits the article's direction"
    )
    assert '<dl class="digest-facets" lang="en" dir="ltr">' in page
    assert '<h2 lang="en" dir="ltr" data-search-exclude>Notes</h2>' in page
    assert '<footer lang="en" dir="ltr">— <a href="../../actors/akram-al-kaabi/">Akram al-Kaabi</a></footer>' in page
    assert page.index("</article>") > page.index("نقطة أولى"), "the notes are inside the right-to-left article"


def test_arabic_inside_english_pages_carries_its_own_language(site):
    home = site.pages["index.md"]
    assert '<li lang="ar" dir="rtl"><a class="digest-list__title"' in home
    assert '<span class="digest-list__meta" lang="en" dir="ltr">' in home
    english = site.pages["articles/en.md"]
    assert '<p lang="ar" dir="rtl">أصابعنا على الزناد</p><footer lang="ar" dir="rtl">— ' in english
    actor = site.pages["actors/harakat-al-nujaba.md"]
    assert '<span lang="ar" dir="rtl">النجباء</span>' in actor


def test_dates_read_the_way_people_write_them():
    assert long_date(dt.date(2025, 1, 24)) == "24 January 2025"
    assert week_span("2025-W04") == "20–26 January 2025"
    assert week_span("2025-W05") == "27 January – 2 February 2025"
    assert week_span("2025-W01") == "30 December 2024 – 5 January 2025"


class VisibleText(HTMLParser):
    """Text a reader sees outside <time>, and every <time> with its datetime; SVG, scripts and styles skipped."""

    SKIP = frozenset({"svg", "script", "style", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.times: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP or tag == "time":
            self.stack.append(tag)
        if tag == "time":
            self.times.append((dict(attrs).get("datetime", ""), ""))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if not self.stack:
            self.text.append(data)
        elif self.stack[-1] == "time":
            when, text = self.times[-1]
            self.times[-1] = (when, text + data)


MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"


def test_every_date_shown_is_a_time_element_in_the_readers_form(tmp_path):
    content_tree(tmp_path, {"ar.md": ARABIC_ARTICLE, "en.md": ENGLISH_ARTICLE})
    build(mkdocs_project(tmp_path), site_dir=tmp_path / "site")
    checked = 0
    for path in sorted((tmp_path / "site").rglob("*.html")):
        parser = VisibleText()
        parser.feed(path.read_text(encoding="utf-8"))
        visible = " ".join(parser.text)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", visible), f"{path}: a machine date shown to readers"
        assert not re.search(rf"\b\d{{1,2}} ({MONTH_NAMES}) \d{{4}}\b", visible), f"{path}: a date outside <time>"
        for when, text in parser.times:
            if re.fullmatch(r"\d{4}-W\d\d", when):
                assert text == week_span(when), (path, when, text)
            elif re.fullmatch(r"\d{4}-\d\d", when):  # a month heading
                assert text == month_name(dt.date.fromisoformat(when + "-01")), (path, when, text)
            else:
                assert text == long_date(dt.date.fromisoformat(when)), (path, when, text)
            checked += 1
    assert checked > 10
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-W03">13–19 January 2025</time>' in home
    week = (tmp_path / "site" / "digest" / "2025-W01" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-W01">30 December 2024 – 5 January 2025</time>' in week


def test_the_network_page_is_in_the_navigation(tmp_path):
    content_tree(tmp_path, {"en.md": ENGLISH_ARTICLE})
    build(mkdocs_project(tmp_path), site_dir=tmp_path / "site")
    home = Path(tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="network/" class="md-nav__link">\s*(<span class="md-ellipsis">)?\s*Network\s*<', home)
    assert (tmp_path / "site" / "network" / "index.html").exists()
