"""The offline bundle's search index: a lunr index built at build time, and what each result shows.

A bundle is read from file://, where nothing can be fetched in pieces, so its index ships whole as a
script. Material's own search worker builds its lunr index in the browser from every page's text,
which took about 3 s at 3,000 articles before the first result; this index is built here instead,
with the `lunr` package (lunr.py, which writes the serialized form lunr.js loads), and the bundle's
worker (assets/javascripts/workers/lunr-search.js) only loads it.

What it holds: each searched page once (Material's search plugin splits a page at its headings; the
parts are joined again), its title and every word of its text, with diacritics, harakat and case
folded and English stop words left out. What a result shows: the page's title and the opening of its
text (TEASER_CHARACTERS), the query's words marked; the rest of the page is left to the page itself,
which marks the words when it opens. Knows nothing of MkDocs: it is given Material's search_index.json
as data.
"""

from __future__ import annotations

import functools
import html
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from lunr.builder import Builder
from lunr.stop_word_filter import WORDS as STOP_WORDS

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+")
"""A word is a run of letters and digits; the bundle's worker splits queries the same way."""
TEASER_CHARACTERS = 300
"""How much of a page's text a result shows."""
TITLE_BOOST = 1000
"""As Material weighs titles: a page named by the query comes before pages that mention it."""


def fold(text: str) -> str:
    """Lower case without diacritics: harakat, accents and hamza seats go (أ is ا, é is e), as the
    worker folds what a reader types, so النُّجَبَاء finds النجباء."""
    lower = text.lower()
    return lower if lower.isascii() else unicodedata.normalize("NFD", lower).translate(_marks())


@functools.cache
def _marks() -> dict[int, None]:
    """Every non-spacing mark (Unicode category Mn), for str.translate to drop."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Mn"}


def words(text: str) -> list[str]:
    """The indexed words of a text (HTML tags dropped), in order, stop words left out."""
    return [w for w in WORD.findall(fold(html.unescape(TAG.sub(" ", text)))) if w not in STOP_WORDS]


def pages(docs: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """Material's entries joined into one per page (a section's location adds '#anchor'), in order:
    {location, title, text}, the page's title being its first entry's."""
    joined: dict[str, dict[str, str]] = {}
    for doc in docs:
        location = doc["location"].split("#")[0]
        page = joined.setdefault(location, {"location": location, "title": doc["title"], "text": ""})
        page["text"] = f"{page['text']} {doc['text']}".strip()
    return list(joined.values())


def teaser(title: str, text: str) -> str:
    """The opening of a page's text as plain text after its title, cut at a word, for the result list."""
    plain = " ".join(html.unescape(TAG.sub(" ", text)).split()).removeprefix(title).lstrip()
    if len(plain) <= TEASER_CHARACTERS:
        return plain
    return plain[:TEASER_CHARACTERS].rsplit(" ", 1)[0] + " …"


def offline_index(material_index: Mapping[str, Any]) -> dict[str, Any]:
    """{"index": the serialized lunr index, "pages": [[location, title, teaser], ...]}: a result's
    ref is its page's place in "pages"."""
    builder = Builder()
    builder.ref("id")
    builder.field("title", boost=TITLE_BOOST)
    builder.field("text")
    shown = []
    for number, page in enumerate(pages(material_index["docs"])):
        # lists of words: lunr.py's tokenizer then takes each as one token, as the worker's query does
        builder.add({"id": str(number), "title": words(page["title"]), "text": words(page["text"])})
        title = html.unescape(page["title"])
        shown.append([page["location"], title, teaser(title, page["text"])])
    return {"index": builder.build().serialize(), "pages": shown}
