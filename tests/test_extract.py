"""Extraction: title, date, source and main text from saved pages, Markdown and pasted text."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.curate.clutter import clean, is_chrome
from digest.curate.extract import ExtractionFailed, decode, extract

RAW_ARTICLE = Path(__file__).resolve().parent / "fixtures" / "raw-article-factions-pause.txt"
"""A report as a reprint site serves it, in the project's own (invented) words: a view counter, a
photo caption, a section heading, a provenance note in French, a comment form, share buttons and
template leftovers around the story; no date and no outlet given."""

SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Armed groups pledge to hold fire | The Daily Example</title>
<meta property="og:title" content="Armed groups pledge to hold fire while the truce lasts">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://daily.example.org/news/armed-groups-hold-fire">
<meta property="article:published_time" content="2025-01-18T07:45:00+00:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a> <a href="/sport">Sport</a></nav></header>
<div class="share-bar">SHARE: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<main><article>
<h1>Armed groups pledge to hold fire while the truce lasts</h1>
<p>Two armed groups based in Iraq said on Saturday that they would stop launching drones while the truce in Gaza holds, in statements read out at a gathering in Baghdad.</p>
<p>“We will watch what the occupation does and answer any breach in kind,” said Akram al-Kaabi, whose movement Al-Nujaba has claimed launches towards the Golan before.</p>
<p>Observers in the capital called the pledge cautious and conditional, and noted that Kata'ib Hezbollah had not commented on it in public.</p>
</article></main>
<section class="comments"><h3>LEAVE A REPLY</h3><form><label>Please enter your comment!</label><textarea></textarea>
<label>Please enter your name here</label><input></form></section>
<footer>© 2025 The Daily Example. All rights reserved. <a href="/privacy">Privacy policy</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def test_saved_page_gives_metadata_and_only_the_story():
    found = extract(SAVED_PAGE.encode(), "armed-groups.html")
    assert found.title == "Armed groups pledge to hold fire while the truce lasts"
    assert found.date == dt.date(2025, 1, 18)
    assert found.source_name == "The Daily Example"
    assert found.source_url == "https://daily.example.org/news/armed-groups-hold-fire"
    assert found.language == "en"
    paragraphs = found.text.split("\n\n")
    assert paragraphs[0].startswith("Two armed groups based in Iraq said on Saturday")
    assert paragraphs[-1].endswith("had not commented on it in public.")
    assert len(paragraphs) == 3
    for chrome in ("Home", "SHARE", "Facebook", "LEAVE A REPLY", "Please enter", "All rights reserved", "Privacy"):
        assert chrome not in found.text


def test_html_is_recognised_without_its_suffix():
    assert extract(SAVED_PAGE.encode(), "-").title == "Armed groups pledge to hold fire while the truce lasts"


def test_a_raw_article_loses_its_clutter():
    found = extract(RAW_ARTICLE.read_bytes(), RAW_ARTICLE.name)
    assert found.title == "Armed factions in Iraq pause drone launches as the Gaza ceasefire begins"
    assert found.date is None and found.source_name is None
    for clutter in ("Cet article", "LEAVE A REPLY", "Please enter your", "SHARE:", "spot_img", "Views:", "[AFP]"):
        assert clutter not in found.text, clutter
    assert found.text.startswith("The ceasefire in Gaza drew guarded answers")
    assert found.text.endswith("something that lasts.”")
    assert "\n\nA careful line in Baghdad\n\n" in found.text
    assert "Samira Haddad, a researcher" in found.text


PASTED = """Militias weigh their next step after the truce
By A. Correspondent | 20 January 2025
https://www.example.net/2025/01/militias-next-step

Views: 3,201

Fighters at a checkpoint north of Baghdad. [AFP]

The armed groups that fired drones at Israel during the war now face a choice between the state and the street.

Several of their commanders met in Baghdad this week to discuss the coming months. Sources said the talks ended without a decision.

Source: The Example Monitor

RELATED POSTS

Tweet  Share  Email

Originariamente pubblicato su questo sito

Laisser un commentaire
Votre adresse e-mail ne sera pas publiée.
"""


def test_pasted_text_gives_dateline_address_source_and_clean_paragraphs():
    found = extract(PASTED.encode(), "notes.txt")
    assert found.title == "Militias weigh their next step after the truce"
    assert found.date == dt.date(2025, 1, 20)
    assert found.source_name == "The Example Monitor"
    assert found.source_url == "https://www.example.net/2025/01/militias-next-step"
    assert found.text.split("\n\n") == [
        "The armed groups that fired drones at Israel during the war now face a choice between the state and the "
        "street.",
        "Several of their commanders met in Baghdad this week to discuss the coming months. Sources said the talks "
        "ended without a decision.",
    ]


def test_a_plain_text_without_source_names_the_site_from_its_address():
    found = extract(
        b"A title\nhttps://www.example.org/x\n\nSome text of the story, long enough to be a paragraph.\n", "x.txt"
    )
    assert found.source_name == "example.org"


@pytest.mark.parametrize(
    "line",
    [
        "SHARE:",
        "Views:",
        "Views: 1,204",
        "Tags:",
        "spot_imgspot_img",
        "td_block_related",
        "LEAVE A REPLY",
        "RELATED POSTS",
        "Please enter your comment!",
        "Please enter your name here",
        "Share on Facebook Tweet",
        "Follow us on Telegram",
        "La source de cet article se trouve sur ce site",
        "The source of this article is on this site",
        "Fuente: este artículo fue publicado en otro sitio",
        "Photo: a rally in Baghdad",
        "A rally in Baghdad on Friday. [Getty]",
        "[caption id=12]",
        "{{ related }}",
    ],
)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Iraq’s balancing act",
        "Sources said the talks ended without a decision.",
        "The group answered through Iraq’s Popular Mobilisation Forces (PMF).",
        "“Our fingers remain on the trigger,” he added.",
        "This article's source, a senior official, spoke on condition of anonymity.",
        "Mediators, including Egypt and Qatar, played critical roles.",
        "فصائل عراقية تعلق هجماتها على إسرائيل",
    ],
)
def test_story_lines_are_kept(line):
    assert not is_chrome(line)


def test_everything_after_a_comment_form_is_dropped():
    text = (
        "First paragraph of the story.\n\nSecond one.\n\nThird one.\n\n"
        "Leave a comment\n\nA reader wrote something long here."
    )
    assert clean(text) == "First paragraph of the story.\n\nSecond one.\n\nThird one."


def test_markdown_front_matter_and_headings():
    text = """---
title: A saved note
date: 2025-02-03
source: {name: Example Wire, url: "https://wire.example.com/a"}
---
# A saved note

![a photo](photo.jpg)

The [ceasefire](https://example.com/c) held on its **first** day.
"""
    found = extract(text.encode(), "note.md")
    assert (found.title, found.date, found.source_name, found.source_url) == (
        "A saved note",
        dt.date(2025, 2, 3),
        "Example Wire",
        "https://wire.example.com/a",
    )
    assert found.text == "The ceasefire held on its first day."


def test_arabic_text_is_tagged_ar():
    found = extract(
        "فصائل عراقية تعلق هجماتها\n\nأعلنت حركة النجباء تعليق عملياتها ضد إسرائيل دعما للهدنة في غزة.".encode(), "-"
    )
    assert found.language == "ar" and found.title == "فصائل عراقية تعلق هجماتها"


def test_empty_input_fails_with_a_reason():
    with pytest.raises(ExtractionFailed, match="empty"):
        extract(b"\n \n", "empty.txt")


@pytest.mark.parametrize("data, content_type, text", [
    ("<meta charset='windows-1256'><p>العراق</p>".encode("cp1256"), None, "<meta charset='windows-1256'><p>العراق</p>"),
    ("<meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>بغداد".encode("cp1256"), None,
     "<meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>بغداد"),
    ("<meta charset='utf-8'>بغداد".encode("cp1256"), "text/html; charset=windows-1256", "<meta charset='utf-8'>بغداد"),
    ("\ufeffبغداد\r\nline".encode("utf-8"), "text/plain; charset=windows-1256", "بغداد\nline"),
    ("café “quoted”".encode("cp1252"), None, "café “quoted”"),
    ("café “quoted”".encode("cp1252"), "text/plain; charset=iso-8859-1", "café “quoted”"),
    ("café".encode(), None, "café"),
])
def test_bytes_are_read_in_the_charset_they_declare(data, content_type, text):
    """A byte order mark, then the HTTP header, then the meta tag; else UTF-8 or Windows-1252 (what ISO-8859-1 means on the web)."""
    assert decode(data, content_type) == text


def test_a_saved_page_in_windows_1256_is_read_by_its_meta_tag():
    page = SAVED_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    page = page.replace("Armed groups pledge to hold fire while the truce lasts", "الفصائل تتعهد بوقف النار")
    assert extract(page.encode("cp1256", errors="ignore"), "saved.html").title == "الفصائل تتعهد بوقف النار"
