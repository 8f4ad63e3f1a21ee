"""The data behind the site: published articles, their quotes and the registries as JSON and CSV files.

Returns {site path: bytes}; writes nothing. Deterministic: records in a fixed order, JSON with
sorted keys, no clock. Drafts are never in the index, so never here.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from digest.group.index import Index, week_of
from digest.group.trends import KINDS, Trend, Trends, groups
from digest.model import Article
from digest.site.json_text import indented
from digest.site.languages import text_language
from digest.site.sentences import trend_sentence
from digest.site.statements import quote_id
from digest.site.urls import SECTIONS, Links, page_src
from digest.words import ENGLISH, N_

FORMATS = ("json", "csv")
DATA_DIR = SECTIONS["data"]
ARTICLE_COLUMNS = {
    "slug": N_("The article's identifier, unique in the digest"),
    "url": N_(
        "Its page in this site (absolute when the site's address is configured, else relative to the site's root)"
    ),
    "title": N_("The title as curated"),
    "date": N_("When the original reporting appeared, YYYY-MM-DD"),
    "week": N_("Its ISO week, YYYY-Www, as in the weekly digest"),
    "source_name": N_("Who published it"),
    "source_url": N_("The original report's address; empty when not recorded"),
    "regions": N_("The regions it names, as slugs (see regions.json), ';'-separated in the CSV"),
    "actors": N_("The actors it names, as slugs (see actors.json)"),
    "themes": N_("The themes it names, as slugs (see themes.json)"),
    "language": N_("The language of its text, a BCP 47 tag such as en or ar"),
    "summary": N_("The curator's one-paragraph summary"),
}
"""The articles' columns, in order, with what each holds: the CSV header and the data page's table
(which translates the meanings; the names stay)."""
QUOTE_COLUMNS = {
    "speaker": N_("Who spoke, as the article names them"),
    "actor": N_("The speaker's actor slug (see actors.json); empty when the speaker is not in the registry"),
    "text": N_("The quote, word for word"),
    "language": N_("The quote's language: its article's, or ar for Arabic script in an article in another script"),
    "date": N_("The date of the article that quotes it, YYYY-MM-DD"),
    "article": N_("The slug of that article"),
    "url": N_(
        "The quote on the article's page: the article's url and #quote-N, N its place among the article's quotes"
    ),
}
"""The quotes' columns, likewise: one record per quote of a published article, free-text speakers included."""
PAGE_KINDS = {"regions": "region", "actors": "actor", "themes": "theme"}
LIST_SEPARATOR = ";"
"""Joins slugs in one CSV cell; slugs never contain it."""


def data_files(
    index: Index, trends: Trends, links: Links, site_url: str | None, formats: tuple[str, ...] = FORMATS
) -> dict[str, bytes]:
    """{'data/articles.json': ..., 'data/articles.csv': ..., ...} for the formats asked, in sorted order."""
    urls = PageUrls(links, site_url)
    records = [article_record(article, urls) for article in index.articles]
    quotes = [quote for article in index.articles for quote in quote_records(article, urls)]
    files: dict[str, bytes] = {}
    if "csv" in formats:
        files[f"{DATA_DIR}/articles.csv"] = table_csv(ARTICLE_COLUMNS, records)
        files[f"{DATA_DIR}/quotes.csv"] = table_csv(QUOTE_COLUMNS, quotes)
    if "json" in formats:
        files[f"{DATA_DIR}/articles.json"] = _json(records)
        files[f"{DATA_DIR}/quotes.json"] = _json(quotes)
        for kind in KINDS:
            files[f"{DATA_DIR}/{kind}.json"] = _json(_registry(kind, index, trends, urls))
    return dict(sorted(files.items()))


class PageUrls:
    """A page's address in the data: absolute under site_url when it is set, else relative to the site root."""

    def __init__(self, links: Links, site_url: str | None):
        self.links = links
        self.base = (site_url.rstrip("/") + "/") if site_url else ""

    def __call__(self, kind: str, slug: str) -> str:
        return self.base + self.links.dest(page_src(kind, slug))


def article_record(article: Article, urls: PageUrls) -> dict[str, Any]:
    return {
        "slug": article.slug,
        "url": urls("article", article.slug),
        "title": article.title,
        "date": article.date.isoformat(),
        "week": week_of(article.date),
        "source_name": article.source.name,
        "source_url": article.source.url,
        "regions": list(article.regions),
        "actors": list(article.actors),
        "themes": list(article.themes),
        "language": article.language,
        "summary": article.summary,
        "quotes": [{"speaker": q.speaker, "text": q.text, "actor": q.actor} for q in article.quotes],
        "also_published": [{"name": s.name, "url": s.url} for s in article.also_published],
    }


def quote_records(article: Article, urls: PageUrls) -> list[dict[str, Any]]:
    """The article's quotes in its order; actor is None for a free-text speaker."""
    page = urls("article", article.slug)
    return [
        {
            "speaker": quote.speaker,
            "actor": quote.actor,
            "text": quote.text,
            "language": text_language(quote.text, article.language),
            "date": article.date.isoformat(),
            "article": article.slug,
            "url": f"{page}#{quote_id(number)}",
        }
        for number, quote in enumerate(article.quotes, start=1)
    ]


def table_csv(columns: dict[str, str], records: list[dict[str, Any]]) -> bytes:
    """RFC 4180 (the csv module's default dialect: CRLF, quotes where needed), UTF-8 with a byte order
    mark so that spreadsheet programs read Arabic as UTF-8 rather than the system's code page."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in records:
        writer.writerow(_cell(record[column]) for column in columns)
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def _json(data: Any) -> bytes:
    return indented(data) + b"\n"


def _trend(trend: Trend) -> dict[str, Any]:
    window = trend.window
    return {
        "direction": trend.direction,
        "sentence": trend_sentence(trend, ENGLISH),  # data files are the same in every language of the site
        "recent": trend.recent,
        "earlier": trend.earlier,
        "to_week": window.now if window else None,
    }


def _registry(kind: str, index: Index, trends: Trends, urls: PageUrls) -> list[dict[str, Any]]:
    """One record per entry of a registry ('regions', 'actors', 'themes'), by slug."""
    articles = groups(index)[kind]
    records = []
    for slug, entry in sorted(getattr(index.registries, kind).items()):
        record = {
            "slug": slug,
            "name": entry.name,
            "url": urls(PAGE_KINDS[kind], slug),
            "aliases": list(entry.aliases),
            "description": entry.description,
            "articles": len(articles[slug]),
            "trend": _trend(trends.of(kind, slug)),
        }
        if kind == "regions":
            record.update(parent=entry.parent, children=list(index.children[slug]))
        elif kind == "actors":
            record.update(
                kind=entry.kind,
                member_of=list(entry.member_of),
                members=list(index.members[slug]),
                aligned_with=list(entry.aligned_with),
                aligned_by=list(index.aligned_by[slug]),
                based_in=entry.based_in,
            )
        records.append(record)
    return records
