"""Which language a piece of text is in and which way it runs: the lang and dir attributes that make
Arabic render right to left inside an English site, and English text or the site's words inside text
of another direction render left to right. Knows nothing of templates or pages."""
from __future__ import annotations

import functools
import re

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm"}
CONTENT_LANGUAGE = "en"
"""The language of curators' text that does not say otherwise (an article's `language` default);
Latin-script names in registries are taken to be in it."""


def script_attrs(text: str, within: str) -> str:
    """lang and dir for a name or a quote by its script, inside text in `within` (a BCP 47 tag):
    Arabic-script text outside right-to-left text is ' lang="ar" dir="rtl"', Latin-script text inside
    it ' lang="en" dir="ltr"'; '' where it already runs the right way."""
    if ARABIC_SCRIPT.search(text or ""):
        return "" if is_rtl(within) else ' lang="ar" dir="rtl"'
    return f' lang="{CONTENT_LANGUAGE}" dir="ltr"' if is_rtl(within) else ""


def text_language(text: str, language: str) -> str:
    """The language of a short text (a quote) from an article in `language`, as script_attrs reads
    it: the article's, but Arabic script in a left-to-right article is Arabic, and other script in a
    right-to-left article is in the content's default language."""
    arabic = bool(ARABIC_SCRIPT.search(text))
    if arabic == is_rtl(language):
        return language
    return "ar" if arabic else CONTENT_LANGUAGE


def svg_lang(text: str, within: str) -> str:
    """script_attrs' lang alone, for SVG text: its direction must stay the picture's, which its
    mirrored layout and text anchors are made for."""
    return script_attrs(text, within).split(" dir=")[0]


def ui_attrs(within: str, site: str) -> str:
    """lang (and dir) for the site's own words inside text in another language: the labels and
    dates around an Arabic article in an English site, or an English one in an Arabic site."""
    if within == site:
        return ""
    if is_rtl(within) == is_rtl(site):
        return f' lang="{site}"'
    return f' lang="{site}" dir="{"rtl" if is_rtl(site) else "ltr"}"'


@functools.lru_cache(maxsize=256)  # asked for every name and quote placed, of a handful of tags
def is_rtl(language: str) -> bool:
    """Whether a BCP 47 tag names a right-to-left language or script: 'ar', 'fa-IR', 'az-Arab'."""
    subtags = language.lower().split("-")
    return subtags[0] in RTL_LANGUAGES or any(tag in RTL_SCRIPTS for tag in subtags[1:])


def language_attrs(language: str, site: str) -> str:
    """lang (and dir) for text in an article's language; '' for the site's own language."""
    if language == site:
        return ""
    return f' lang="{language}" dir="rtl"' if is_rtl(language) else f' lang="{language}" dir="ltr"'
