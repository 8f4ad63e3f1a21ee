"""`digest new`: slugs, the draft's fields, placeholders in `digest check`, and never overwriting."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from trees import article, content_tree, mkdocs_project

from digest.check.articles import ARTICLE_FIELDS
from digest.cli import main
from digest.read.yaml_lines import load, split_front_matter
from digest.site.urls import MAX_SLUG, slugify


def run(root, *args: str) -> int:
    return main([args[0], "--content", str(root / "content"), "-f", str(mkdocs_project(root)), *args[1:]])


def front(path):
    return load(split_front_matter(path.read_text(encoding="utf-8")).text).value


def test_slugs_are_lowercase_ascii_words_joined_by_hyphens():
    assert slugify("Kata’ib Hezbollah: the truce — déjà vu?") == "kataib-hezbollah-the-truce-deja-vu"
    assert slugify("  Iraq's PMF law, 2025  ") == "iraqs-pmf-law-2025"


def test_arabic_titles_are_transliterated():
    slug = slugify("فصائل عراقية تعلق هجماتها")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", slug), slug
    assert slug.startswith("fsil-")


def test_long_titles_are_cut_at_a_word():
    slug = slugify("word " * 40)
    assert len(slug) <= MAX_SLUG and not slug.endswith("-") and slug.endswith("word")


def test_new_writes_a_draft_with_every_field_dated_today(tmp_path, capsys):
    root = content_tree(tmp_path, {})
    assert run(root, "new", "Al-Nujaba statement on the Golan front") == 0
    today = dt.date.today()
    path = root / f"content/articles/{today:%Y}/{today:%m}/al-nujaba-statement-on-the-golan-front.md"
    assert (
        f"wrote content/articles/{today:%Y}/{today:%m}/al-nujaba-statement-on-the-golan-front.md (draft)"
        in capsys.readouterr().out
    )
    fields = front(path)
    assert set(fields) == set(ARTICLE_FIELDS)
    assert fields["draft"] is True and str(fields["date"]) == today.isoformat()
    assert fields["title"] == "Al-Nujaba statement on the Golan front"
    assert fields["regions"] == ["golan-heights"] and fields["actors"] == ["harakat-al-nujaba"]
    assert fields["summary"].startswith("TODO:")


def test_a_new_draft_passes_check_with_warnings_and_fails_strict(tmp_path, capsys):
    root = content_tree(tmp_path, {})
    assert run(root, "new", "Something happened") == 0
    capsys.readouterr()
    assert run(root, "check") == 0
    err = capsys.readouterr().err
    assert "warning: 'summary' is still a placeholder (TODO: ...): write it before publishing" in err
    assert "warning: 'regions.0' is still a placeholder" in err
    assert run(root, "check", "--strict") == 1
    assert "--strict treats warnings as errors" in capsys.readouterr().err


def test_a_published_article_may_not_keep_a_placeholder(tmp_path, capsys):
    text = article("Done", extra="").replace("summary: A summary in the curator's words.", "summary: 'TODO: write it'")
    root = content_tree(tmp_path, {"2025/01/done.md": text})
    assert run(root, "check") == 1
    assert (
        "content/articles/2025/01/done.md:6: 'summary' is still a placeholder (TODO: ...): write it, or set 'draft: "
        "true'"
        in capsys.readouterr().err
    )


def test_new_never_overwrites_and_names_the_file(tmp_path, capsys):
    root = content_tree(tmp_path, {"2024/05/baghdad-talks.md": article("Baghdad talks")})
    before = (root / "content/articles/2024/05/baghdad-talks.md").read_bytes()
    assert run(root, "new", "Baghdad talks") == 1
    assert (
        "digest: the slug 'baghdad-talks' is already used by content/articles/2024/05/baghdad-talks.md"
        in capsys.readouterr().err
    )
    assert (root / "content/articles/2024/05/baghdad-talks.md").read_bytes() == before
    assert len(list((root / "content/articles").rglob("*.md"))) == 1


def test_a_slug_field_takes_the_slug_too(tmp_path, capsys):
    root = content_tree(tmp_path, {"2025/01/other-name.md": article("X", extra="slug: talks-resume\n")})
    assert run(root, "new", "Talks resume") == 1
    assert "already used by content/articles/2025/01/other-name.md" in capsys.readouterr().err


def test_new_takes_a_slug_option(tmp_path):
    root = content_tree(tmp_path, {})
    assert run(root, "new", "«»", "--slug", "my-slug") == 0
    assert list((root / "content/articles").rglob("my-slug.md"))


@pytest.mark.parametrize("title", ["«»", "!!!"])
def test_a_title_without_letters_asks_for_a_slug(tmp_path, capsys, title):
    root = content_tree(tmp_path, {})
    assert run(root, "new", title) == 1
    assert "give one with --slug" in capsys.readouterr().err
