"""The site's own words in the site's language: gettext catalogues and Babel's dates and numbers.

The catalogues are digest/locales/LANG/LC_MESSAGES/digest.po. Babel compiles one in memory the
first time a build asks for its language, so a fresh clone needs no compile step and there is no
compiled file to keep in step. Knows nothing of templates, pages or files other than its catalogues.
"""
from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LOCALES = Path(__file__).parent / "locales"
"""One folder per language with a catalogue: locales/ar/LC_MESSAGES/digest.po."""
DOMAIN = "digest"
SOURCE_LANGUAGE = "en"
"""The language the templates and the code are written in: the msgids."""


def N_(message: str) -> str:
    """Marks a message for the catalogues where it is defined; it is translated where it is shown."""
    return message


@dataclass(frozen=True, eq=False)
class Words:
    """digest's words, dates and numbers in one language; one per language (words_for), compared by identity."""

    language: str
    """The BCP 47 tag the site gives ('ar', 'en'), for lang attributes and feeds."""
    locale: Locale
    translations: gettext.NullTranslations
    catalogue: Path | None = None
    """The .po file the translations come from; None for digest's own English."""

    def gettext(self, message: str, **values: object) -> str:
        """The message in this language, its %(name)s placeholders filled from values."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, num: int, **values: object) -> str:
        """The form for num (Arabic has six); %(num)s is the number as this language writes it."""
        return self.translations.ngettext(singular, plural, num) % {"num": self.number(num), **values}

    def number(self, value: int) -> str:
        """3000 -> '3,000' in the locale's own digits and separators."""
        return _number(value, self.locale)

    def date(self, day: dt.date, pattern: str) -> str:
        """A date in a CLDR pattern ('d MMMM y') with the locale's month names."""
        return _date(day, pattern, self.locale)

    def skeleton(self, day: dt.date, skeleton: str) -> str:
        """A date from CLDR fields ('yMMMM'), in the order and with the words the locale puts them."""
        return _skeleton(day, skeleton, self.locale)

    @property
    def direction(self) -> str:
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"


# A build writes the same few hundred numbers and dates tens of thousands of times (counts, weeks,
# listing dates): each is formatted by Babel once. typed: 1, 1.0 and True are formatted apart.
@functools.lru_cache(maxsize=65536, typed=True)
def _number(value: int, locale: Locale) -> str:
    return format_decimal(value, locale=locale)


@functools.lru_cache(maxsize=65536, typed=True)
def _date(day: dt.date, pattern: str, locale: Locale) -> str:
    return format_date(day, pattern, locale=locale)


@functools.lru_cache(maxsize=65536, typed=True)
def _skeleton(day: dt.date, skeleton: str, locale: Locale) -> str:
    return format_skeleton(skeleton, day, locale=locale)


@functools.lru_cache(maxsize=8)
def words_for(language: str) -> Words:
    """The Words of a BCP 47 tag: its own catalogue ('ar-IQ'), else its language's ('ar'); a language
    with neither keeps digest's words in English, with that language's dates and numbers."""
    locale = _locale(language)
    for name in (str(locale), locale.language):
        catalogue = LOCALES / name / "LC_MESSAGES" / f"{DOMAIN}.po"
        if catalogue.is_file():
            return Words(language, locale, compiled(catalogue, locale), catalogue)
    return Words(language, locale, gettext.NullTranslations())


def has_catalogue(language: str) -> bool:
    """Whether digest's own words exist in this language (English always does)."""
    return _locale(language).language == SOURCE_LANGUAGE or isinstance(words_for(language).translations, Translations)


def compiled(catalogue: Path, locale: Locale) -> Translations:
    """A .po file as gettext translations, compiled by Babel in memory (fuzzy entries left out)."""
    with catalogue.open("rb") as po:
        messages = read_po(po, locale=locale, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, messages)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(SOURCE_LANGUAGE)


ENGLISH = words_for(SOURCE_LANGUAGE)
"""The source language's words: what code that is given no site language writes."""
