"""The extracted text kept beside an imported article (<slug>.source.txt), and articles as reprint records.

`digest import` keeps the text it extracted next to the draft, for the curator and for reprint
detection; the site build drops *.txt from the content tree, so it is never published.
"""
from __future__ import annotations

from pathlib import Path

from digest.curate.reprints import Record, likely_reprints
from digest.model import Article
from digest.problems import Problem

SUFFIX = ".source.txt"


def companion_path(article_path: Path) -> Path:
    """content/articles/2025/01/x.md -> content/articles/2025/01/x.source.txt"""
    return article_path.with_name(article_path.name.removesuffix(".md") + SUFFIX)


def record_for(article: Article, root: Path) -> Record:
    """The article as reprint detection sees it: title, date, addresses, and its kept text or else its summary."""
    kept = companion_path(root / article.path)
    text = (
        kept.read_text(encoding="utf-8", errors="replace") if kept.is_file() else f"{article.summary}\n\n{article.body}"
    )
    urls = frozenset(s.url for s in (article.source, *article.also_published) if s.url)
    return Record(article.path, article.title, text, article.date, urls)


def reprint_warnings(articles: tuple[Article, ...], root: Path) -> list[Problem]:
    """A warning on the later of each pair of published articles that look like the same report."""
    pairs = likely_reprints([record_for(article, root) for article in articles])
    return [
        Problem(later.key, 1, f"looks like the same report as {earlier.key} ({reason}); if it is a reprint, "
                f"list it under that article's also_published and delete this file", warning=True)
        for earlier, later, reason in pairs
    ]
