"""Content tree -> raw documents: encodings, line endings, empty and unreadable files, what is skipped."""
from __future__ import annotations

from pathlib import Path

import pytest
from trees import article, content_tree

from digest.read.tree import read_content

VALID = article("A report", "2025-01-16", "[iraq]", body="First line.\nSecond line.\n")


def read(root: Path):
    return read_content(root / "content", root)


def problems(root: Path) -> list[str]:
    return [str(p) for p in read(root).problems]


def write_bytes(root: Path, name: str, data: bytes) -> None:
    path = root / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_an_article_is_read_with_its_lines_and_body(tmp_path):
    raw = read(content_tree(tmp_path, {"2025/01/report.md": VALID}))
    [doc] = raw.articles
    assert (doc.path, doc.stem) == ("content/articles/2025/01/report.md", "report")
    assert doc.front.value["title"] == "A report"
    assert doc.front.line("regions") == 5
    assert doc.body == "First line.\nSecond line.\n"
    assert raw.problems == []


@pytest.mark.parametrize("encode", [
    pytest.param(lambda text: text.encode("utf-8-sig"), id="bom"),
    pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8-sig"), id="bom-crlf"),
    pytest.param(lambda text: text.replace("\n", "\r").encode(), id="cr"),
])
def test_bom_and_any_line_ending_read_the_same_as_plain_utf8(tmp_path, encode):
    content_tree(tmp_path, {})
    write_bytes(tmp_path, "report.md", encode(VALID))
    [doc] = read(tmp_path).articles
    assert doc.front.value["title"] == "A report"
    assert doc.front.line("summary") == 6
    assert doc.body == "First line.\nSecond line.\n"


def test_a_registry_with_bom_and_crlf_is_read(tmp_path):
    content_tree(tmp_path, {})
    (tmp_path / "content" / "themes.yml").write_bytes(
        "\ufeffceasefire: {name: Ceasefire}\r\ntruce: {name: Truce}\r\n".encode("utf-8")
    )
    path, document = read(tmp_path).registries["themes"]
    assert (path, list(document.value), document.line("truce")) == ("content/themes.yml", ["ceasefire", "truce"], 2)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\r\n"], ids=["zero-bytes", "blank", "bom-only", "crlf-only"]
)
def test_an_empty_file(tmp_path, data):
    content_tree(tmp_path, {})
    write_bytes(tmp_path, "empty.md", data)
    assert problems(tmp_path) == [
        "content/articles/empty.md:1: the file is empty: an article starts with front matter between '---' lines"
    ]


def test_a_file_that_is_not_utf8_says_where(tmp_path):
    content_tree(tmp_path, {})
    write_bytes(tmp_path, "latin1.md", VALID.replace("A report", "Caf\u00e9 talks").encode("latin-1"))
    assert problems(tmp_path) == [
        "content/articles/latin1.md:2: the file is not UTF-8: byte 0xE9 at column 11 cannot be read; save it as UTF-8"
    ]


def test_windows_1252_quotes_in_the_body_are_found_on_their_line(tmp_path):
    content_tree(tmp_path, {})
    write_bytes(tmp_path, "cp1252.md", (VALID + "He said \x93enough\x94.\n").encode("latin-1"))
    assert problems(tmp_path) == [
        "content/articles/cp1252.md:10: the file is not UTF-8: byte 0x93 at column 9 cannot be read; save it as UTF-8"
    ]


def test_a_utf16_file(tmp_path):
    content_tree(tmp_path, {})
    write_bytes(tmp_path, "utf16.md", VALID.encode("utf-16"))
    assert problems(tmp_path) == ["content/articles/utf16.md:1: the file is UTF-16, not UTF-8: save it as UTF-8"]


def test_a_file_that_cannot_be_read(tmp_path):
    content_tree(tmp_path, {})
    (tmp_path / "content" / "articles").mkdir()
    (tmp_path / "content" / "articles" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert problems(tmp_path) == ["content/articles/gone.md:1: the file cannot be read: No such file or directory"]


def test_front_matter_problems_are_reported_with_the_file(tmp_path):
    content_tree(tmp_path, {
        "none.md": "Just a body.\n",
        "unclosed.md": "---\ntitle: T\n",
        "tabs.md": "---\ntitle: T\nquotes:\n\t- speaker: A\n---\n",
    })
    assert problems(tmp_path) == [
        "content/articles/none.md:1: no front matter: the file must start with a line '---', then the fields, then "
        "'---'",
        "content/articles/tabs.md:4: a tab is used for indentation; YAML allows only spaces",
        "content/articles/unclosed.md:1: front matter is not closed: no line '---' after the fields",
    ]


def test_articles_are_found_at_any_depth_in_sorted_order_and_hidden_files_are_skipped(tmp_path):
    content_tree(tmp_path, {
        "b.md": VALID, "2025/01/a.md": VALID, "2025/02/deep/er/c.md": VALID,
        ".draft.md": "not read", ".git/x.md": "not read", "notes.txt": "not read", "image.png": "not read",
    })
    assert [a.path for a in read(tmp_path).articles] == [
        "content/articles/2025/01/a.md", "content/articles/2025/02/deep/er/c.md", "content/articles/b.md",
    ]


def test_missing_registries_are_absent_not_errors(tmp_path):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    raw = read(tmp_path)
    assert (raw.registries, raw.problems, raw.articles) == ({}, [], [])


def test_a_registry_named_yaml_is_pointed_at_its_right_name(tmp_path):
    content_tree(tmp_path, {})
    (tmp_path / "content" / "themes.yml").rename(tmp_path / "content" / "themes.yaml")
    assert problems(tmp_path) == ["content/themes.yaml:1: registries are read from 'themes.yml': rename the file"]


def test_a_registry_with_a_yaml_error(tmp_path):
    content_tree(tmp_path, {}, themes="ceasefire: {name: Ceasefire}\ntruce: {name: Truce\n")
    assert problems(tmp_path) == ["content/themes.yml:2: a mapping in {braces} is not closed: expected ',' or '}'"]
