"""digest's own words: the catalogues are complete and current, Arabic plurals, dates and numbers."""
from __future__ import annotations

import datetime as dt

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from trees import REPO

from digest.site.dates import (
    long_date,
    month_name,
    month_short,
    time_tag,
    week_label,
    week_name,
    week_span,
    week_tag,
    week_title,
)
from digest.site.languages import ui_attrs
from digest.site.sentences import articles
from digest.words import LOCALES, has_catalogue, words_for

ARABIC = words_for("ar")


def catalogue(language: str):
    with (LOCALES / language / "LC_MESSAGES" / "digest.po").open("rb") as po:
        return read_po(po, locale=language)


def source_messages() -> set[str]:
    """Every message the code and templates ask for now, extracted as README.md's command does."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as cfg:
        methods, options = parse_mapping_cfg(cfg)
    return {message if isinstance(message, str) else message[0]
            for _, _, message, _, _ in extract_from_dir(str(REPO), methods, options)}


def test_the_catalogues_hold_every_message_the_site_writes():
    wanted = source_messages()
    for language in ("en", "ar"):
        held = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(language) if m.id}
        assert held == wanted, f"{language}: run the extract and update commands in README.md"


def test_every_arabic_message_is_translated_with_the_placeholders_it_may_use():
    arabic = catalogue("ar")
    untranslated = [
        m.id for m in arabic if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))
    ]
    assert untranslated == []
    assert [(m.id, errors) for m, errors in arabic.check()] == []
    assert arabic.num_plurals == 6


@pytest.mark.parametrize(("count", "expected"), [
    (0, "لا مقالات"), (1, "مقال واحد"), (2, "مقالان"), (3, "3 مقالات"), (10, "10 مقالات"),
    (11, "11 مقالًا"), (99, "99 مقالًا"), (100, "100 مقال"), (103, "103 مقالات"), (1000, "1,000 مقال"),
])
def test_arabic_counts_take_all_six_plural_forms(count, expected):
    assert articles(count, ARABIC) == expected


def test_arabic_dates_and_weeks_read_as_arabic_readers_write_them():
    assert long_date(dt.date(2025, 1, 16), ARABIC) == "16 يناير 2025"
    assert week_span("2025-W04", ARABIC) == "20–26 يناير 2025"
    assert week_span("2025-W05", ARABIC) == "27 يناير – 2 فبراير 2025"
    assert week_name("2025-W04", ARABIC) == "الأسبوع 4 من 2025"
    assert week_title("2025-W04", ARABIC) == "الأسبوع 4 من 2025"
    assert week_label("2025-W04", ARABIC) == "الأسبوع 4 من 2025 (ابتداءً من 20 يناير 2025)"
    assert (week_name("2025-W04"), week_title("2025-W04")) == ("2025-W04", "Week 2025-W04")


def test_time_elements_keep_iso_values_and_write_the_language_s_dates():
    assert time_tag(dt.datetime(2025, 1, 16, 9, 30), ARABIC) == '<time datetime="2025-01-16">16 يناير 2025</time>'
    assert week_tag("2025-W05") == '<time datetime="2025-W05">27 January – 2 February 2025</time>'
    assert week_tag("2025-W04", ARABIC) == '<time datetime="2025-W04">20–26 يناير 2025</time>'


def test_months_are_named_in_the_language_of_the_site():
    january = dt.date(2025, 1, 1)
    assert (month_name(january), month_short(january)) == ("January 2025", "Jan")
    assert (month_name(january, ARABIC), month_short(january, ARABIC)) == ("يناير 2025", "يناير")
    assert month_name(january, words_for("ar-IQ")) == "كانون الثاني 2025"
    assert month_name(dt.date(2025, 9, 1), words_for("fr")) == "septembre 2025"


def test_a_language_is_found_by_its_own_tag_or_its_language():
    assert words_for("ar-IQ").gettext("Regions") == "المناطق"
    assert words_for("ar-IQ").date(dt.date(2025, 1, 16), "MMMM") == "كانون الثاني"  # Iraq's own month names
    assert words_for("ar").direction == "rtl" and words_for("en").direction == "ltr"
    assert has_catalogue("en") and has_catalogue("ar") and not has_catalogue("fr")
    french = words_for("fr")
    assert french.gettext("Regions") == "Regions" and french.date(dt.date(2025, 1, 16), "MMMM") == "janvier"


def test_the_site_words_inside_an_english_article_of_an_arabic_site_say_so():
    assert ui_attrs("en", site="ar") == ' lang="ar" dir="rtl"'
