"""A raw article (a saved web page, Markdown or pasted text) -> its title, date, source and main text.

HTML goes through trafilatura, which finds the story among navigation, comments and share bars and
reads the page's metadata (title, publication date, site name, canonical address). Markdown and plain
text give their title from the first line or heading, their date from a dateline near the top
('16 January 2025', 'January 16, 2025', '2025-01-16') and their source from a 'Source:' or
'Originally published by' line. Every form then loses its chrome lines (clutter.clean). Writes nothing.

Bytes are read as a browser reads them (w3lib.encoding): a byte order mark, else the charset of the
HTTP header, else the page's meta tag, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from w3lib.encoding import html_to_unicode

from digest.curate import clutter
from digest.read.yaml_lines import YamlProblem, load, split_front_matter
from digest.site.languages import ARABIC_SCRIPT
from digest.words import ENGLISH

MONTHS = {
    name.lower(): number
    for width in ("wide", "abbreviated")
    for number, name in ENGLISH.locale.months["format"][width].items()
} | {"sept": 9}
"""The month names a dateline may use: Babel's English ones, full and short, and 'Sept', which reporters write too."""
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATES = (
    re.compile(r"\b(?P<year>20\d\d|19\d\d)-(?P<number>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
)
SOURCE_LINE = re.compile(
    r"^(?:(?:source|via)\s*:|(?:this (?:article|story|report) (?:was )?)?(?:originally|first) (?:published|appeared)"
    r" (?:by|in|on|at)\b:?)\s*(?P<name>.+?)\.?$",
    re.IGNORECASE,
)
URL = re.compile(r"https?://[^\s<>\"')\]]+")
HEADER_LINES = 8
"""Lines at the top where a dateline, byline or address is looked for."""
MAX_TITLE_WORDS = 30
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class Extracted:
    title: str | None
    date: dt.date | None
    source_name: str | None
    source_url: str | None
    text: str
    """The main text: paragraphs separated by a blank line."""
    language: str | None
    """A BCP 47 tag when the page declares one or the text is in Arabic script; None when unknown."""


class ExtractionFailed(Exception):
    pass


def extract(data: bytes, name: str, content_type: str | None = None, address: str | None = None) -> Extracted:
    """name is the input's file name, address or '-': its suffix tells HTML and Markdown apart.

    content_type and address are the server's Content-Type and the page's address, for a fetched page:
    the address is the source's unless an HTML page declares its canonical address.
    """
    text = decode(data, content_type)
    lower = name.lower()
    served = media_type(content_type) if content_type else None
    looks_html = lower.endswith((".html", ".htm", ".xhtml")) or HTML_START.match(text[:2000])
    if served in HTML_TYPES or (served is None and looks_html):
        return _from_html(text, address)
    if lower.endswith((".md", ".markdown")) or text.startswith("---\n"):
        return _from_markdown(text, address)
    return _from_text(text, address)


def media_type(content_type: str) -> str:
    """'text/html; charset=utf-8' -> 'text/html'"""
    return content_type.split(";", 1)[0].strip().lower()


def decode(data: bytes, content_type: str | None = None) -> str:
    """Text with '\\n' line ends, in the charset the bytes declare (see the module's docstring)."""
    _, text = html_to_unicode(content_type, data, auto_detect_fun=_utf8_or_windows_1252)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf8_or_windows_1252(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _from_html(page: str, address: str | None) -> Extracted:
    import trafilatura  # imported here: it is slow to import and only import needs it

    document = trafilatura.bare_extraction(
        page, url=address, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if document is None or not (document.text or "").strip():
        raise ExtractionFailed("no article text found in the page")
    title = one_line(document.title)
    lines = document.text.split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]  # the page heading repeats the title
    text = clutter.clean("\n".join(lines))
    url = _canonical(document.url, address)
    declared = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z]{2,3})\b", page[:5000], re.IGNORECASE)
    return Extracted(
        title=title,
        date=_iso_date(document.date),
        source_name=one_line(document.sitename) or (_host(url) if url else None),
        source_url=url,
        text=text,
        language=_language(text, declared.group(1).lower() if declared else None),
    )


def _canonical(declared: str | None, address: str | None) -> str | None:
    """The page's own address: the one it declares, unless that is only its site's home page."""
    if not (declared and URL.fullmatch(declared)):
        return address
    if address and urlsplit(declared).path in ("", "/") and urlsplit(address).path not in ("", "/"):
        return address  # a template that names the home page as every page's canonical address
    return declared


def _from_markdown(text: str, address: str | None) -> Extracted:
    fields: dict = {}
    if text.startswith("---\n"):
        try:
            front = split_front_matter(text)
            value = load(front.text, front.first_line).value
            fields = value if isinstance(value, dict) else {}
            text = front.body
        except YamlProblem:
            pass  # not front matter after all: read it as text
    plain = _markdown_to_text(text)
    found = _from_text(plain, address)
    source = fields.get("source")
    source_name = source.get("name") if isinstance(source, dict) else source
    source_url = source.get("url") if isinstance(source, dict) else None
    source_url = source_url if isinstance(source_url, str) and URL.fullmatch(source_url) else None
    return Extracted(
        title=one_line(fields.get("title")) or found.title,
        date=_iso_date(fields.get("date")) or found.date,
        source_name=one_line(source_name) or found.source_name,
        source_url=address or source_url or found.source_url,
        text=found.text,
        language=found.language,
    )


def _markdown_to_text(text: str) -> str:
    text = re.sub(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", "", text, flags=re.MULTILINE)  # image lines
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", r"\1", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}(?:[-*_]\s*){3,}$", "", text, flags=re.MULTILINE)  # rules
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)


def _from_text(text: str, address: str | None = None) -> Extracted:
    """address, where the text was fetched from, is its source's address whatever the text names."""
    lines = [line.strip() for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        raise ExtractionFailed("the input is empty")
    title = (
        lines[first] if len(lines[first].split()) <= MAX_TITLE_WORDS and not clutter.is_chrome(lines[first]) else None
    )
    body = lines[first + 1 :] if title else lines[first:]
    date = next(filter(None, (_date_in(line) for line in body[:HEADER_LINES] if _is_dateline(line))), None)
    written = next((line for line in body[:HEADER_LINES] if URL.fullmatch(line)), None)
    notes = [match for line in body if len(line.split()) <= 12 and (match := SOURCE_LINE.match(line))]
    source = _source_name(notes[0].group("name")) if notes else None
    written = written or next((m.group() for note in notes if (m := URL.search(note.group()))), None)
    url = address or written
    kept = [
        line
        for line in body
        if not (_is_dateline(line) and _date_in(line)) and line != written and not SOURCE_LINE.match(line)
    ]
    cleaned = clutter.clean("\n".join(kept))
    return Extracted(title, date, source or (_host(url) if url else None), url, cleaned, _language(cleaned, None))


def _is_dateline(line: str) -> bool:
    """A short line such as 'Published 16 January 2025' or 'By A. Writer, January 16, 2025'."""
    return len(line.split()) <= 12 and not line.endswith(".")


def _date_in(line: str) -> dt.date | None:
    for pattern in DATES:
        match = pattern.search(line)
        if match:
            parts = match.groupdict()
            month = int(parts["number"]) if parts.get("number") else MONTHS[parts["month"].lower()]
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
    return None


def _iso_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _source_name(text: str) -> str | None:
    name = URL.sub("", text).strip(" :-–,.()")
    return name or None


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _language(text: str, declared: str | None) -> str | None:
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and sum(1 for c in letters if ARABIC_SCRIPT.match(c)) > len(letters) / 2:
        return "ar"
    return declared
