"""`digest bundle`: the zip's name, its bytes, what it holds, and that every link in it works offline."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import posixpath
import zipfile
from pathlib import Path

import pytest
from site_links import refs
from trees import article, content_tree, mkdocs_project, write_tree

from digest.cli import main
from digest.shell.bundle import bundle_name, write_zip
from digest.site.urls import slugify

NAME = "test-digest-offline-2025-02-03"
ARTICLES = {
    "2025/01/nujaba-halts.md": article("Nujaba halts attacks", "2025-01-16", "[iraq]", "actors: [النجباء]\n"),
    "2025/02/baghdad-talks.md": article("Baghdad talks", "2025-02-03T01:30:00+03:00", "[golan-heights]"),
    "2025/02/secret-plan.md": article("Unpublished plan", "2025-02-20", "[iraq]", "draft: true\n", "Draft notes.\n"),
}


def project(root: Path, articles: dict[str, str] = ARTICLES) -> Path:
    content_tree(root, articles)
    return mkdocs_project(root)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    """The bundle of a small project with two published articles and a newer draft."""
    root = tmp_path_factory.mktemp("bundle")
    assert main(["bundle", "-f", str(project(root))]) == 0
    return root / "dist" / f"{NAME}.zip"


@pytest.fixture(scope="module")
def entries(bundled: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundled) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pages(entries: dict[str, bytes]) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in entries.items() if name.endswith(".html")}


def test_slugify_transliterates_and_keeps_letters_and_digits():
    assert slugify("Iraq and the Gaza ceasefire — a digest") == "iraq-and-the-gaza-ceasefire-a-digest"
    assert slugify("  Über-Café: 2025!  ") == "uber-cafe-2025"
    assert slugify("العراق") == "lrq"  # transliterated


def test_bundle_name_has_the_date_and_a_fallback_for_names_without_letters():
    assert bundle_name("Test digest", dt.date(2025, 2, 3)) == NAME
    assert bundle_name("ملخص", dt.date(2025, 2, 3)) == "mlkhs-offline-2025-02-03"  # transliterated
    assert bundle_name("— · —", dt.date(2025, 2, 3)) == "digest-offline-2025-02-03"


def test_the_name_carries_the_newest_published_date_not_the_drafts(bundled):
    assert bundled.is_file()
    assert sorted(p.name for p in bundled.parent.iterdir()) == [bundled.name]


def test_entries_are_sorted_under_one_folder_with_fixed_times_and_modes(bundled):
    with zipfile.ZipFile(bundled) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert all(name.startswith(f"{NAME}/") and ".." not in name.split("/") for name in names)
    assert {info.date_time for info in infos} == {(2025, 2, 3, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert {info.create_system for info in infos} == {3}


def test_holds_the_site_and_nothing_else(entries):
    names = {name.removeprefix(f"{NAME}/") for name in entries}
    assert {"index.html", "articles/nujaba-halts.html", "articles/baghdad-talks.html", "regions/iraq.html",
            "actors/harakat-al-nujaba.html", "search/search_index.js", "assets/javascripts/iframe-worker/shim.js",
            "assets/javascripts/iframe-worker/LICENSE"} <= names
    assert not [
        n for n in names if n.endswith((".md", ".yml", ".yaml", ".part")) or n.startswith(("content/", "dist/"))
    ]


def test_no_draft_anywhere(entries):
    assert not [name for name in entries if "secret-plan" in name]
    assert not [name for name, data in entries.items() if b"secret-plan" in data or b"Unpublished plan" in data]


def test_every_page_and_asset_link_resolves_to_a_file_in_the_bundle(entries):
    files = set(entries)
    broken = []
    for name, html in pages(entries).items():
        for ref in refs(html):
            if not ref.local:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), ref.path))
            if ref.path.endswith("/") or target not in files:
                broken.append(f"{name}: {ref.url}")
    assert broken == []


def test_links_name_files_and_pages_end_in_html(entries):
    """From file:// a link to a folder opens a directory listing, not its index.html."""
    page_links = {ref.path for html in pages(entries).values() for ref in refs(html) if ref.local and ref.tag == "a"}
    assert not [path for path in page_links if "." not in path.rsplit("/", 1)[-1]]
    assert "html" in {path.rsplit(".", 1)[-1] for path in page_links}


def test_nothing_is_loaded_from_another_host(entries):
    remote = sorted(
        {ref.url for html in pages(entries).values() for ref in refs(html) if ref.fetched and not ref.local}
    )
    assert remote == []
    shim = '<script src="assets/javascripts/iframe-worker/shim.js"></script>'
    assert shim in pages(entries)[f"{NAME}/index.html"]


def test_search_index_is_built_ahead_as_a_script_for_file_urls(entries):
    material = entries[f"{NAME}/search/search_index.js"].decode("utf-8")  # every page loads it: no pages in it
    assert material.startswith("var __index = ") and json.loads(material[len("var __index = "):])["docs"] == []
    script = entries[f"{NAME}/search/lunr_index.js"].decode("utf-8")
    prefix = "var __digest_lunr = "
    assert script.startswith(prefix) and script.endswith(";\n")
    data = json.loads(script[len(prefix):-2])
    shown = {location: (title, teaser) for location, title, teaser in data["pages"]}
    assert shown["articles/nujaba-halts.html"][0] == "Nujaba halts attacks"
    assert shown["actors/harakat-al-nujaba.html"][1].startswith("Armed group")  # the title is not repeated
    terms = {term for term, _ in data["index"]["invertedIndex"]}
    assert {"nujaba", "halts", "النجباء", "curator", "notes"} <= terms
    assert data["index"]["version"] == "2.3.9"  # what the bundle's lunr.js loads
    assert f"{NAME}/assets/javascripts/lunrjs/lunr.min.js" in entries


def test_files_only_a_web_server_uses_are_left_out(entries):
    """The 404 page links from site_url's path and the sitemap lists online URLs: useless from file://."""
    assert not {f"{NAME}/404.html", f"{NAME}/sitemap.xml", f"{NAME}/sitemap.xml.gz"} & set(entries)


def test_two_bundles_of_the_same_content_are_byte_identical(tmp_path, bundled, monkeypatch):
    """Another folder, another build clock, other file times: the same bytes."""
    root = tmp_path / "elsewhere"
    config = project(root)
    for path in (root / "content").rglob("*"):
        os.utime(path, (1_800_000_000, 1_800_000_000))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert main(["bundle", "-f", str(config)]) == 0
    again = root / "dist" / bundled.name
    assert again.read_bytes() == bundled.read_bytes()


def test_the_normal_build_keeps_directory_urls_and_no_offline_parts(tmp_path):
    config = project(tmp_path)
    assert main(["build", "-f", str(config)]) == 0
    site = tmp_path / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert (site / "articles" / "nujaba-halts" / "index.html").is_file()
    assert 'href="articles/nujaba-halts/"' in home
    assert "iframe-worker" not in home and not (site / "search" / "search_index.js").exists()


def test_content_problems_stop_the_bundle_before_anything_is_written(tmp_path, capsys):
    config = project(tmp_path, {"a.md": article("A", regions="[Irak, atlantis]")})
    assert main(["bundle", "-f", str(config)]) == 1
    assert "content/articles/a.md:5: unknown region 'atlantis'" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_only_drafts_means_nothing_to_bundle(tmp_path, capsys):
    config = project(tmp_path, {"a.md": article("A", extra="draft: true\n")})
    assert main(["bundle", "-f", str(config)]) == 1
    assert capsys.readouterr().err == (
        "digest: nothing to bundle: no article is published yet (drafts are never bundled)\n")
    assert not (tmp_path / "dist").exists()


def test_a_theme_without_the_shim_fails_instead_of_reaching_for_a_cdn(tmp_path, capsys):
    config = project(tmp_path, {"a.md": article("A")})
    write_tree(tmp_path, {"theme/main.html": '{% extends "base.html" %}\n'})
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(text.split("custom_dir: ")[1].split("\n")[0], str(tmp_path / "theme")), encoding="utf-8"
    )
    assert main(["bundle", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert (
        "extra.polyfills names assets/javascripts/iframe-worker/shim.js, but the theme (custom_dir) has no such file"
        in err
    )
    assert not (tmp_path / "dist").exists()


def test_a_polyfill_from_another_host_fails(tmp_path, capsys):
    config = project(tmp_path, {"a.md": article("A")})
    config.write_text(
        config.read_text(encoding="utf-8") + "extra:\n  polyfills: [https://unpkg.com/iframe-worker/shim]\n",
        encoding="utf-8",
    )
    assert main(["bundle", "-f", str(config)]) == 1
    assert "an offline bundle cannot load scripts from other hosts" in capsys.readouterr().err


def test_write_zip_clamps_dates_before_1980_and_leaves_out_only_server_files(tmp_path):
    write_tree(tmp_path / "site", {"index.html": "home", "404.html": "gone", "a/404.html": "kept", "a/.hidden": "dot"})
    out = io.BytesIO()
    assert write_zip(tmp_path / "site", "top", dt.date(1975, 5, 1), out) == 3
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["top/a/.hidden", "top/a/404.html", "top/index.html"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_dist_inside_the_content_tree_is_refused(tmp_path, capsys):
    config = project(tmp_path, {"a.md": article("A")})
    assert main(["bundle", "-f", str(config), "--dist", str(tmp_path / "content" / "out")]) == 1
    assert "is inside the content folder; choose a folder outside it" in capsys.readouterr().err
    assert not (tmp_path / "content" / "out").exists()
