"""The extracted text kept beside an imported article, and what reprint detection reads of an article."""

import datetime as dt
from pathlib import Path

from digest.curate.companions import companion_path, record_for
from digest.model import Article, Source


def article(path: str, summary: str = "A summary.") -> Article:
    return Article(
        slug=Path(path).stem,
        title="Talks",
        published=dt.datetime(2025, 1, 9, tzinfo=dt.UTC),
        source=Source("Outlet", "https://example.org/a"),
        regions=("iraq",),
        summary=summary,
        path=path,
        body="The notes.",
    )


def test_the_companion_sits_beside_the_article():
    assert companion_path(Path("content/articles/2025/01/x.md")) == Path("content/articles/2025/01/x.source.txt")


def test_a_record_reads_the_kept_text_when_there_is_one(tmp_path):
    kept = tmp_path / "content/articles/x.source.txt"
    kept.parent.mkdir(parents=True)
    kept.write_text("The whole extracted story.", encoding="utf-8")
    record = record_for(article("content/articles/x.md"), tmp_path)
    assert (record.key, record.title, record.text) == ("content/articles/x.md", "Talks", "The whole extracted story.")
    assert record.urls == frozenset({"https://example.org/a"})


def test_without_kept_text_a_record_reads_summary_and_body(tmp_path):
    assert record_for(article("content/articles/y.md"), tmp_path).text == "A summary.\n\nThe notes."
