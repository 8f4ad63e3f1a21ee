"""Pagefind's index is written whole, the same every time, in parts of a bounded number of pages, or
the build stops with Pagefind's words."""

import json
import os
import subprocess
import tempfile

import pytest
from served_search import part_fragments

import digest.shell.pagefind as pagefind
from digest.shell.pagefind import PagefindFailed, SearchPages, split, write_index

PAGE = '<html lang="en"><body><h1>{title}</h1><p>{text}</p></body></html>'
TEXTS = {
    "a": "Nujaba halts attacks",
    "b": "Talks in Baghdad",
    "c": "Aid reaches Gaza",
    "d": "Port of Hodeidah reopens",
    "e": "Kirkuk council meets",
}


def pages(tmp_path, texts=TEXTS):
    folder = tmp_path / "pages"
    for slug, text in texts.items():
        (folder / "articles" / slug).mkdir(parents=True)
        (folder / "articles" / slug / "index.html").write_text(PAGE.format(title=slug, text=text), encoding="utf-8")
    return folder


def written(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("part_pages", [1000, 2])
def test_every_file_of_the_index_is_written_whole_and_the_same_each_time(tmp_path, part_pages):
    source = pages(tmp_path)
    outputs = []
    for run in range(3):  # the Python API's binary was stopped mid-write: one file in a few came out cut short
        assert write_index(source, tmp_path / f"index{run}", "en", part_pages) == 5
        outputs.append(written(tmp_path / f"index{run}"))
    assert all(output == outputs[0] for output in outputs)
    assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind", "parts.json"} <= set(outputs[0])
    assert not [name for name in outputs[0] if "pagefind-ui" in name]
    assert all(outputs[0].values())  # no empty file


def test_a_site_larger_than_a_part_is_indexed_in_parts_that_the_first_lists(tmp_path):
    index = tmp_path / "index"
    assert write_index(pages(tmp_path), index, "en", 2) == 5
    assert json.loads((index / "parts.json").read_text(encoding="utf-8")) == ["part-2/", "part-3/"]
    assert sorted(part_fragments(index)) == ["articles/a/", "articles/b/"]
    assert sorted(part_fragments(index / "part-2")) == ["articles/c/", "articles/d/"]
    assert sorted(part_fragments(index / "part-3")) == ["articles/e/"]
    assert part_fragments(index / "part-3")["articles/e/"]["content"] == "e. Kirkuk council meets."
    for part in ("part-2", "part-3"):  # the first part's script and WebAssembly serve them all
        assert sorted(path.name for path in (index / part).iterdir() if path.is_file())[0] == "pagefind-entry.json"
        assert not list((index / part).glob("wasm.*")) and not (index / part / "pagefind.js").exists()
        assert not list((index / part).glob("part-*")) and not (index / part / "parts.json").exists()


def test_a_site_that_fits_in_one_part_lists_no_other(tmp_path):
    index = tmp_path / "index"
    assert write_index(pages(tmp_path), index, "en", 5) == 5
    assert json.loads((index / "parts.json").read_text(encoding="utf-8")) == []
    assert sorted(part_fragments(index)) == [f"articles/{slug}/" for slug in "abcde"]
    assert not list(index.glob("part-*"))


def test_pages_are_shared_out_in_order_in_parts_as_even_as_they_can_be():
    assert [len(part) for part in split([f"p{n:04}" for n in range(3336)], 1500)] == [1112, 1112, 1112]
    assert split(list("abcdefg"), 3) == [["a", "b", "c"], ["d", "e"], ["f", "g"]]
    assert split(list("abcdef"), 3) == [["a", "b", "c"], ["d", "e", "f"]]
    assert split(["a"], 1000) == [["a"]]


def test_a_folder_with_nothing_to_search_gives_no_index(tmp_path):
    (tmp_path / "pages").mkdir()
    assert write_index(tmp_path / "pages", tmp_path / "index", "en", 1000) == 0
    assert not (tmp_path / "index").exists()


def test_pagefind_failing_stops_with_its_own_words(tmp_path):
    (tmp_path / "taken").write_text("a file where the index's folder would go", encoding="utf-8")
    with pytest.raises(PagefindFailed, match="Not a directory"):
        write_index(pages(tmp_path), tmp_path / "taken" / "pagefind", "en", 1000)


def test_the_searched_pages_go_to_tmpdir_when_it_is_set(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python reads TMPDIR once, then keeps what it found
    monkeypatch.setattr(pagefind, "MEMORY_DIR", tmp_path / "memory")
    (tmp_path / "memory").mkdir()
    search_pages = SearchPages()
    assert search_pages.folder.parent == tmp_path
    search_pages.close()
    assert not search_pages.folder.exists()


def test_the_searched_pages_go_to_memory_when_tmpdir_is_not_set(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(pagefind, "MEMORY_DIR", tmp_path)
    search_pages = SearchPages()
    assert search_pages.folder.parent == tmp_path
    search_pages.close()
    monkeypatch.setattr(pagefind, "MEMORY_DIR", tmp_path / "absent")
    assert pagefind.scratch_parent() is None


def test_a_folder_left_by_a_build_whose_process_is_gone_is_removed(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(pagefind, "MEMORY_DIR", tmp_path)
    finished = subprocess.Popen(["true"])
    finished.wait()
    stale = tmp_path / f"digest-search-{finished.pid}-abc"
    running = tmp_path / f"digest-search-{os.getpid()}-def"
    other = tmp_path / "digest-search-notes"
    for folder in (stale, running, other):
        (folder / "articles").mkdir(parents=True)
    search_pages = SearchPages()
    assert search_pages.folder.name.startswith(f"digest-search-{os.getpid()}-")
    assert not stale.exists() and running.exists() and other.exists()
    search_pages.close()


def searched_pages(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(pagefind, "MEMORY_DIR", tmp_path / "memory")
    (tmp_path / "memory").mkdir()
    search_pages = SearchPages()
    search_pages.start("en")
    return search_pages


def added(search_pages, slugs):
    for slug in slugs:
        search_pages.add(f"articles/{slug}/index.html", f"<h1>{slug}</h1><p>{TEXTS[slug]}</p>")


def test_each_part_is_indexed_as_soon_as_its_pages_are_in_and_later_pages_are_one_more_part(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind, "PART_PAGES", 2)
    search_pages = searched_pages(tmp_path, monkeypatch)
    search_pages.expect(4)  # the digest's own pages, handed over as the core renders them
    added(search_pages, "d")
    assert search_pages.indexing is None
    added(search_pages, "c")
    indexing = search_pages.indexing
    assert indexing is not None and indexing.is_alive()
    assert indexing.parts == [["articles/d/index.html", "articles/c/index.html"]]
    added(search_pages, "ba")
    assert len(indexing.parts) == 2
    added(search_pages, "e")  # a page the digest did not generate, once MkDocs made its HTML
    assert len(indexing.parts) == 2
    assert search_pages.write_index(tmp_path / "site") == 5
    index = tmp_path / "site" / "pagefind"
    assert json.loads((index / "parts.json").read_text(encoding="utf-8")) == ["part-2/", "part-3/"]
    assert sorted(part_fragments(index)) == ["articles/c/", "articles/d/"]
    assert sorted(part_fragments(index / "part-2")) == ["articles/a/", "articles/b/"]
    assert sorted(part_fragments(index / "part-3")) == ["articles/e/"]
    assert not indexing.folder.exists()  # moved into the site
    search_pages.close()


def test_pages_expected_by_no_one_are_indexed_in_parts_once_the_pages_are_written(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind, "PART_PAGES", 2)
    search_pages = searched_pages(tmp_path, monkeypatch)
    added(search_pages, "abcde")
    assert search_pages.indexing is None
    assert search_pages.write_index(tmp_path / "site") == 5
    parts = json.loads((tmp_path / "site" / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert parts == ["part-2/", "part-3/"]
    search_pages.close()


def test_the_index_made_beside_the_build_is_the_one_made_after_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind, "PART_PAGES", 2)
    search_pages = searched_pages(tmp_path, monkeypatch)
    search_pages.expect(5)
    added(search_pages, "abcde")
    search_pages.write_index(tmp_path / "beside")
    assert write_index(search_pages.folder, tmp_path / "after", "en", 2) == 5
    assert written(tmp_path / "beside" / "pagefind") == written(tmp_path / "after")
    search_pages.close()


def test_a_page_unchanged_since_the_last_build_is_not_written_again_and_one_gone_is_removed(tmp_path, monkeypatch):
    search_pages = searched_pages(tmp_path, monkeypatch)
    added(search_pages, "ab")
    assert search_pages.write_index(tmp_path / "site") == 2
    page_a, page_b = (search_pages.folder / "articles" / slug / "index.html" for slug in "ab")
    page_a.write_text("<html><body><p>as the last build left it</p></body></html>", encoding="utf-8")
    search_pages.start("en")
    added(search_pages, "a")  # the same HTML as last time
    assert search_pages.write_index(tmp_path / "site") == 1
    assert "as the last build left it" in page_a.read_text(encoding="utf-8")
    assert not page_b.exists()
    search_pages.start("en")
    search_pages.add("articles/a/index.html", "<h1>a</h1><p>Nujaba resumes attacks</p>")
    assert "Nujaba resumes attacks" in page_a.read_text(encoding="utf-8")
    search_pages.close()


def test_a_failed_build_stops_the_indexing_and_the_next_one_indexes_again(tmp_path, monkeypatch):
    search_pages = searched_pages(tmp_path, monkeypatch)
    search_pages.expect(5)
    added(search_pages, "abcde")
    indexing = search_pages.indexing
    search_pages.cancel()  # on_build_error
    assert not indexing.is_alive() and (indexing.process is None or indexing.process.returncode is not None)
    assert not indexing.folder.exists()
    search_pages.start("en")
    search_pages.expect(5)
    added(search_pages, "abcde")
    assert search_pages.write_index(tmp_path / "site") == 5
    search_pages.close()


def test_pagefind_failing_beside_the_build_stops_it_with_its_own_words(tmp_path, monkeypatch):
    search_pages = searched_pages(tmp_path, monkeypatch)
    search_pages.expect(1)
    search_pages.add("notes/readme.txt", "<p>no page Pagefind reads</p>")
    with pytest.raises(PagefindFailed, match="not able to build an index"):
        search_pages.write_index(tmp_path / "site")
    assert not (tmp_path / "site" / "pagefind").exists()
    search_pages.close()
