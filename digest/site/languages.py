"""Which language a piece of text is in and which way it runs: the lang and dir attributes that make
Arabic render right to left inside the English site, and the site's words inside an Arabic article
render left to right. Knows nothing of templates or pages."""
from __future__ import annotations

import re

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm"}
UI_LANGUAGE = "en"
"""The language the templates are written in: the site's own words."""


def script_attrs(text: str, within: str = UI_LANGUAGE) -> str:
    """' lang="ar" dir="rtl"' for Arabic-script text, so it renders right to left; else ''.

    Inside an element of another language (`within`, a BCP 47 tag), Latin-script text gets the
    site's language and direction back: a Latin speaker under an Arabic quote."""
    if ARABIC_SCRIPT.search(text or ""):
        return "" if is_rtl(within) else ' lang="ar" dir="rtl"'
    return ui_attrs(within) if is_rtl(within) else ""


def text_language(text: str, language: str) -> str:
    """The language of a short text (a quote) from an article in `language`, as script_attrs reads
    it: the article's, but Arabic script in a left-to-right article is Arabic, and other script in a
    right-to-left article is in the site's language."""
    arabic = bool(ARABIC_SCRIPT.search(text))
    if arabic == is_rtl(language):
        return language
    return "ar" if arabic else UI_LANGUAGE


def ui_attrs(within: str) -> str:
    """lang (and dir) for the site's own words inside text in another language: the labels and
    dates around an Arabic article. '' inside the site's language."""
    if within == UI_LANGUAGE:
        return ""
    return f' lang="{UI_LANGUAGE}" dir="ltr"' if is_rtl(within) else f' lang="{UI_LANGUAGE}"'


def is_rtl(language: str) -> bool:
    """Whether a BCP 47 tag names a right-to-left language or script: 'ar', 'fa-IR', 'az-Arab'."""
    subtags = language.lower().split("-")
    return subtags[0] in RTL_LANGUAGES or any(tag in RTL_SCRIPTS for tag in subtags[1:])


def language_attrs(language: str) -> str:
    """lang (and dir) for text in an article's language; '' for the site's own language."""
    if language == UI_LANGUAGE:
        return ""
    return f' lang="{language}" dir="rtl"' if is_rtl(language) else f' lang="{language}" dir="ltr"'
