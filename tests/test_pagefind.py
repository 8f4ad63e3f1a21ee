"""Pagefind's index is written whole, the same every time, or the build stops with Pagefind's words."""

import os
import subprocess
import tempfile

import pytest

import digest.shell.pagefind as pagefind
from digest.shell.pagefind import PagefindFailed, SearchPages, write_index

PAGE = '<html lang="en"><body><h1>{title}</h1><p>{text}</p></body></html>'


def pages(tmp_path):
    folder = tmp_path / "pages"
    for slug, text in {"a": "Nujaba halts attacks", "b": "Talks in Baghdad", "c": "Aid reaches Gaza"}.items():
        (folder / "articles" / slug).mkdir(parents=True)
        (folder / "articles" / slug / "index.html").write_text(PAGE.format(title=slug, text=text), encoding="utf-8")
    return folder


def written(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_every_file_of_the_index_is_written_whole_and_the_same_each_time(tmp_path):
    source = pages(tmp_path)
    outputs = []
    for run in range(4):  # the Python API's binary was stopped mid-write: one file in a few came out cut short
        assert write_index(source, tmp_path / f"index{run}", "en") == 3
        outputs.append(written(tmp_path / f"index{run}"))
    assert all(output == outputs[0] for output in outputs)
    assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind"} <= set(outputs[0])
    assert not [name for name in outputs[0] if name.startswith("pagefind-ui")]
    assert all(outputs[0].values())  # no empty file


def test_a_folder_with_nothing_to_search_gives_no_index(tmp_path):
    (tmp_path / "pages").mkdir()
    assert write_index(tmp_path / "pages", tmp_path / "index", "en") == 0
    assert not (tmp_path / "index").exists()


def test_pagefind_failing_stops_with_its_own_words(tmp_path):
    (tmp_path / "taken").write_text("a file where the index's folder would go", encoding="utf-8")
    with pytest.raises(PagefindFailed, match="Not a directory"):
        write_index(pages(tmp_path), tmp_path / "taken" / "pagefind", "en")


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
