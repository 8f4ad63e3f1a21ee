"""What each actor said: the statements section of actor pages, from small trees."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import feedparser
import pytest
from trees import ACTORS, article, content_tree, settings_for

from digest.model import Actor
from digest.pipeline import build_site
from digest.site.languages import text_language
from digest.site.pages import STATEMENTS_PAGE_SIZE
from digest.site.statements import role

DESCRIBED = ACTORS.replace(
    "akram-al-kaabi: {name: Akram al-Kaabi, kind: person, member_of: [harakat-al-nujaba]}",
    "akram-al-kaabi: {name: Akram al-Kaabi, kind: person, member_of: [harakat-al-nujaba],"
    " description: Secretary-general of Harakat al-Nujaba.}",
)
QUOTED = {
    "pause.md": article(
        "Nujaba pauses",
        "2025-01-16",
        extra="quotes:\n"
        "  - {speaker: Akram al-Kaabi, text: We are pausing.}\n"
        "  - {speaker: A researcher, text: It may not last.}\n"
        "  - {speaker: النجباء, text: نعلق عملياتنا}\n",
    ),
    "warning.md": article(
        "Kata'ib Hezbollah warns",
        "2025-01-20",
        extra="quotes:\n  - {speaker: Kataib Hezbollah, text: We are watching.}\n",
    ),
    "earlier.md": article(
        "Kaabi speaks",
        "2025-01-02",
        extra="quotes:\n  - {speaker: Sheikh Kaabi, text: Not him.}\n"
        "  - {speaker: akram-al-kaabi, text: An earlier word.}\n",
    ),
    "secret.md": article(
        "Unfinished", "2025-01-25", extra="draft: true\nquotes:\n  - {speaker: Akram al-Kaabi, text: Not yet said.}\n"
    ),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    root = content_tree(tmp_path_factory.mktemp("quoted"), QUOTED, actors=DESCRIBED)
    return build_site(settings_for(root)).pages


def statements(page: str) -> list[tuple[str, str, str]]:
    """(the quote's attributes, its text, its caption as plain text) of each statement, in order."""
    found = re.findall(
        r'<blockquote class="digest-quote"([^>]*)><p>(.*?)</p></blockquote>\n'
        r'<figcaption class="digest-meta">(.*?)</figcaption>',
        page,
    )
    return [
        (attrs, html.unescape(text), html.unescape(re.sub(r"<[^>]+>", "", caption))) for attrs, text, caption in found
    ]


def test_a_person_page_shows_what_the_person_said_newest_first_with_date_and_article(pages):
    page = pages["actors/akram-al-kaabi.md"]
    assert statements(page) == [
        ("", "We are pausing.", "16 January 2025 · Nujaba pauses"),
        ("", "An earlier word.", "2 January 2025 · Kaabi speaks"),
    ]
    assert '<a href="../../articles/pause/#quote-1">Nujaba pauses</a>' in page
    assert '<a href="../../articles/earlier/#quote-2">Kaabi speaks</a>' in page
    assert '<blockquote class="digest-quote" id="quote-2">' in pages["articles/earlier.md"]  # where the link lands


def test_a_group_page_shows_its_own_words_and_each_members_saying_who_spoke(pages):
    assert statements(pages["actors/harakat-al-nujaba.md"]) == [
        ("", "We are pausing.", "Akram al-Kaabi, its secretary-general · 16 January 2025 · Nujaba pauses"),
        (' lang="ar" dir="rtl"', "نعلق عملياتنا", "16 January 2025 · Nujaba pauses"),  # within an article: its order
        ("", "An earlier word.", "Akram al-Kaabi, its secretary-general · 2 January 2025 · Kaabi speaks"),
    ]
    # two members, no title in the registry: just the name; al-Kaabi is a member's member (one level only)
    assert statements(pages["actors/islamic-resistance-in-iraq.md"]) == [
        ("", "We are watching.", "Kata'ib Hezbollah · 20 January 2025 · Kata'ib Hezbollah warns"),
        (' lang="ar" dir="rtl"', "نعلق عملياتنا", "Harakat al-Nujaba · 16 January 2025 · Nujaba pauses"),
    ]
    assert "What Islamic Resistance in Iraq and its members said" in pages["actors/islamic-resistance-in-iraq.md"]


def test_free_text_speakers_and_drafts_are_on_no_actor_page_and_the_section_stays_out_of_search(pages):
    actor_pages = [text for src, text in pages.items() if src.startswith("actors/")]
    for quote in ("It may not last.", "Not him.", "Not yet said."):
        assert not any(quote in text for text in actor_pages), quote
    assert "It may not last." in pages["articles/pause.md"]  # still on its article's page
    assert '<section class="digest-statements" data-search-exclude>' in pages["actors/akram-al-kaabi.md"]


def test_an_actor_with_no_statements_has_no_section(tmp_path):
    root = content_tree(tmp_path, {"plain.md": article("Plain", extra="actors: [Kataib Hezbollah]\n")})
    page = build_site(settings_for(root)).pages["actors/kataib-hezbollah.md"]
    assert "digest-statements" not in page and "Statements" not in page


def test_long_sections_are_paged_like_listings(tmp_path):
    count = STATEMENTS_PAGE_SIZE + 3
    quotes = "".join(f"  - {{speaker: Akram al-Kaabi, text: Word {n}.}}\n" for n in range(count))
    root = content_tree(tmp_path, {"many.md": article("Many words", extra=f"quotes:\n{quotes}")})
    pages = build_site(settings_for(root)).pages
    first, second = pages["actors/akram-al-kaabi.md"], pages["actors/akram-al-kaabi/statements/page/2.md"]
    assert [text for _, text, _ in statements(first)] == [f"Word {n}." for n in range(STATEMENTS_PAGE_SIZE)]
    assert [text for _, text, _ in statements(second)] == [f"Word {n}." for n in range(STATEMENTS_PAGE_SIZE, count)]
    assert f"{count} statements, newest first · page 1 of 2" in first
    assert 'aria-label="Pages of the statements"' in first
    assert '<a href="statements/page/2/">2</a>' in first
    assert '<a href="../../../">back to Akram al-Kaabi</a>' in second
    assert '"title": "Akram al-Kaabi: statements, page 2"' in second and '"search": {"exclude": true}' in second
    assert "actors/akram-al-kaabi/statements/page/3.md" not in pages
    assert "actors/harakat-al-nujaba/statements/page/2.md" in pages  # its member's words, paged too


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Secretary-general and founder of Harakat al-Nujaba.", "secretary-general and founder"),
        ("The armed wing of the Nujaba, since 2013.", "armed wing"),  # an alias, 'the' before it
        ("IRGC liaison of harakat-al-nujaba", "IRGC liaison"),  # the slug; an acronym keeps its capitals
        ("Prime minister of Iraq since 2022.", ""),  # another name
        ("A cleric close to Harakat al-Nujaba.", ""),  # no 'of'
        ("", ""),
    ],
)
def test_a_members_role_comes_from_its_description_when_it_names_the_group(description, expected):
    group = Actor("harakat-al-nujaba", "Harakat al-Nujaba", "armed-group", aliases=("Nujaba",))
    assert role(Actor("someone", "Someone", "person", description=description), group) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("We are pausing.", "en", "en"),
        ("نعلق عملياتنا", "en", "ar"),  # Arabic script in an English article
        ("نعلق عملياتنا", "ar", "ar"),
        (
            "We are pausing.",
            "ar",
            "en",
        ),  # Latin script in an Arabic article: the site's language, as script_attrs has it
        ("Nous suspendons.", "fr", "fr"),
    ],
)
def test_a_quote_is_in_its_articles_language_unless_its_script_says_otherwise(text, language, expected):
    assert text_language(text, language) == expected


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = content_tree(tmp_path_factory.mktemp("fed"), QUOTED, actors=DESCRIBED)
    return build_site(dataclasses.replace(settings_for(root), site_url="https://example.org/digest/"))


def test_every_quoted_actor_has_a_statements_feed_in_atom_and_json_feed(site):
    assert sorted(path for path in site.files if "statements" in path) == [
        f"actors/{slug}/statements.{ext}"
        for slug in ("akram-al-kaabi", "harakat-al-nujaba", "islamic-resistance-in-iraq", "kataib-hezbollah")
        for ext in ("json", "xml")
    ]
    items = json.loads(site.files["actors/harakat-al-nujaba/statements.json"])["items"]
    assert [(i["id"], i["title"], i["language"]) for i in items] == [
        ("https://example.org/digest/articles/pause/#quote-1", "Akram al-Kaabi: “We are pausing.”", "en"),
        ("https://example.org/digest/articles/pause/#quote-3", "Harakat al-Nujaba: “نعلق عملياتنا”", "ar"),
        ("https://example.org/digest/articles/earlier/#quote-2", "Akram al-Kaabi: “An earlier word.”", "en"),
    ]
    assert items[1]["content_html"] == (
        "<blockquote><p>نعلق عملياتنا</p></blockquote>\n"
        '<p lang="en" dir="ltr">— Harakat al-Nujaba, in <a href="https://example.org/digest/articles/pause/#quote-3">'
        "Nujaba pauses</a>, reported by The New Arab on 16 January 2025.</p>"
    )
    parsed = feedparser.parse(site.files["actors/akram-al-kaabi/statements.xml"])
    assert not parsed.bozo and parsed.feed.id == "https://example.org/digest/actors/akram-al-kaabi/#statements"
    assert [entry.id for entry in parsed.entries] == [
        "https://example.org/digest/articles/pause/#quote-1",
        "https://example.org/digest/articles/earlier/#quote-2",
    ]


def test_an_actor_page_announces_its_statements_feed_in_its_head_and_its_feed_line(site):
    page = site.pages["actors/islamic-resistance-in-iraq.md"]
    alternates = json.loads(page.split("\n")[1])["feeds"]
    assert [a["href"] for a in alternates] == [
        "actors/islamic-resistance-in-iraq/statements.xml",
        "actors/islamic-resistance-in-iraq/statements.json",
        "feed.xml",
        "feed.json",
    ]  # no article names it: a statements feed, no articles feed
    assert alternates[0]["title"] == "Islamic Resistance in Iraq: statements · Test digest (Atom)"
    line = re.sub(r"<[^>]+>", "", re.search(r'<p class="digest-feeds" data-search-exclude>.*?</p>', page).group())
    assert line.strip() == (
        "Follow statements by Islamic Resistance in Iraq and its members in a feed reader: Atom · JSON Feed"
    )
    assert '<a href="statements.xml" type="application/atom+xml">' in page


def test_no_statements_no_statements_feed(tmp_path):
    root = content_tree(tmp_path, {"plain.md": article("Plain", extra="actors: [Kataib Hezbollah]\n")})
    site = build_site(settings_for(root))
    assert not [path for path in site.files if "statements" in path]
    assert "statements" not in site.pages["actors/kataib-hezbollah.md"]
