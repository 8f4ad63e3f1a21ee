"""The example built in Arabic: no word of digest's own is left in English, and the feeds and the
data say which language they are in."""
from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from babel.messages.pofile import read_po
from trees import REPO

from digest.pipeline import build_site
from digest.shell.driver import load_settings
from digest.words import LOCALES

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*[sd]|<code>.*?</code>|<[^>]+>")
"""What cuts a message into pieces of English: placeholders, tags, and code (field names stay as they are)."""
CURATOR_LANGUAGE = re.compile(r"^(?!ar\b)")
"""Elements in another language than the site's hold curators' text (an English title, a source's name)."""


def english_fragments() -> dict[str, str]:
    """Every piece of English text of the catalogue (each message cut at its placeholders and tags)
    -> its message; pieces that the Arabic translation keeps as they are (Atom, CSV, UTF-8) left out."""
    with (LOCALES / "ar" / "LC_MESSAGES" / "digest.po").open("rb") as po:
        arabic = read_po(po, locale="ar")
    fragments = {}
    for message in arabic:
        if not message.id:
            continue
        translations = " ".join(message.string if isinstance(message.string, tuple) else [message.string])
        for text in message.id if isinstance(message.id, tuple) else [message.id]:
            for piece in PLACEHOLDER.split(text):
                piece = piece.strip(" .,;:·()←→–-")
                if re.search(r"[A-Za-z]{2}", piece) and piece not in translations:
                    fragments[piece] = text
    return fragments


def curators_text() -> list[str]:
    """What the curators wrote that an Arabic page shows as it is: names, titles, summaries, the site's name."""
    settings = load_settings(REPO / "mkdocs.yml")
    index = build_site(settings).index
    registries = index.registries
    texts = [settings.site_name]
    for entries in (registries.regions, registries.actors, registries.themes):
        for entry in entries.values():
            texts += [entry.name, *entry.aliases, entry.description or ""]
    for a in index.articles:
        texts += [a.title, a.summary, a.source.name, *(q.text for q in a.quotes), *(q.speaker for q in a.quotes)]
    return sorted((t for t in texts if t), key=len, reverse=True)


def site_words(page: Path, curators: list[str]) -> str:
    """The text a reader of the page sees or hears (tooltips and accessible names included), without
    the curators' text, code, scripts and what Material writes outside the page's content."""
    root = lxml.html.fromstring(page.read_bytes())
    content = root.find_class("md-content")
    if not content:
        return ""
    for element in content[0].xpath(".//script | .//style | .//code | .//*[@lang]"):
        if element.tag in ("script", "style", "code") or CURATOR_LANGUAGE.match(element.get("lang")):
            element.drop_tree()
    parts = [content[0].text_content()]
    parts += content[0].xpath(".//@title | .//@aria-label")
    text = " ".join(parts)
    for curated in curators:
        text = text.replace(curated, " ")
    return text


@pytest.fixture(scope="module")
def pages(arabic_site: Path) -> list[Path]:
    return sorted(arabic_site.rglob("*.html"))


def test_no_english_word_of_digest_is_left_in_an_arabic_page(arabic_site, pages):
    fragments = english_fragments()
    assert len(fragments) > 200  # the catalogue's own words, not a handful
    # a whole word or phrase: 'actors' in 'actors.json', a file's name, is no word of the site
    patterns = {fragment: re.compile(rf"(?<![A-Za-z]){re.escape(fragment)}(?![A-Za-z]|\.\w)") for fragment in fragments}
    curators = curators_text()
    left = []
    for page in pages:
        words = site_words(page, curators)
        left += [f"{page.relative_to(arabic_site)}: {fragment!r} (from {fragments[fragment]!r})"
                 for fragment, pattern in patterns.items() if pattern.search(words)]
    assert left == [], "\n".join(left)
    assert len(pages) > 100


def test_an_arabic_page_is_arabic_and_right_to_left(arabic_site):
    home = (arabic_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" class="no-js">' in home and '<body dir="rtl"' in home
    actor = (arabic_site / "actors" / "harakat-al-nujaba" / "index.html").read_text(encoding="utf-8")
    assert "<h2 id=\"ties\" data-search-exclude>الروابط</h2>" in actor
    assert '<time datetime="2025-01-16">16 يناير 2025</time>' in actor
    assert '<p class="digest-kind">جماعة مسلحة</p>' in actor
    # a kind names one actor on its page and heads the list of all of them on the actors page
    reuters = (arabic_site / "actors" / "reuters" / "index.html").read_text(encoding="utf-8")
    assert '<p class="digest-kind">وسيلة إعلام</p>' in reuters
    actors = (arabic_site / "actors" / "index.html").read_text(encoding="utf-8")
    assert '<h2>وسائل الإعلام</h2>' in actors
    # an English article in the Arabic site keeps its language and direction
    english = arabic_site / "articles" / "iraqi-factions-suspend-attacks-on-israel" / "index.html"
    article = english.read_text(encoding="utf-8")
    assert '<article class="digest-article" lang="en" dir="ltr">' in article
    assert '<dt>المناطق</dt>' in article


def test_feeds_speak_the_site_language_and_say_so(arabic_site):
    atom = (arabic_site / "digest" / "feed.xml").read_text(encoding="utf-8")
    assert '<feed xml:lang="ar" xmlns="http://www.w3.org/2005/Atom">' in atom
    assert "<title>الأسبوع 7 من 2025 (ابتداءً من 10 فبراير 2025)</title>" in atom
    weekly = json.loads((arabic_site / "digest" / "feed.json").read_text(encoding="utf-8"))
    assert weekly["language"] == "ar" and weekly["title"].startswith("الموجز الأسبوعي · ")
    assert weekly["items"][0]["language"] == "ar"
    everything = json.loads((arabic_site / "feed.json").read_text(encoding="utf-8"))
    article = next(item for item in everything["items"] if item["language"] == "en")
    assert '<p lang="ar" dir="rtl">نشره ' in article["content_html"]


def test_the_data_keeps_its_column_names_and_the_data_page_is_arabic(arabic_site):
    header = (arabic_site / "data" / "articles.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "slug,url,title,date,week,source_name,source_url,regions,actors,themes,language,summary"
    data = (arabic_site / "data" / "index.html").read_text(encoding="utf-8")
    assert "<dt><code>source_url</code></dt><dd>عنوان الخبر الأصلي؛ فارغ إن لم يُسجَّل.</dd>" in data
